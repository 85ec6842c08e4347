import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MiniSearch from 'minisearch';
import { engineOptions, matchOptions, queryTerms, termQuery } from '../../../../main/search/engine-options';
import { toIndexed } from '../../../../main/search/indexed-annotation';
import { matchTerms } from '../../../../main/search/match-terms';
import { createRandom } from '../../../fixtures/anchoring/prose';
import { makeNotesLibrary } from '../../../fixtures/search/notes-library';
import { drawTypoQueries } from '../../../fixtures/search/typo-queries';

describe('matchTerms', () => {
  const library = makeNotesLibrary(11, 30, 3000);
  const titles = new Map(library.documents.map((d) => [d.id, d.title]));
  const annotations = [...library.annotations.values()].flat();
  const engine = new MiniSearch(engineOptions((id) => titles.get(id) ?? ''));
  engine.addAll(annotations.map(toIndexed));
  const queries = [
    ...drawTypoQueries(createRandom(5), annotations, 60).map((q) => q.text),
    'the river',
    'of the',
    'harbour',
    'chapter evidence method',
    'zzzz nothing',
  ];

  it('finds what MiniSearch’s own AND finds, with the same scores', () => {
    for (const text of queries) {
      const terms = queryTerms(text);
      const ours = new Map(matchTerms(engine, terms, false).map((m) => [m.key, m]));
      const all = { combineWith: 'AND' as const, queries: terms.map((term, i) => termQuery(term, i === terms.length - 1)) };
      const theirs = engine.search(all, matchOptions());
      assert.deepEqual(new Set(ours.keys()), new Set(theirs.map((r) => r.id as string)), text);
      for (const result of theirs) {
        const mine = ours.get(result.id as string);
        assert.ok(mine);
        // MiniSearch multiplies by the number of query strings matched; matchTerms does not.
        const expected = result.score / result.queryTerms.length;
        assert.ok(Math.abs(mine.score - expected) <= 1e-9 * expected, `${text}: ${mine.score} vs ${expected}`);
        assert.deepEqual(new Set(Object.keys(mine.match)), new Set(Object.keys(result.match)), text);
      }
    }
  });

  it('applies the filter before scoring anything', () => {
    const terms = queryTerms('the');
    const admitted = new Set(annotations.slice(0, 50).map((a) => `${a.documentId}/${a.id}`));
    const found = matchTerms(engine, terms, true, (key) => admitted.has(key));
    assert.ok(found.length > 0);
    assert.ok(found.every((m) => admitted.has(m.key)));
  });
});
