import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadHeadlessRenderer, type HeadlessRenderer } from '../../../../../main/documents/headless-render';
import { ankiField, deckName, writeAnki } from '../../../../../main/export/anki/write-anki';
import { prepareExport } from '../../../../../main/export/export-set';
import { assertInert, xssVectors } from '../../common/article/assert-inert';
import { bodyWith } from '../../common/article/jsdom-window';
import { readDelimited } from '../fixtures/delimited';
import { exportInput, highlight, testDocument, testLibrary } from '../fixtures/library';

type Library = Awaited<ReturnType<typeof testLibrary>>;

/** The file's header lines and its cards, read as Anki reads them. */
function readAnki(text: string): { header: string[]; cards: string[][] } {
  const lines = text.split('\n');
  const header = lines.filter((line) => line.startsWith('#'));
  assert.deepEqual(lines.slice(0, header.length), header, 'header lines come first');
  const cards = readDelimited(lines.slice(header.length).join('\n'), '\t', '\n');
  return { header, cards };
}

describe('Anki export', () => {
  let library: Library;
  let renderer: HeadlessRenderer;
  before(async () => {
    library = await testLibrary();
    renderer = await loadHeadlessRenderer();
  });

  it('writes Anki’s header lines, the deck named after the document', () => {
    const { header } = readAnki(writeAnki(prepareExport(exportInput('document', [library.essay], library.annotations)), renderer.renderNote));
    assert.deepEqual(header, [
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#deck:Gloss::Reading 🎉 closely',
      '#guid column:1',
      '#tags column:4',
      '#columns:GUID\tFront\tBack\tTags',
    ]);
  });

  it('makes a card per FAQ question and per highlight with a note, each with a stable GUID', () => {
    const text = writeAnki(prepareExport(exportInput('document', [library.essay], library.annotations)), renderer.renderNote);
    const { cards } = readAnki(text);
    for (const card of cards) assert.equal(card.length, 4);
    const guids = cards.map((card) => card[0]!);
    assert.equal(new Set(guids).size, guids.length);
    assert.equal(guids.filter((guid) => guid.startsWith('gloss-faq-')).length, 2);
    // Highlights with notes: 0001–0004 and the orphan; 0005 has none, 0006 is a document note.
    assert.deepEqual(
      guids.filter((guid) => !guid.startsWith('gloss-faq-')),
      ['0001', '0002', '0003', '0004'].map((n) => `gloss-00000000-0000-4000-8000-00000000${n}`).concat('gloss-Hypothesis-Id_22chars'),
    );
    const faq = cards.find((card) => card[1] === 'Why highlight at all?')!;
    assert.equal(faq[2], '<p>Because a highlight remembers what you noticed.</p><p><small>Reading 🎉 closely</small></p>');
    assert.equal(faq[3], 'gloss faq');
  });

  it('keeps FAQ GUIDs when the rest of the document changes, and tells repeated questions apart', async () => {
    const guidsOf = async (markdown: string) => {
      const document = await testDocument(library.essay.id, library.essay.path, markdown);
      return readAnki(writeAnki(prepareExport(exportInput('document', [document], new Map())), renderer.renderNote)).cards.map((card) => card[0]);
    };
    const before = await guidsOf('# T\n\nIntro.\n\n## FAQ\n\n### Why?\n\nBecause.\n\n### Why?\n\nAgain.\n');
    const after = await guidsOf('# T\n\nA rewritten intro.\n\n## FAQ\n\n### Why?\n\nBecause, said better.\n\n### Why?\n\nAgain.\n');
    assert.equal(before.length, 2);
    assert.notEqual(before[0], before[1]);
    assert.deepEqual(after, before);
  });

  it('fronts a note that asks a question with it; otherwise the quote, the note behind', () => {
    const { cards } = readAnki(writeAnki(prepareExport(exportInput('document', [library.essay], library.annotations)), renderer.renderNote));
    const question = cards.find((card) => card[0]!.endsWith('0004'))!;
    assert.equal(question[1], '<p>Why is the emoji here?</p>');
    assert.match(question[2]!, /^<blockquote>👩‍👩‍👧 a family emoji<\/blockquote><p>Because code points matter\.<\/p>/);
    const plain = cards.find((card) => card[0]!.endsWith('0003'))!;
    assert.match(plain[1]!, /^<blockquote>טקסט בעברית הוא חלק מהמסמך<\/blockquote><p><small>Reading 🎉 closely › שלום עולם · Blue · Definition · <a href="gloss:\/\/annotation\//);
    assert.equal(plain[2], '<p>עברית: right to left.</p>');
    assert.equal(plain[3], 'gloss עברית 🔥');
    const multiLine = cards.find((card) => card[0]!.endsWith('0002'))!;
    assert.match(multiLine[1]!, /continues the thought<br>across/);
    assert.equal(cards.find((card) => card[0]!.endsWith('0001'))![3], 'gloss reading_list weird_tag! 1984');
  });

  it('keeps every field inert: hostile notes are sanitized as the app sanitizes them', () => {
    const hostile = xssVectors().map((vector, i) => highlight(library.essay, `xss-${i}`, 'The margin is where the reader talks back', { note: vector }));
    const { cards } = readAnki(writeAnki(prepareExport(exportInput('document', [library.essay], new Map([[library.essay.id, hostile]]))), renderer.renderNote));
    assert.equal(cards.length, hostile.length + 2);
    for (const card of cards) for (const field of card.slice(1, 3)) assertInert(bodyWith(field));
  });

  it('quotes fields with tabs, line breaks or quotes the way Anki reads them back', () => {
    assert.equal(ankiField('plain'), 'plain');
    assert.equal(ankiField('a\tb'), '"a\tb"');
    assert.equal(ankiField('say "hi"\nthere'), '"say ""hi""\nthere"');
    assert.deepEqual(readDelimited(`${ankiField('x\ty')}\t${ankiField('"q"')}\n`, '\t', '\n'), [['x\ty', '"q"']]);
  });

  it('names decks Gloss::<title> without making sub-decks, and gives a library a deck column', () => {
    assert.equal(deckName('A::B\tC'), 'Gloss::A:B C');
    assert.equal(deckName('  '), 'Gloss::Untitled');
    const { header, cards } = readAnki(writeAnki(prepareExport(exportInput('library', [library.essay, library.notes], library.annotations)), renderer.renderNote));
    assert.ok(header.includes('#deck column:5'));
    assert.deepEqual([...new Set(cards.map((card) => card[4]))], ['Gloss::Field notes', 'Gloss::Reading 🎉 closely']);
  });
});
