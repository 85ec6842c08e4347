/**
 * GlossApi.watchDocument, the one way both transports learn that the open document's file
 * changed on disk: through dispatch, over a real file.
 */
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import { hashBytes } from '../../../../main/documents/document-id';
import { ARTICLE, ARTICLE_EDITED, libraryWorld } from './library-fixtures';

test('an edit of the open document answers the waiting call with the new hash; a delete answers missing', async (t) => {
  const world = await libraryWorld(t);
  const doc = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
  const waiting = world.call('watchDocument', { documentId: doc.id, contentHash: doc.contentHash });
  await new Promise((resolve) => setTimeout(resolve, 100));
  await writeFile(doc.path, ARTICLE_EDITED);
  assert.deepEqual(await waiting, { status: 'changed', contentHash: hashBytes(ARTICLE_EDITED) });

  // Believing the old hash, the next call answers at once: no change is lost between two calls.
  assert.deepEqual(await world.call('watchDocument', { documentId: doc.id, contentHash: doc.contentHash }), { status: 'changed', contentHash: hashBytes(ARTICLE_EDITED) });

  const gone = world.call('watchDocument', { documentId: doc.id, contentHash: hashBytes(ARTICLE_EDITED) });
  await new Promise((resolve) => setTimeout(resolve, 100));
  await rm(doc.path);
  assert.deepEqual(await gone, { status: 'missing' });
  assert.deepEqual(await world.call('listLibrary', {}).then((list) => list.map((entry) => entry.missing)), [true]);
});

test('a document not in the library cannot be watched, and closing the service answers a waiting call', async (t) => {
  const world = await libraryWorld(t);
  await assert.rejects(world.call('watchDocument', { documentId: 'abcdef0123456789', contentHash: null }), { code: 'not-found' });
  const doc = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
  const waiting = world.call('watchDocument', { documentId: doc.id, contentHash: doc.contentHash });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await world.service.close();
  assert.deepEqual(await waiting, { status: 'unchanged' });
  await world.restart();
});
