import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findMatches, MAX_FIND_MATCHES, SearchableText } from '../../../../renderer/find/find-matches';

const LOOSE = { matchCase: false, matchDiacritics: false };
/** The real text of every match. */
function found(text: string, query: string, options = LOOSE): string[] {
  const matches = findMatches(text, query, options);
  return matches.starts.map((start, i) => text.slice(start, matches.ends[i]));
}

describe('findMatches', () => {
  it('ignores case and accents by default, and maps matches back to the real text', () => {
    const text = 'Le Café de Müller. Un cafe, un CAFÉ, Muller et MULLER.';
    assert.deepEqual(found(text, 'cafe'), ['Café', 'cafe', 'CAFÉ']);
    assert.deepEqual(found(text, 'Muller'), ['Müller', 'Muller', 'MULLER']);
    assert.deepEqual(found(text, 'müller'), ['Müller', 'Muller', 'MULLER']);
  });

  it('finds decomposed accents (NFD) from a composed query and back, marks included in the match', () => {
    const text = 'un cafe\u0301 noir, un café blanc';
    assert.deepEqual(found(text, 'café'), ['cafe\u0301', 'café']);
    assert.deepEqual(found(text, 'cafe\u0301'), ['cafe\u0301', 'café']);
  });

  it('folds letters without a decomposition, and wide forms', () => {
    assert.deepEqual(found('Łódź and Straße and ＡＢＣ', 'lodz'), ['Łódź']);
    assert.deepEqual(found('Łódź and Straße and ＡＢＣ', 'strasse'), ['Straße']);
    assert.deepEqual(found('Łódź and Straße and ＡＢＣ', 'abc'), ['ＡＢＣ']);
  });

  it('with Match case, keeps case but still ignores accents', () => {
    const options = { matchCase: true, matchDiacritics: false };
    assert.deepEqual(found('Café, café, CAFÉ', 'Cafe', options), ['Café']);
    assert.deepEqual(found('Müller, müller', 'Muller', options), ['Müller']);
  });

  it('with Match diacritics, tells "cafe" from "café", with or without case', () => {
    assert.deepEqual(found('café, cafe, CAFÉ, cafe\u0301', 'café', { matchCase: false, matchDiacritics: true }), ['café', 'CAFÉ', 'cafe\u0301']);
    assert.deepEqual(found('café, cafe, CAFÉ', 'cafe', { matchCase: false, matchDiacritics: true }), ['cafe']);
    assert.deepEqual(found('café, cafe, CAFÉ', 'CAFÉ', { matchCase: true, matchDiacritics: true }), ['CAFÉ']);
    assert.deepEqual(found('a (b) [c]. a.b', 'a.b', { matchCase: false, matchDiacritics: true }), ['a.b'], 'the query is text, not a pattern');
  });

  it('lets any whitespace match any whitespace, in both modes', () => {
    assert.deepEqual(found('the quick\nbrown fox', 'quick brown'), ['quick\nbrown']);
    assert.deepEqual(found('the quick\u00a0brown fox', 'quick  brown'), ['quick\u00a0brown']);
    assert.deepEqual(found('the quick\n brown fox', 'quick brown', { matchCase: false, matchDiacritics: true }), ['quick\n brown']);
  });

  it('finds matches that do not overlap, in order, and nothing for an empty query', () => {
    assert.deepEqual(findMatches('aaaa', 'aa', LOOSE), { starts: [0, 2], ends: [2, 4], capped: false });
    assert.deepEqual(findMatches('abc', '', LOOSE).starts, []);
    assert.deepEqual(findMatches('a b', '  ', LOOSE).starts, []);
    assert.deepEqual(findMatches('abc', 'x', LOOSE).starts, []);
  });

  it('stops counting at MAX_FIND_MATCHES and says so', () => {
    const text = 'é'.repeat(MAX_FIND_MATCHES + 5);
    const matches = findMatches(text, 'e', LOOSE);
    assert.equal(matches.starts.length, MAX_FIND_MATCHES);
    assert.equal(matches.capped, true);
    assert.equal(findMatches('e'.repeat(MAX_FIND_MATCHES), 'e', LOOSE).capped, false);
  });
});

describe('SearchableText', () => {
  it('folds ASCII stretches by lower-casing and the rest cluster by cluster, one map for both', () => {
    const real = 'ABC e\u0301 Ünd ß x';
    const text = new SearchableText(real);
    assert.equal(text.folded, 'abc e und ss x');
    const at = text.folded.indexOf('e');
    assert.deepEqual(text.toReal(at, at + 1), { start: 4, end: 6 }, 'the mark belongs to its letter');
    const ss = text.folded.indexOf('ss');
    assert.equal(real.slice(text.toReal(ss, ss + 2).start, text.toReal(ss, ss + 2).end), 'ß');
    assert.equal(real.slice(text.toReal(ss, ss + 1).start, text.toReal(ss, ss + 1).end), 'ß', 'half of a folded letter is the whole letter');
  });

  it('needs no map for plain ASCII', () => {
    const text = new SearchableText('Hello\tWorld');
    assert.equal(text.folded, 'hello world');
    assert.deepEqual(text.toReal(6, 11), { start: 6, end: 11 });
  });
});
