import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { AnnotationTarget, OpenedDocument } from '../../../main/api';
import { dispatch } from '../../../main/dispatch';
import { createGlossService } from '../../../main/service';
import type { GlossService } from '../../../main/service-types';

const ASSETS = resolve('assets');

function targetFor(exact: string, contentHash: string): AnnotationTarget {
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 2, end: 2 + exact.length },
    headingPath: [],
    contentHash,
  };
}

describe('tags across the library', () => {
  let dataDir: string;
  let service: GlossService;
  let docs: OpenedDocument[];

  const tagged = async (doc: OpenedDocument, tags: string[]) =>
    service.createAnnotation({ documentId: doc.id, kind: 'highlight', color: 'yellow', tags, target: targetFor('Text', doc.contentHash) });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gloss-tags-'));
    service = await createGlossService({ dataDir, assetsDir: ASSETS, documentAccess: 'any-path' });
    docs = [];
    for (const name of ['a', 'b', 'c']) {
      const file = join(dataDir, `${name}.md`);
      await writeFile(file, `# ${name}\n\nText of ${name}.\n`);
      docs.push(await service.openDocument({ path: file }));
    }
  });

  afterEach(async () => {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('a tag typed with its # is stored without it', async () => {
    const created = await tagged(docs[0]!, ['#idea', 'Idea', '##two words']);
    assert.deepEqual(created.tags, ['idea', 'two words']);
    const updated = await service.updateAnnotation({ documentId: docs[0]!.id, id: created.id, changes: { tags: ['#later'] } });
    assert.deepEqual(updated.tags, ['later']);
  });

  test('lists every tag with how many annotations and documents use it', async () => {
    await tagged(docs[0]!, ['idea', 'gift']);
    await tagged(docs[0]!, ['Idea']);
    await tagged(docs[1]!, ['idea']);
    await tagged(docs[2]!, ['fruit']);
    assert.deepEqual(await service.listTags({}), [
      { tag: 'fruit', annotations: 1, documents: 1 },
      { tag: 'gift', annotations: 1, documents: 1 },
      { tag: 'idea', annotations: 3, documents: 2 },
    ]);
  });

  test('renames a tag in every document, one write per document that has it, and merges with a name in use', async () => {
    const one = await tagged(docs[0]!, ['idea', 'gift']);
    const both = await tagged(docs[1]!, ['ideas', 'Idea']);
    const untouched = await tagged(docs[2]!, ['fruit']);
    const untouchedFile = join(dataDir, 'annotations', `${docs[2]!.id}.json`);
    const before = await readFile(untouchedFile, 'utf8');

    assert.deepEqual(await service.renameTag({ from: 'IDEA', to: '#ideas' }), { annotations: 2, documents: 2 });
    const [first] = await service.listAnnotations({ documentId: docs[0]!.id });
    const [second] = await service.listAnnotations({ documentId: docs[1]!.id });
    assert.deepEqual(first?.tags, ['ideas', 'gift']);
    assert.deepEqual(second?.tags, ['ideas']);
    assert.equal(first?.createdAt, one.createdAt);
    assert.equal(second?.createdAt, both.createdAt);
    // A document without the tag is not written at all.
    assert.equal(await readFile(untouchedFile, 'utf8'), before);
    assert.deepEqual((await service.listAnnotations({ documentId: docs[2]!.id }))[0], untouched);

    // Durable: another process reads the renamed tags.
    await service.close();
    service = await createGlossService({ dataDir, assetsDir: ASSETS, documentAccess: 'any-path' });
    assert.deepEqual((await service.listTags({})).map((use) => use.tag), ['fruit', 'gift', 'ideas']);
    assert.deepEqual(await service.renameTag({ from: 'nothing', to: 'else' }), { annotations: 0, documents: 0 });
  });

  test('refuses a rename to nothing', async () => {
    await tagged(docs[0]!, ['idea']);
    for (const to of ['', '   ', '#']) {
      const result = await dispatch(service, 'renameTag', { from: 'idea', to });
      assert.equal(result.ok, false, `renamed to "${to}"`);
    }
    assert.deepEqual((await service.listTags({})).map((use) => use.tag), ['idea']);
  });

  test('a re-attach undone puts back the old passage and the status it had', async () => {
    const created = await tagged(docs[0]!, []);
    const moved = await service.updateAnnotation({ documentId: docs[0]!.id, id: created.id, changes: { target: targetFor('Tex', docs[0]!.contentHash) } });
    assert.equal(moved.status, 'anchored');
    const back = await service.updateAnnotation({ documentId: docs[0]!.id, id: created.id, changes: { target: created.target!, status: 'orphaned' } });
    assert.equal(back.status, 'orphaned');
    assert.deepEqual(back.target, created.target);
    const result = await dispatch(service, 'updateAnnotation', { documentId: docs[0]!.id, id: created.id, changes: { status: 'anchored' } });
    assert.equal(result.ok, false, 'a status alone is refused');
  });
});
