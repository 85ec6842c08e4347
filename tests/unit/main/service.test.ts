import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { AnnotationTarget } from '../../../main/api';
import { dispatch } from '../../../main/dispatch';
import { loadForReading } from '../../../main/documents/load-document';
import { createGlossService } from '../../../main/service';
import type { GlossService } from '../../../main/service-types';

const ASSETS = resolve('assets');

function targetFor(exact: string, contentHash: string): AnnotationTarget {
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 10, end: 10 + exact.length },
    headingPath: ['A Historic Visit'],
    contentHash,
  };
}

describe('GlossService over a real data folder', () => {
  let dataDir: string;
  let service: GlossService;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gloss-service-'));
    service = await createGlossService({ dataDir, assetsDir: ASSETS, documentAccess: 'any-path' });
  });

  afterEach(async () => {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('the first launch opens the sample article through the plain-text importer', async () => {
    const startup = await service.getStartup({});
    assert.ok(startup.document);
    assert.equal(startup.document.title, 'Kim Jong Un welcomes Putin in North Korea');
    assert.equal(startup.document.isSample, true);
    assert.equal(startup.document.format, 'text');
    const { markdown } = await loadForReading(startup.document.path);
    assert.equal(markdown.match(/^## /gm)?.length, 7);
    assert.equal(markdown.match(/^### /gm)?.length, 4);
    assert.equal(startup.document.isEmpty, false);
    assert.equal(startup.document.language, null);
    // And marked's HTML of it, which the reading view sanitizes and shows: the same sections.
    assert.equal(startup.document.unsafeHtml.match(/<h2>/g)?.length, 7);
    assert.equal(startup.document.unsafeHtml.match(/<h3>/g)?.length, 4);
    // The shipped file is used unchanged.
    assert.equal(await readFile(startup.document.path, 'utf8'), await readFile(join(ASSETS, 'articles/000_d802b92d1a2a96bd.txt'), 'utf8'));
  });

  test('later launches reopen the last document, and none after Close', async () => {
    await service.getStartup({});
    const file = join(dataDir, 'mine.md');
    await writeFile(file, '# Mine\n\nHello.\n');
    await service.openDocument({ path: file });
    await service.close();
    service = await createGlossService({ dataDir, assetsDir: ASSETS, documentAccess: 'any-path' });
    assert.equal((await service.getStartup({})).document?.title, 'Mine');
    await service.closeDocument({});
    assert.equal((await service.getStartup({})).document, null);
  });

  test('a document that vanished is reported at start, not thrown', async () => {
    await service.getStartup({});
    const file = join(dataDir, 'gone.md');
    await writeFile(file, '# Gone\n');
    await service.openDocument({ path: file });
    await rm(file);
    const startup = await service.getStartup({});
    assert.equal(startup.document, null);
    assert.equal(startup.error?.code, 'not-found');
    assert.match(startup.error?.message ?? '', /gone\.md/);
  });

  test('a bad upload is refused and nothing is written', async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41]).toString('base64');
    await assert.rejects(service.importDocument({ fileName: 'bad.txt', dataBase64: bytes }));
    assert.deepEqual(await readdir(dataDir).then((names) => names.filter((name) => name === 'imported')), []);
  });

  test('an upload with the same name is the same document, so its annotations follow the new text', async () => {
    const first = await service.importDocument({ fileName: 'essay.md', dataBase64: Buffer.from('# Essay\n\nOne.\n').toString('base64') });
    await service.createAnnotation({ documentId: first.id, kind: 'highlight', color: 'yellow', target: targetFor('One.', first.contentHash) });
    const second = await service.importDocument({ fileName: 'essay.md', dataBase64: Buffer.from('# Essay\n\nOne. Two.\n').toString('base64') });
    assert.equal(second.id, first.id);
    assert.notEqual(second.contentHash, first.contentHash);
    assert.equal((await service.listAnnotations({ documentId: second.id })).length, 1);
  });

  test('annotations: create, edit, delete and restore, with tags normalised', async () => {
    const doc = (await service.getStartup({})).document!;
    const created = await service.createAnnotation({
      documentId: doc.id,
      kind: 'highlight',
      color: 'pink',
      note: 'check this',
      tags: [' Politics ', 'politics', 'Asia'],
      target: targetFor('Putin arrived around noon', doc.contentHash),
    });
    assert.deepEqual(created.tags, ['Politics', 'Asia']);
    const edited = await service.updateAnnotation({ documentId: doc.id, id: created.id, changes: { note: 'checked', color: 'green' } });
    assert.equal(edited.note, 'checked');
    assert.equal(edited.color, 'green');
    const removed = await service.deleteAnnotation({ documentId: doc.id, id: created.id });
    assert.deepEqual(await service.listAnnotations({ documentId: doc.id }), []);
    await service.restoreAnnotation({ annotation: removed });
    assert.equal((await service.listAnnotations({ documentId: doc.id }))[0]?.note, 'checked');
  });

  test('invalid payloads through dispatch get an error and leave the store unchanged', async () => {
    const doc = (await service.getStartup({})).document!;
    const before = await service.listAnnotations({ documentId: doc.id });
    const attempts: unknown[] = [
      { documentId: doc.id, kind: 'highlight', color: 'orange', target: targetFor('x', doc.contentHash) },
      { documentId: doc.id, kind: 'highlight', color: 'yellow', target: targetFor('x', doc.contentHash), extra: 1 },
      { documentId: doc.id, kind: 'highlight', color: 'yellow', note: 'n'.repeat(100_001), target: targetFor('x', doc.contentHash) },
      { documentId: doc.id, kind: 'highlight', color: 'yellow', target: targetFor('q'.repeat(10_001), doc.contentHash) },
      { documentId: doc.id, kind: 'highlight', color: 'yellow', tags: Array.from({ length: 51 }, (_, i) => `t${i}`), target: targetFor('x', doc.contentHash) },
      { documentId: doc.id, kind: 'highlight', color: 'yellow', tags: ['t'.repeat(101)], target: targetFor('x', doc.contentHash) },
      { documentId: doc.id, kind: 'highlight', color: 'yellow', target: null },
      { documentId: '../../etc', kind: 'note', color: null, target: null },
      JSON.parse(`{"documentId":"${doc.id}","kind":"note","color":null,"target":null,"__proto__":{"polluted":true}}`),
      'not an object',
    ];
    for (const payload of attempts) {
      const result = await dispatch(service, 'createAnnotation', payload);
      assert.equal(result.ok, false, `accepted ${JSON.stringify(payload).slice(0, 120)}`);
      if (!result.ok) assert.equal(result.error.code, 'invalid-request');
    }
    assert.deepEqual(await service.listAnnotations({ documentId: doc.id }), before);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('a restored annotation is checked like a new one: real ISO dates in UTC, valid ids', async () => {
    const doc = (await service.getStartup({})).document!;
    const created = await service.createAnnotation({ documentId: doc.id, kind: 'highlight', color: 'yellow', target: targetFor('Putin arrived', doc.contentHash) });
    assert.match(created.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(created.updatedAt, created.createdAt);
    const removed = await service.deleteAnnotation({ documentId: doc.id, id: created.id });
    const forged = [
      { ...removed, createdAt: 'last Tuesday' },
      { ...removed, createdAt: '2025-02-30T10:00:00.000Z' },
      { ...removed, updatedAt: '2025-06-01 12:00' },
      { ...removed, createdAt: '2025-06-01T12:00:00+02:00' },
      { ...removed, id: '../../gloss' },
      { ...removed, documentId: 'not/an/id' },
    ];
    for (const annotation of forged) {
      const result = await dispatch(service, 'restoreAnnotation', { annotation });
      assert.equal(result.ok, false, JSON.stringify(annotation).slice(0, 200));
      if (!result.ok) assert.equal(result.error.code, 'invalid-request');
    }
    assert.deepEqual(await service.listAnnotations({ documentId: doc.id }), []);
    assert.equal((await dispatch(service, 'restoreAnnotation', { annotation: removed })).ok, true);
  });

  test('document images are served only from inside the document folder', async () => {
    const folder = join(dataDir, 'doc');
    await mkdir(join(folder, 'img'), { recursive: true });
    await writeFile(join(folder, 'img', 'dot.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await writeFile(join(dataDir, 'secret.png'), 'secret');
    await writeFile(join(folder, 'notes.txt'), 'not an image');
    await writeFile(join(folder, '..cover.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await writeFile(join(folder, 'page.md'), '# Page\n\n![dot](img/dot.png)\n');
    const doc = await service.openDocument({ path: join(folder, 'page.md') });
    const asset = await service.readAsset(doc.id, 'img/dot.png');
    assert.equal(asset.mimeType, 'image/png');
    await assert.rejects(service.readAsset(doc.id, '../secret.png'), /inside the document's folder/);
    await assert.rejects(service.readAsset(doc.id, '%2e%2e/secret.png'), /inside the document's folder/);
    await assert.rejects(service.readAsset(doc.id, 'notes.txt'), /not an image/);
    // A name that merely starts with two dots is inside the folder.
    assert.equal((await service.readAsset(doc.id, '..cover.png')).mimeType, 'image/png');
  });

  test('openExternal accepts only web and mail links', async () => {
    const opened: string[] = [];
    await service.close();
    service = await createGlossService({ dataDir, assetsDir: ASSETS, documentAccess: 'any-path', openExternal: async (url) => void opened.push(url) });
    await service.openExternal({ url: 'https://example.org/a' });
    await assert.rejects(service.openExternal({ url: 'file:///etc/passwd' }), /only opens web and mail links/);
    await assert.rejects(service.openExternal({ url: 'javascript:alert(1)' }), /only opens web and mail links/);
    await assert.rejects(service.openExternal({ url: 'https://bank.example@evil.example/' }), /without credentials/);
    assert.deepEqual(opened, ['https://example.org/a']);
  });
});

describe('a damaged annotation file', () => {
  test('is moved aside, its backup restored, and the reader told which document it was', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gloss-service-corrupt-'));
    let service = await createGlossService({ dataDir, assetsDir: ASSETS, documentAccess: 'any-path' });
    const doc = (await service.getStartup({})).document!;
    const target = targetFor('Putin arrived around noon', doc.contentHash);
    await service.createAnnotation({ documentId: doc.id, kind: 'highlight', color: 'yellow', note: 'first', target });
    await service.createAnnotation({ documentId: doc.id, kind: 'highlight', color: 'green', note: 'second', target });
    await service.close();

    const file = join(dataDir, 'annotations', `${doc.id}.json`);
    const damaged = (await readFile(file, 'utf8')).slice(0, 150);
    await writeFile(file, damaged);

    service = await createGlossService({ dataDir, assetsDir: ASSETS, documentAccess: 'any-path' });
    await service.getStartup({});
    const restored = await service.listAnnotations({ documentId: doc.id });
    // The backup holds the newest confirmed data too: nothing is lost.
    assert.deepEqual(restored.map((a) => a.note), ['first', 'second']);
    const notices = await service.takeNotices({});
    const kept = (await readdir(join(dataDir, 'annotations'))).filter((name) => name.includes('.corrupt-'));
    assert.equal(kept.length, 1);
    const keptAt = join(dataDir, 'annotations', kept[0] as string);
    assert.deepEqual(notices, [
      `The annotation file of "Kim Jong Un welcomes Putin in North Korea" (annotations/${doc.id}.json) was damaged; Gloss restored the last good copy. The damaged file was kept as ${keptAt}.`,
    ]);
    assert.equal(await readFile(keptAt, 'utf8'), damaged);
    assert.deepEqual(await service.takeNotices({}), []);
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  });
});

describe('starting after a crash', () => {
  test('removes the temp files a killed Gloss left, and nothing else', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gloss-service-crash-'));
    await mkdir(join(dataDir, 'annotations'), { recursive: true });
    await writeFile(join(dataDir, 'annotations', '.abc.json.0123456789abcdef.tmp'), 'half');
    await writeFile(join(dataDir, '.gloss.json.fedcba9876543210.tmp'), 'half');
    await writeFile(join(dataDir, 'annotations', 'abc.json.corrupt-2025-01-01T00-00-00-000Z'), 'kept');
    const service = await createGlossService({ dataDir, assetsDir: ASSETS, documentAccess: 'any-path' });
    assert.deepEqual(await readdir(join(dataDir, 'annotations')), ['abc.json.corrupt-2025-01-01T00-00-00-000Z']);
    assert.deepEqual((await readdir(dataDir)).filter((name) => name.endsWith('.tmp')), []);
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  });
});

describe('the sample article', () => {
  test('keeps its id and annotations when Gloss is installed somewhere else (an update, an AppImage)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gloss-install-'));
    const dataDir = join(root, 'data');
    const installs = [join(root, 'install-a'), join(root, 'install-b')];
    for (const install of installs) {
      await mkdir(join(install, 'articles'), { recursive: true });
      await writeFile(join(install, 'articles', '000_d802b92d1a2a96bd.txt'), await readFile(join(ASSETS, 'articles', '000_d802b92d1a2a96bd.txt')));
    }
    let service = await createGlossService({ dataDir, assetsDir: installs[0] as string, documentAccess: 'any-path' });
    const first = (await service.getStartup({})).document!;
    await service.createAnnotation({ documentId: first.id, kind: 'highlight', color: 'blue', note: 'kept', target: targetFor('Putin arrived around noon', first.contentHash) });
    await service.close();
    await rm(installs[0] as string, { recursive: true, force: true });

    service = await createGlossService({ dataDir, assetsDir: installs[1] as string, documentAccess: 'any-path' });
    const startup = await service.getStartup({});
    assert.equal(startup.error, null);
    assert.equal(startup.document?.id, first.id);
    assert.equal(startup.document?.isSample, true);
    assert.equal(startup.document?.path, resolve(installs[1] as string, 'articles', '000_d802b92d1a2a96bd.txt'));
    assert.equal(startup.recent[0]?.path, startup.document?.path);
    assert.deepEqual((await service.listAnnotations({ documentId: first.id })).map((a) => a.note), ['kept']);
    await service.close();
    await rm(root, { recursive: true, force: true });
  });
});
