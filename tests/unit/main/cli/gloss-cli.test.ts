/**
 * The built `gloss` command, run as a child process on temporary data folders: help, bad
 * arguments and their exit codes, export (standard output, --out, --doc, --folder) while the app
 * runs too, list, and import (round trip into an empty data folder, dry run, refusals that leave
 * the folder as it was, and a running Gloss that keeps it from writing).
 */
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test, type TestContext } from 'node:test';
import type { OpenedDocument } from '../../../../main/api';
import { EXPORT_FORMATS } from '../../../../main/common/export-formats';
import { call, ESSAY, folderPicture, highlightIn, openService, tempFolder, writeDocument } from '../export/fixtures/data-folder';
import { builtCli, runGloss } from './built-cli';

/** A data folder with two annotated documents, made through the service and closed. */
async function library(t: TestContext): Promise<{ dir: string; data: string; essayPath: string; essay: OpenedDocument }> {
  const dir = await tempFolder(t, 'gloss-cli-');
  const data = join(dir, 'data');
  const service = await openService(t, data);
  const essayPath = await writeDocument(join(dir, 'docs'), 'essay.md', ESSAY);
  const essay = (await call(service, 'openDocument', { path: essayPath })) as OpenedDocument;
  await highlightIn(service, essay, 'the reader talks back', { note: 'A margin note, with "quotes".', tags: ['margins'] });
  await highlightIn(service, essay, 'A first paragraph', { note: 'Before any section.' });
  const other = (await call(service, 'openDocument', { path: await writeDocument(join(dir, 'docs'), 'other.md', '# Other\n\nA plain sentence.\n') })) as OpenedDocument;
  await highlightIn(service, other, 'A plain sentence', { note: 'Plain enough.' });
  await service.close();
  return { dir, data, essayPath, essay };
}

describe('gloss', () => {
  before(() => builtCli());

  test('help: the commands, each command, and the exit codes', async () => {
    for (const args of [['--help'], ['help'], []]) {
      const run = await runGloss(args);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /^Usage: gloss <command> \[options\]/);
      assert.match(run.stdout, /Exit codes:\n {2}0 {2}done\n {2}1 {2}something failed/);
    }
    for (const command of ['export', 'import', 'list', 'serve', 'where']) {
      const viaHelp = await runGloss(['help', command]);
      assert.equal(viaHelp.code, 0);
      assert.match(viaHelp.stdout, new RegExp(`^Usage: gloss ${command}`));
      if (command !== 'serve' && command !== 'where') assert.equal((await runGloss([command, '--help'])).stdout, viaHelp.stdout);
    }
    assert.match((await runGloss(['help', 'export'])).stdout, /readwise-csv {2}Readwise's CSV import columns/);
    const unknown = await runGloss(['help', 'frobnicate']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'gloss: There is no command “frobnicate”.\nRun `gloss help` to see the commands.\n');
  });

  test('bad arguments get a clear message and exit 2, and touch nothing', async (t) => {
    const { data } = await library(t);
    const before = await folderPicture(data);
    const cases: [string[], string][] = [
      [['frobnicate'], 'gloss: Unknown command “frobnicate”.\nRun `gloss help` to see the commands.\n'],
      [['export'], 'gloss: gloss export needs --format: one of md, json, w3c, html, csv, readwise-csv, anki.\nRun `gloss help export` to see how.\n'],
      [['export', '--format', 'pdf'], 'gloss: Unknown format “pdf”: use one of md, json, w3c, html, csv, readwise-csv, anki.\nRun `gloss help export` to see how.\n'],
      [['export', '--format'], 'gloss: --format needs a value.\nRun `gloss help export` to see how.\n'],
      [['export', '--format', 'md', '--colour'], 'gloss: Unknown option --colour.\nRun `gloss help export` to see how.\n'],
      [['export', '--format', 'md', '--all', '--doc', 'x.md'], 'gloss: Give --doc FILE or --all, not both.\nRun `gloss help export` to see how.\n'],
      [['export', '--format', 'md', '--out', 'a', '--folder', 'b'], 'gloss: Give --out FILE or --folder DIR, not both.\nRun `gloss help export` to see how.\n'],
      [['export', '--format', 'json', '--folder', 'b'], 'gloss: --folder keeps Markdown files: use it with --format md.\nRun `gloss help export` to see how.\n'],
      [['export', '--format', 'md', 'stray.md'], 'gloss: gloss export takes no file, not “stray.md”.\nRun `gloss help export` to see how.\n'],
      [['import'], 'gloss: gloss import needs the FILE to import.\nRun `gloss help import` to see how.\n'],
      [['import', 'a.json', 'b.json'], 'gloss: gloss import takes one file, not “a.json b.json”.\nRun `gloss help import` to see how.\n'],
      [['import', 'a.json', '--dry-run=yes'], 'gloss: --dry-run takes no value.\nRun `gloss help import` to see how.\n'],
      [['list', '--all'], 'gloss: Unknown option --all.\nRun `gloss help list` to see how.\n'],
    ];
    for (const [args, stderr] of cases) {
      const run = await runGloss([...args, '--data-dir', data]);
      assert.equal(run.stderr, stderr, args.join(' '));
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
    }
    const inside = await runGloss(['export', '--format', 'md', '--folder', join(data, 'notes'), '--data-dir', data]);
    assert.equal(inside.code, 2);
    assert.match(inside.stderr, /The notes folder cannot be inside Gloss's data folder/);
    assert.deepEqual(await folderPicture(data), before);
  });

  test('export writes every format to standard output, the same bytes each time', async (t) => {
    const { data } = await library(t);
    for (const format of EXPORT_FORMATS) {
      const first = await runGloss(['export', '--format', format, '--data-dir', data]);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(first.stderr, '');
      assert.ok(first.stdout.includes('the reader talks back'), format);
      assert.ok(first.stdout.includes('A plain sentence'), `${format} is the whole library by default`);
      assert.equal((await runGloss(['export', '--format', format, '--all', '--data-dir', data])).stdout, first.stdout, `${format} again`);
    }
  });

  test('export --doc FILE (a relative path) and --out FILE; a missing or unknown document exits 4', async (t) => {
    const { dir, data } = await library(t);
    const run = await runGloss(['export', '--format', 'md', '--doc', 'docs/essay.md', '--out', 'out/essay notes.md', '--data-dir', 'data'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `gloss: 2 annotations written to ${join(dir, 'out', 'essay notes.md')}\n`);
    const written = await readFile(join(dir, 'out', 'essay notes.md'), 'utf8');
    assert.match(written, /^---\ntitle: "Reading closely"\n/);
    assert.ok(written.includes('A margin note, with "quotes".') && !written.includes('A plain sentence'));

    const missing = await runGloss(['export', '--format', 'md', '--doc', join(dir, 'nope.md'), '--data-dir', data]);
    assert.equal(missing.code, 4);
    assert.equal(missing.stderr, `gloss: ${join(dir, 'nope.md')} does not exist.\n`);
    const stranger = await writeDocument(dir, 'stranger.md', '# Not opened\n');
    const unknown = await runGloss(['export', '--format', 'md', '--doc', stranger, '--data-dir', data]);
    assert.equal(unknown.code, 4);
    assert.match(unknown.stderr, /stranger\.md is not in the Gloss library of .*data\. Open it in Gloss first/);
  });

  test('export reads while the app runs, and sees what it confirmed', async (t) => {
    const { data, essay } = await library(t);
    const running = await openService(t, data);
    await highlightIn(running, essay, 'A second paragraph', { note: 'Made while the app runs.' });
    const run = await runGloss(['export', '--format', 'csv', '--data-dir', data]);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.includes('Made while the app runs.'));
  });

  test('export --folder DIR keeps one Markdown file per document, and writes nothing when nothing changed', async (t) => {
    const { dir, data } = await library(t);
    const vault = join(dir, 'vault');
    const first = await runGloss(['export', '--format', 'md', '--folder', vault, '--data-dir', data]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stderr, `gloss: 2 files written, 0 already up to date, in ${vault}\n`);
    assert.deepEqual((await readdir(vault)).sort(), ['Other.md', 'Reading closely.md']);
    const essay = join(vault, 'Reading closely.md');
    await writeFile(essay, `${await readFile(essay, 'utf8')}\nMy own words.\n`);
    const second = await runGloss(['export', '--format', 'md', '--folder', vault, '--data-dir', data]);
    assert.equal(second.stderr, `gloss: 0 files written, 2 already up to date, in ${vault}\n`);
    await writeFile(essay, (await readFile(essay, 'utf8')).replace('Before any section.', 'Before any section, I say.'));
    const edited = await runGloss(['export', '--format', 'md', '--folder', vault, '--data-dir', data]);
    assert.match(edited.stderr, /“Reading closely\.md” has 1 block you edited\. Gloss leaves it exactly as it is/);
    assert.ok((await readFile(essay, 'utf8')).includes('Before any section, I say.\n'));
    assert.ok((await readFile(essay, 'utf8')).includes('My own words.'));
  });

  test('list shows the documents with their counts, as a table or JSON', async (t) => {
    const { data, essayPath } = await library(t);
    const table = await runGloss(['list', '--data-dir', data]);
    assert.equal(table.code, 0);
    assert.equal(table.stdout, `Annotations  Document\n          1  Other — ${join(essayPath, '..', 'other.md')}\n          2  Reading closely — ${essayPath}\n\n2 documents, 3 annotations\n`);
    const json = JSON.parse((await runGloss(['list', '--json', '--data-dir', data])).stdout) as { title: string; annotations: number; orphaned: number }[];
    assert.deepEqual(json.map(({ title, annotations, orphaned }) => [title, annotations, orphaned]), [['Other', 1, 0], ['Reading closely', 2, 0]]);
    assert.match((await runGloss(['list'], { env: { GLOSS_DATA_DIR: join(data, 'empty') } })).stdout, /has no documents yet/);
  });

  test('import: a JSON export comes back into an empty data folder unchanged; again, all are duplicates', async (t) => {
    const { dir, data } = await library(t);
    const file = join(dir, 'export.json');
    assert.equal((await runGloss(['export', '--format', 'json', '--out', file, '--data-dir', data])).code, 0);
    const fresh = join(dir, 'fresh');
    const run = await runGloss(['import', file, '--data-dir', fresh]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '3 imported, 0 duplicates skipped, 0 orphaned\n');
    assert.match(run.stderr, /“Reading closely” \(.*essay\.md\) was added to your library\./);
    assert.equal((await runGloss(['export', '--format', 'json', '--data-dir', fresh])).stdout, await readFile(file, 'utf8'));
    const again = await runGloss(['import', file, '--data-dir', fresh]);
    assert.equal(again.stdout, '0 imported, 3 duplicates skipped, 0 orphaned\n');
  });

  test('import --dry-run says what would happen and changes nothing, even while the app runs', async (t) => {
    const { dir, data, essay } = await library(t);
    const file = join(dir, 'w3c.jsonld');
    await writeFile(file, (await runGloss(['export', '--format', 'w3c', '--data-dir', data])).stdout);
    const other = join(dir, 'other-data');
    const service = await openService(t, other);
    const target = (await call(service, 'openDocument', { path: await writeDocument(dir, 'copy.md', ESSAY) })) as OpenedDocument;
    assert.notEqual(target.id, essay.id);
    // The document's annotation count is kept a second after it is learnt: on disk before the picture.
    await service.flush();
    const before = await folderPicture(other);
    const run = await runGloss(['import', file, '--doc', join(dir, 'copy.md'), '--dry-run', '--data-dir', other]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'Dry run, nothing was changed: 3 imported, 0 duplicates skipped, 1 orphaned\n');
    assert.deepEqual(await folderPicture(other), before);
  });

  test('import refuses while Gloss runs on the folder, naming it (exit 3), and writes nothing', async (t) => {
    const { dir, data } = await library(t);
    const file = join(dir, 'export.json');
    await writeFile(file, (await runGloss(['export', '--format', 'json', '--data-dir', data])).stdout);
    const fresh = join(dir, 'fresh');
    await (await openService(t, fresh)).flush();
    const before = await folderPicture(fresh);
    const run = await runGloss(['import', file, '--data-dir', fresh]);
    assert.equal(run.code, 3);
    assert.match(run.stderr, new RegExp(`^gloss: Nothing was imported: the data folder ${fresh.replace(/[/\\]/g, '.')} is in use by Gloss \\(process ${process.pid}, started `));
    assert.deepEqual(await folderPicture(fresh), before);
  });

  test('import --doc FILE adds the document to the library and imports into it', async (t) => {
    const { dir, data } = await library(t);
    const file = join(dir, 'essay.json');
    await writeFile(file, (await runGloss(['export', '--format', 'json', '--doc', join(dir, 'docs', 'essay.md'), '--data-dir', data])).stdout);
    const fresh = join(dir, 'fresh');
    const copy = await writeDocument(dir, 'copy.md', ESSAY);
    const run = await runGloss(['import', file, '--doc', copy, '--data-dir', fresh]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '2 imported, 0 duplicates skipped, 0 orphaned\n');
    assert.match((await runGloss(['list', '--data-dir', fresh])).stdout, /2 {2}Reading closely — .*copy\.md/);
  });

  test('a file that cannot be imported exits 5 and changes nothing; a missing one or unknown documents exit 4', async (t) => {
    const { dir, data } = await library(t);
    const before = await folderPicture(data);
    const bad: [string, string, RegExp, number][] = [
      ['broken.json', '{"format": "gloss-annotations",', /^gloss: This file cannot be imported: it is not valid JSON/, 5],
      ['proto.json', '{"__proto__": {"x": 1}, "format": "gloss-annotations", "version": 1, "documents": []}', /holds a "__proto__" key/, 5],
      ['shape.json', '{"format": "gloss-annotations", "version": 1, "documents": [{"id": 5}]}', /it is not valid Gloss JSON/, 5],
      ['newer.json', '{"format": "gloss-annotations", "version": 99, "documents": []}', /written by a newer Gloss/, 5],
      ['unknown.json', JSON.stringify([{ type: 'Annotation', id: 'urn:x', target: { source: 'https://example.org/a', selector: { type: 'TextQuoteSelector', exact: 'x' } } }]), /^gloss: Nothing was imported\. 1 annotation is for a document not in your library/, 4],
    ];
    for (const [name, text, message, code] of bad) {
      await writeFile(join(dir, name), text);
      const run = await runGloss(['import', join(dir, name), '--data-dir', data]);
      assert.equal(run.code, code, `${name}: ${run.stderr}`);
      assert.match(run.stderr, message, name);
      assert.equal(run.stdout, '');
    }
    const big = join(dir, 'big.json');
    await writeFile(big, Buffer.alloc(50 * 1024 * 1024 + 1, 0x20));
    const tooBig = await runGloss(['import', big, '--data-dir', data]);
    assert.equal(tooBig.code, 5);
    assert.equal(tooBig.stderr, 'gloss: “big.json” is 50.0 MB; Gloss imports files of up to 50 MB.\n');
    const missing = await runGloss(['import', join(dir, 'nowhere.json'), '--data-dir', data]);
    assert.equal(missing.code, 4);
    assert.match(missing.stderr, /“nowhere\.json” does not exist at /);
    assert.deepEqual(await folderPicture(data), before);
  });
});
