import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { csvField, guardFormula } from '../../../../../main/export/csv/csv-text';
import { CSV_COLUMNS, READWISE_COLUMNS, writeCsv, writeReadwiseCsv } from '../../../../../main/export/csv/write-csv';
import { prepareExport, type ExportSet } from '../../../../../main/export/export-set';
import { readDelimited } from '../fixtures/delimited';
import { exportInput, testLibrary } from '../fixtures/library';

type Library = Awaited<ReturnType<typeof testLibrary>>;

function readCsv(text: string): Record<string, string>[] {
  assert.ok(text.startsWith('\ufeff'), 'UTF-8 with a byte order mark');
  const [header, ...rows] = readDelimited(text.slice(1), ',', '\r\n');
  for (const row of rows) assert.equal(row.length, header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

describe('CSV export', () => {
  let library: Library;
  let set: ExportSet;
  before(async () => {
    library = await testLibrary();
    set = prepareExport(exportInput('library', [library.essay, library.notes], library.annotations));
  });

  it('has the columns, one row per annotation in export order, CRLF between records', () => {
    const text = writeCsv(set);
    assert.equal(text.split('\r\n')[0], `\ufeff${CSV_COLUMNS.join(',')}`);
    const rows = readCsv(text);
    assert.deepEqual(rows.map((row) => row.id), set.documents.flatMap((d) => d.annotations.map((a) => a.id)));
  });

  it('reads back every quote and note with its newlines, commas, quotes, emoji and RTL text', () => {
    const rows = readCsv(writeCsv(set));
    for (const annotation of [...library.annotations.values()].flat()) {
      const row = rows.find((r) => r.id === annotation.id)!;
      assert.equal(row.quote, guardFormula(annotation.target?.quote.exact ?? ''));
      assert.equal(row.note, guardFormula(annotation.note));
      assert.equal(row.status, annotation.status);
      assert.equal(row.created, annotation.createdAt);
      assert.equal(row.link, `gloss://annotation/${annotation.documentId}/${annotation.id}`);
    }
    const first = rows.find((r) => r.id!.endsWith('0001'))!;
    assert.equal(first.section, 'Margins, "quotes" & commas');
    assert.equal(first.meaning, 'Doubt, "maybe"');
    assert.equal(first.tags, 'reading list, weird tag!, 1984');
    assert.equal(rows.find((r) => r.id!.endsWith('0004'))!.section, 'שלום עולם › Deeper 🧪 section');
    assert.equal(first['content hash'], library.essay.contentHash);
    assert.equal(first.source, library.essay.path);
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const cell = csvField(`${start}1+1`);
      assert.ok(cell.replace(/^"/, '').startsWith("'"), JSON.stringify(cell));
    }
    assert.equal(csvField('1+1'), '1+1');
    assert.equal(csvField('a=b'), 'a=b');
    const rows = readCsv(writeCsv(set));
    const formula = rows.find((r) => r.id!.endsWith('0002'))!;
    assert.equal(formula.note, `'=HYPERLINK("https://evil.example","click")`);
    assert.equal(formula.tags, "'-minus, @at");
    for (const row of rows) for (const value of Object.values(row)) assert.doesNotMatch(value, /^[=+\-@\t\r]/);
  });
});

describe('Readwise CSV export', () => {
  let library: Library;
  let rows: Record<string, string>[];
  before(async () => {
    library = await testLibrary();
    const text = writeReadwiseCsv(prepareExport(exportInput('document', [library.essay], library.annotations)));
    assert.equal(text.split('\r\n')[0], `\ufeff${READWISE_COLUMNS.join(',')}`);
    rows = readCsv(text);
  });

  it('has one row per highlight (Readwise takes no document notes) in reading order', () => {
    assert.equal(rows.length, 6);
    assert.deepEqual(rows.map((r) => Number(r.Location)), [62, 183, 220, 299, 398, 40]);
    for (const row of rows) {
      assert.equal(row.Title, 'Reading 🎉 closely');
      assert.equal(row.URL, 'file:///library/Reading%20closely.md');
      assert.match(row.Date!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  it('puts tags in the note the way Readwise reads inline tags, and guards formulas', () => {
    const first = rows.find((r) => r.Highlight === 'says the essay, "loudly, and often".')!;
    assert.ok(first.Note!.startsWith('.reading-list .weird-tag! .1984\nWatch out:'));
    const rtl = rows.find((r) => r.Highlight === 'טקסט בעברית הוא חלק מהמסמך')!;
    assert.equal(rtl.Note, '.עברית .🔥\nעברית: right to left.');
    const multi = rows.find((r) => r.Highlight!.startsWith('A second paragraph'))!;
    assert.equal(multi.Highlight, 'A second paragraph continues the thought\nacross a hard-wrapped line.');
  });
});
