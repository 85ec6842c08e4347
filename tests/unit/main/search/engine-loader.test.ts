import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MiniSearch from 'minisearch';
import { EngineLoader, packEngine, unpackEngine } from '../../../../main/search/engine-loader';
import type { PackedTerm } from '../../../../main/search/engine-loader';
import { annotationOptions, matchOptions, termQuery } from '../../../../main/search/engine-options';
import { toIndexed } from '../../../../main/search/indexed-annotation';
import { makeNotesLibrary } from '../../../fixtures/search/notes-library';

describe('engine loader', () => {
  const library = makeNotesLibrary(21, 10, 800);
  const options = annotationOptions();
  const engine = new MiniSearch(options);
  engine.addAll([...library.annotations.values()].flat().map(toIndexed));
  const probes = ['harbour', 'the', 'lant', 'evidence', 'cafe'];
  // The term tree may be laid out differently once reloaded: compare what was found, not the order terms were visited in.
  const answers = (loaded: MiniSearch<unknown>) =>
    probes.map((term) =>
      loaded
        .search(termQuery(term, true), matchOptions())
        .map((r) => ({ id: r.id as string, score: r.score.toFixed(9), match: Object.entries(r.match).map(([t, fields]) => `${t}:${[...fields].sort()}`).sort() }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    );

  it('loads a packed index, a chunk of terms at a time, that answers as the original', async () => {
    const { meta, terms } = packEngine(engine as MiniSearch<unknown>);
    // Through JSON, as a snapshot stores them.
    const saved = JSON.parse(JSON.stringify({ meta, terms: [...terms] })) as { meta: typeof meta; terms: PackedTerm[] };
    const loader = new EngineLoader(saved.meta, options);
    for (let i = 0; i < saved.terms.length; i += 100) loader.add(saved.terms.slice(i, i + 100));
    const loaded = await loader.finish();
    assert.equal(loaded.documentCount, engine.documentCount);
    assert.equal(loaded.termCount, engine.termCount);
    assert.deepEqual(answers(loaded as MiniSearch<unknown>), answers(engine as MiniSearch<unknown>));
  });

  it('unpacks to MiniSearch’s own form, which loadJS reads as the original', () => {
    const unpacked = unpackEngine(packEngine(engine as MiniSearch<unknown>));
    const original = engine.toJSON();
    // Terms come back in another order; the term tree does not keep one.
    const byTerm = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : 1);
    assert.deepEqual({ ...unpacked, index: unpacked.index.sort(byTerm) }, { ...original, index: original.index.sort(byTerm) });
    assert.deepEqual(answers(MiniSearch.loadJS(unpacked, options) as MiniSearch<unknown>), answers(engine as MiniSearch<unknown>));
  });

  it('refuses an index built with other fields', () => {
    const packed = packEngine(engine as MiniSearch<unknown>);
    assert.throws(() => new EngineLoader(packed.meta, { ...options, fields: ['quote', 'note', 'tags', 'title'] }), /fields/);
  });

  it('refuses a packed index whose terms do not hold together', async () => {
    const packed = packEngine(engine as MiniSearch<unknown>);
    const terms = [...packed.terms];
    const loader = new EngineLoader(packed.meta, options);
    loader.add([...terms, terms[0]!]);
    await assert.rejects(loader.finish(), /terms/);
  });
});
