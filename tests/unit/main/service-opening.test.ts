import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createGlossService } from '../../../main/service';
import type { GlossService, ServiceOptions } from '../../../main/service-types';

const ASSETS = resolve('assets');

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('opening documents', () => {
  let dataDir: string;
  let folder: string;
  let services: GlossService[];

  const start = async (options: Partial<ServiceOptions> = {}) => {
    const service = await createGlossService({ dataDir, assetsDir: ASSETS, documentAccess: 'library', ...options });
    services.push(service);
    return service;
  };
  const stop = async (service: GlossService) => {
    await service.close();
    services = services.filter((s) => s !== service);
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gloss-opening-'));
    folder = await mkdtemp(join(tmpdir(), 'gloss-opening-docs-'));
    services = [];
  });

  afterEach(async () => {
    for (const service of services) await service.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(folder, { recursive: true, force: true });
  });

  test('the command-line file opens at the first start only; later starts of the window keep what was opened since', async () => {
    const first = join(folder, 'first.md');
    await writeFile(first, '# First\n\nText.\n');
    const service = await start({ initialDocumentPath: first });
    assert.equal((await service.getStartup({})).document?.title, 'First');
    const other = await service.importDocument({ fileName: 'other.md', dataBase64: base64('# Other\n\nMore.\n') });
    await service.openDocument({ path: first });
    await service.openDocument({ path: other.path });
    // A reload of the page asks again: the document open now, not the command line's.
    assert.equal((await service.getStartup({})).document?.title, 'Other');
    await stop(service);
    // A new process named with the file opens it again.
    const again = await start({ initialDocumentPath: first });
    assert.equal((await again.getStartup({})).document?.title, 'First');
  });

  test('a command-line file that does not exist is named as such, for the terminal and the page', async () => {
    const missing = join(folder, 'nowhere.md');
    const service = await start({ initialDocumentPath: missing });
    const problem = await service.launchProblem();
    assert.match(problem ?? '', new RegExp(`^Could not open ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: “nowhere.md” does not exist`));
    const startup = await service.getStartup({});
    assert.equal(startup.document, null);
    assert.equal(startup.error?.code, 'not-found');
    assert.deepEqual(startup.failedDocument, { path: missing, fileName: 'nowhere.md', origin: 'command-line' });
    const present = join(folder, 'here.md');
    await writeFile(present, '# Here\n');
    const fine = await start({ dataDir: join(folder, 'data-2'), initialDocumentPath: present });
    assert.equal(await fine.launchProblem(), null);
  });

  test('the last document gone missing is said to be the last document', async () => {
    const file = join(folder, 'gone.md');
    await writeFile(file, '# Gone\n');
    let service = await start({ initialDocumentPath: file });
    await service.getStartup({});
    await stop(service);
    await rm(file);
    service = await start();
    const startup = await service.getStartup({});
    assert.equal(startup.failedDocument?.origin, 'last-document');
    assert.equal(startup.failedDocument?.fileName, 'gone.md');
  });

  test('an upload of a library document’s file opens that document, and Recent lists it once', async () => {
    const text = '# Field notes\n\nThe heron stood.\n';
    const file = join(folder, 'field-notes.md');
    await writeFile(file, text);
    const service = await start({ initialDocumentPath: file });
    const opened = (await service.getStartup({})).document!;
    assert.equal(opened.isUpload, false);
    const uploaded = await service.importDocument({ fileName: 'field-notes.md', dataBase64: base64(text) });
    assert.equal(uploaded.id, opened.id);
    assert.equal(uploaded.path, opened.path);
    assert.equal(uploaded.isUpload, false);
    assert.deepEqual((await service.listRecent({})).map((entry) => entry.title), ['Field notes']);

    // Once the file on disk changed, an upload of the old bytes cannot be read from the disk: it is an upload again.
    await writeFile(file, `${text}\nA new line.\n`);
    const copy = await service.importDocument({ fileName: 'field-notes.md', dataBase64: base64(text) });
    assert.equal(copy.isUpload, true);
  });

  test('a file opened from the disk after an upload of the same bytes is that document, with its annotations, and Recent lists it once', async () => {
    const text = '# Field notes\n\nThe heron stood.\n';
    const service = await start({ documentAccess: 'any-path' });
    await service.getStartup({});
    const upload = await service.importDocument({ fileName: 'field-notes.md', dataBase64: base64(text) });
    assert.equal(upload.isUpload, true);
    const target = { quote: { type: 'TextQuoteSelector' as const, exact: 'heron', prefix: 'The ', suffix: ' stood' }, position: { type: 'TextPositionSelector' as const, start: 16, end: 21 }, headingPath: [], contentHash: upload.contentHash };
    const made = await service.createAnnotation({ documentId: upload.id, kind: 'highlight', color: 'green', note: 'kept', target });
    const file = join(folder, 'field-notes.md');
    await writeFile(file, text);
    const opened = await service.openDocument({ path: file });
    assert.equal(opened.isUpload, false);
    assert.equal(opened.movedFrom, upload.path);
    assert.deepEqual((await service.listAnnotations({ documentId: opened.id })).map((a) => [a.id, a.note, a.documentId]), [[made.id, 'kept', opened.id]]);
    assert.deepEqual((await service.listRecent({})).filter((entry) => entry.title === 'Field notes').map((entry) => [entry.id, entry.path]), [[opened.id, opened.path]]);
    // Durable: a new process reads them where they moved.
    await stop(service);
    const again = await start({ documentAccess: 'any-path' });
    assert.equal((await again.listAnnotations({ documentId: opened.id }))[0]?.note, 'kept');
  });

  test('an empty file is shown but not kept in Recent, and leaves it when a listed file became empty', async () => {
    const service = await start();
    await service.getStartup({});
    const empty = await service.importDocument({ fileName: 'empty.md', dataBase64: base64('  \n') });
    assert.equal(empty.isEmpty, true);
    assert.equal((await service.listRecent({})).some((entry) => entry.fileName === 'empty.md'), false);

    const file = join(folder, 'shrinking.md');
    await writeFile(file, '# Soon empty\n');
    const anyPath = await start({ dataDir: join(folder, 'data-3'), documentAccess: 'any-path' });
    await anyPath.openDocument({ path: file });
    assert.deepEqual((await anyPath.listRecent({})).map((entry) => entry.fileName), ['shrinking.md']);
    await writeFile(file, '');
    await anyPath.openDocument({ path: file });
    assert.deepEqual(await anyPath.listRecent({}), []);
  });

  test('an opened document says the language its front matter names, and carries its text once, as HTML', async () => {
    const file = join(folder, 'lingua.md');
    await writeFile(file, '---\ntitle: Língua\nlang: pt_br\n---\n\n# Língua\n\nUma frase.\n');
    const service = await start({ documentAccess: 'any-path' });
    const opened = await service.openDocument({ path: file });
    assert.equal(opened.language, 'pt-BR');
    assert.equal(opened.isEmpty, false);
    assert.match(opened.unsafeHtml, /<p>Uma frase\.<\/p>/);
    assert.equal('markdown' in opened, false);
    await writeFile(file, '# No front matter\n');
    assert.equal((await service.openDocument({ path: file })).language, null);
  });
});
