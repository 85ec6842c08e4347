/**
 * Search notes through the service, as both transports call it (dispatch): the index follows
 * every create, edit, delete, restore, re-anchoring, title change, removal and Undo of a document,
 * is still right after a restart (its snapshot), and the request is checked at the boundary.
 */
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { NotesSearchResults } from '../../../../main/common/notes-search';
import { dispatch } from '../../../../main/dispatch';
import { SNAPSHOT_FILE } from '../../../../main/search';
import { ARTICLE, OTHER_ARTICLE, libraryWorld, targetIn, type LibraryWorld } from './library-fixtures';

/** The ids of every hit, per document, for a query. */
async function hits(world: LibraryWorld, text: string, filters: { tags?: string[]; colors?: Array<'yellow' | 'green'> } = {}): Promise<Record<string, string[]>> {
  const results: NotesSearchResults = await world.call('searchNotes', { text, ...filters });
  return Object.fromEntries(results.groups.map((group) => [group.documentId, group.hits.map((hit) => hit.annotationId)]));
}

describe('searchNotes through the service', () => {
  test('follows create, edit, delete, Undo and re-anchoring, with typos, prefixes and filters', async (t) => {
    const world = await libraryWorld(t);
    const doc = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    const other = await world.call('openDocument', { path: await world.write('b.md', OTHER_ARTICLE) });
    const a = await world.call('createAnnotation', { documentId: doc.id, kind: 'highlight', color: 'yellow', note: 'Ask the café owner', tags: ['Shops'], target: targetIn(doc, 'reading groups') });
    const b = await world.call('createAnnotation', { documentId: other.id, kind: 'highlight', color: 'green', note: 'power grid strain', target: targetIn(other, 'power grid') });

    assert.deepEqual(await hits(world, 'cafe'), { [doc.id]: [a.id] }, 'accents folded');
    assert.deepEqual(await hits(world, 'owmer'), { [doc.id]: [a.id] }, 'a typo');
    assert.deepEqual(await hits(world, 'strai'), { [other.id]: [b.id] }, 'a prefix');
    assert.deepEqual(await hits(world, 'heatwave'), { [other.id]: [b.id] }, 'the document title');
    assert.deepEqual(await hits(world, '', { tags: ['shops'] }), { [doc.id]: [a.id] }, 'a tag filter alone');
    assert.deepEqual(await hits(world, 'grid', { colors: ['yellow'] }), {}, 'a color filter');
    const results = await world.call('searchNotes', { text: 'café' });
    const note = results.groups[0]?.hits[0]?.note;
    assert.equal(note?.text.slice(note.marks[0]?.start, note.marks[0]?.end), 'café', 'the matched word is marked');

    await world.call('updateAnnotation', { documentId: doc.id, id: a.id, changes: { note: 'Ask the baker' } });
    assert.deepEqual(await hits(world, 'cafe'), {}, 'an edit drops the old words');
    assert.deepEqual(await hits(world, 'baker'), { [doc.id]: [a.id] }, 'and finds the new ones');

    const deleted = await world.call('deleteAnnotation', { documentId: doc.id, id: a.id });
    assert.deepEqual(await hits(world, 'baker'), {}, 'a delete');
    await world.call('restoreAnnotation', { annotation: deleted });
    assert.deepEqual(await hits(world, 'baker'), { [doc.id]: [a.id] }, 'its Undo');

    await world.call('saveAnchoring', { documentId: other.id, contentHash: 'changed', updates: [{ id: b.id, target: null }] });
    assert.equal((await world.call('searchNotes', { text: 'grid' })).groups[0]?.hits[0]?.status, 'orphaned', 'a re-anchoring');
  });

  test('follows a document removed and put back, a new title, and a restart', async (t) => {
    const world = await libraryWorld(t);
    const path = await world.write('a.md', ARTICLE);
    const doc = await world.call('openDocument', { path });
    const a = await world.call('createAnnotation', { documentId: doc.id, kind: 'highlight', color: 'yellow', note: 'loyalty cards', target: targetIn(doc, 'loyalty cards') });
    const removed = await world.call('removeDocument', { documentId: doc.id });
    assert.deepEqual(await hits(world, 'loyalty'), {}, 'removed with its document');
    await world.call('restoreDocument', { trashId: removed.trashId });
    assert.deepEqual(await hits(world, 'loyalty'), { [doc.id]: [a.id] }, 'back with its Undo');

    await world.write('a.md', ARTICLE.replace('# Bookshops are back', '# Independent booksellers'));
    await world.call('openDocument', { path });
    assert.deepEqual(await hits(world, 'booksellers loyalty'), { [doc.id]: [a.id] }, 'the new title');
    assert.deepEqual(await hits(world, 'bookshops loyalty'), {}, 'not the old one');

    await world.restart();
    await access(join(world.dataDir, SNAPSHOT_FILE));
    // Asked again until the index has loaded: an answer before that says it is not complete.
    let results = await world.call('searchNotes', { text: 'loyalty' });
    for (let tries = 0; !results.complete && tries < 200; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      results = await world.call('searchNotes', { text: 'loyalty' });
    }
    assert.equal(results.complete, true);
    assert.deepEqual(results.groups.map((group) => group.hits.map((hit) => hit.annotationId)), [[a.id]]);
  });

  test('refuses a bad request at the boundary', async (t) => {
    const world = await libraryWorld(t);
    const refused = async (payload: unknown) => {
      const result = await dispatch(world.service, 'searchNotes', payload);
      assert.equal(result.ok, false, JSON.stringify(payload).slice(0, 80));
      if (!result.ok) assert.equal(result.error.code, 'invalid-request');
    };
    await refused({ text: 'x'.repeat(501) });
    await refused({ text: 'a', colors: ['red'] });
    await refused({ text: 'a', limit: 0 });
    await refused({ text: 'a', documentId: '../etc' });
    await refused({ text: 'a', extra: true });
    assert.equal((await dispatch(world.service, 'searchNotes', { text: 'nothing here' })).ok, true);
  });
});
