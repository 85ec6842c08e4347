import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MiniSearch from 'minisearch';
import { annotationOptions, indexKey, matchOptions, queryTerms, termQuery, titleOptions } from '../../../../main/search/engine-options';
import type { DocumentTitle } from '../../../../main/search/engine-options';
import { toIndexed } from '../../../../main/search/indexed-annotation';
import { matchTerms } from '../../../../main/search/match-terms';
import type { MatchSource } from '../../../../main/search/match-terms';
import { createRandom } from '../../../fixtures/anchoring/prose';
import { makeNotesLibrary } from '../../../fixtures/search/notes-library';
import { drawTypoQueries } from '../../../fixtures/search/typo-queries';

describe('matchTerms', () => {
  const library = makeNotesLibrary(11, 30, 3000);
  const annotations = [...library.annotations.values()].flat();
  const engine = new MiniSearch(annotationOptions());
  engine.addAll(annotations.map(toIndexed));
  const titles = new MiniSearch<DocumentTitle>(titleOptions());
  titles.addAll(library.documents);
  const keysOf = (documentId: string) => (library.annotations.get(documentId) ?? []).map((a) => indexKey(documentId, a.id));
  const withoutTitles: MatchSource = { annotations: engine, titles: new MiniSearch<DocumentTitle>(titleOptions()), keysOf };
  const withTitles: MatchSource = { annotations: engine, titles, keysOf };
  const queries = [
    ...drawTypoQueries(createRandom(5), annotations, 60).map((q) => q.text),
    ...library.documents.slice(0, 5).map((d) => `${d.title.split(' ')[1] ?? ''} the`),
    'the river',
    'of the',
    'harbour',
    'chapter evidence method',
    'zzzz nothing',
  ];

  it('finds in the annotations what MiniSearch’s own AND finds, with the same scores', () => {
    for (const text of queries) {
      const terms = queryTerms(text);
      const ours = new Map(matchTerms(withoutTitles, terms, false).map((m) => [m.key, m]));
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

  it('counts a word matched in a document’s title as matched by each of its annotations', () => {
    for (const text of queries) {
      const terms = queryTerms(text);
      const sets = terms.map((term, i) => {
        const query = termQuery(term, i === terms.length - 1);
        const keys = new Set(engine.search(query, matchOptions()).map((r) => r.id as string));
        for (const r of titles.search(query, matchOptions())) for (const key of keysOf(r.id as string)) keys.add(key);
        return keys;
      });
      const expected = sets.reduce((a, b) => new Set([...a].filter((key) => b.has(key))));
      assert.deepEqual(new Set(matchTerms(withTitles, terms, false).map((m) => m.key)), expected, text);
    }
    const titled = library.documents[0]!;
    const word = queryTerms(titled.title).find((w) => w.length > 3) ?? '';
    const found = matchTerms(withTitles, [word], true).filter((m) => m.key.startsWith(`${titled.id}/`));
    assert.ok(keysOf(titled.id).length > 0);
    assert.equal(found.length, keysOf(titled.id).length, `every annotation of "${titled.title}" matches "${word}"`);
    assert.ok(found.every((m) => m.match[word]?.includes('title')));
  });

  it('applies the filter before scoring anything', () => {
    const terms = queryTerms('the');
    const admitted = new Set(annotations.slice(0, 50).map((a) => indexKey(a.documentId, a.id)));
    const found = matchTerms(withTitles, terms, true, (key) => admitted.has(key));
    assert.ok(found.length > 0);
    assert.ok(found.every((m) => admitted.has(m.key)));
  });
});
