/**
 * Notes rendered many at a time (an export's) come out exactly as each does on its own, whatever
 * they hold: the XSS corpus, HTML left open (formatting, tables, selects, raw text, comments), the
 * wrapper's own name, and attribute values that spell its tags. And the batch really is shared:
 * notes that cannot harm their neighbours are not rendered one by one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderNoteHtml, renderNotesHtml } from '../../../../../main/common/article/note-html';
import { createMarkdownRenderer } from '../../../../../main/common/article/render-markdown';
import { assertInert, xssVectors } from './assert-inert';
import { bodyWith, createWindow } from './jsdom-window';

const window = createWindow();
const renderer = createMarkdownRenderer(window);

/** Notes that try to reach into their neighbours, or out of their wrapper. */
const ENTANGLING = [
  'An unclosed <b>bold and <a href="https://evil.example/">link',
  'An unclosed <i>italic, then a list:\n\n- one\n- two',
  '<table><tr><td>a table left open',
  '<select><option>a select left open',
  '<textarea>raw text left open',
  '<script>never closed',
  '<!-- a comment left open',
  '<plaintext>to the very end',
  '<template><p>template content</p>',
  '<form><input type="text">a form</form>',
  '<svg><circle r="5"/></svg> foreign content',
  '<marquee>the wrapper itself</marquee> and </marquee> its end tag',
  '<a title="</marquee><marquee>">a title that spells the wrapper</a>',
  '<div title="x</marquee><marquee>y">a div spelling both tags</div>',
  '   leading spaces make this a code block',
  '<object data="x">an object left open',
  '<p>a paragraph <div>with a div</div> inside</p>',
  '</p></li></ul></div> closing what was never opened',
  '<noscript><p>noscript first</p></noscript> then text',
  '<style>p { color: red }</style> a style first',
  '<title>a title first</title> then text',
  'Text first, then </p> a stray end tag',
  '<body onload="alert(1)"><p>a body of its own</p>',
  'Footnotes[^1] in a note.\n\n[^1]: The footnote.',
  '## A heading with an id\n\n[to it](#a-heading-with-an-id) and [outside](https://example.com/)',
  '![remote](https://tracker.example/pixel.png) and ![local](image.png)',
  `A [link to an annotation](gloss://annotation/d802b92d1a2a96bd/Abc_-1).`,
];

/** Plain, friendly notes: what most of a library holds. */
function friendly(count: number): string[] {
  return Array.from({ length: count }, (_, n) => `Note **${n}** with [a link](https://example.com/${n}), \`code\` and a list:\n\n- a\n- b`);
}

/** The same order each run, but mixed: each note sits between different neighbours. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function oneByOne(notes: readonly string[]): string[] {
  return notes.map((note) => renderNoteHtml(renderer, window, note, 'new-tab'));
}

describe('rendering notes many at a time', () => {
  it('gives each note of the XSS corpus exactly what it gets on its own, and keeps it inert', () => {
    const notes = xssVectors();
    const together = renderNotesHtml(renderer, window, notes, 'new-tab');
    assert.deepEqual(together, oneByOne(notes));
    for (const html of together) assertInert(bodyWith(html));
  });

  it('keeps notes that leave HTML open, or spell the wrapper, from changing any other', () => {
    const notes = [...ENTANGLING, ...friendly(20)];
    for (const seed of [1, 2, 3, 4, 5]) {
      const mixed = shuffled(notes, seed);
      assert.deepEqual(renderNotesHtml(renderer, window, mixed, 'new-tab'), oneByOne(mixed), `order ${seed}`);
    }
    assert.deepEqual(renderNotesHtml(renderer, window, notes, 'system'), notes.map((note) => renderNoteHtml(renderer, window, note, 'system')));
  });

  it('shares the pass among the notes that cannot harm their neighbours, even beside ones that can', () => {
    const notes = shuffled([...ENTANGLING, ...friendly(100)], 7);
    const batched = renderer.renderMany(notes, { resolveAssetUrl: () => null, externalLinks: 'new-tab' });
    const friendlyBatched = notes.filter((note, index) => note.startsWith('Note **') && batched[index] !== null).length;
    assert.ok(friendlyBatched >= 95, `${friendlyBatched} of 100 friendly notes shared a pass`);
    const alone = (note: string) => batched[notes.indexOf(note)];
    for (const note of ['<plaintext>to the very end', '<marquee>the wrapper itself</marquee> and </marquee> its end tag', '<form><input type="text">a form</form>']) {
      assert.equal(alone(note), null, `${note} is rendered on its own`);
    }
  });

  it('gives random mixes of tags opened and closed anywhere exactly what each gets on its own', () => {
    const tags = ['<b>', '</b>', '<a href="https://x.example/">', '</a>', '<p>', '</p>', '<div>', '</div>', '<table>', '<tr>', '<td>', '</table>', '<ul>', '<li>', '</ul>', '<select>', '<option>', '<textarea>', '</textarea>', '<script>', '</script>', '<!--', '-->', '<pre>', '<h2>', '<img src=x onerror=1>', '<span title="</marquee>">', '<object>', '<nobr>', '<button>', '<math>', '<svg>', '<details><summary>', '<ruby>', '<rt>', '<caption>', '<col>', '<noscript>', '<iframe>', '<style>', '<xmp>', '<marquee>', '</marquee>'];
    const texts = ['text', ' ', '\n', '\n\n', '*em*', '**strong**', '[l](https://e.x)', '- item\n', '> quote\n', '# h\n', '`c`', '&amp;', '<', '"', '[^1]', '\n\n[^1]: fn\n'];
    let state = 20_251_201;
    const pick = <T>(list: readonly T[]): T => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return list[state % list.length]!;
    };
    const notes = Array.from({ length: 200 }, () => Array.from({ length: 1 + (pick([0, 1, 2, 3, 4, 5, 6, 7]) as number) }, () => (pick([true, false]) ? pick(tags) : pick(texts))).join(''));
    assert.deepEqual(renderNotesHtml(renderer, window, notes, 'new-tab'), oneByOne(notes));
  });

  it('renders nothing for no notes, and one note on its own', () => {
    assert.deepEqual(renderNotesHtml(renderer, window, [], 'new-tab'), []);
    assert.deepEqual(renderer.renderMany(['A *single* note.'], { resolveAssetUrl: () => null, externalLinks: 'new-tab' }), [null]);
    assert.deepEqual(renderNotesHtml(renderer, window, ['A *single* note.'], 'new-tab'), oneByOne(['A *single* note.']));
  });
});
