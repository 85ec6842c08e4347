import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MiniSearch from 'minisearch';
import { EngineLoader, packEngine, unpackEngine } from '../../../../main/search/engine-loader';
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
    const packed = JSON.parse(JSON.stringify(packEngine(engine as MiniSearch<unknown>))) as ReturnType<typeof packEngine>;
    const loader = new EngineLoader(packed.meta, options);
    for (let i = 0; i < packed.terms.length; i += 100) loader.add(packed.terms.slice(i, i + 100));
    const loaded = await loader.finish();
    assert.equal(loaded.documentCount, engine.documentCount);
    assert.equal(loaded.termCount, engine.termCount);
    assert.deepEqual(answers(loaded as MiniSearch<unknown>), answers(engine as MiniSearch<unknown>));
  });

  it('unpacks to MiniSearch’s own form, which loadJS reads as the original', () => {
    const unpacked = unpackEngine(packEngine(engine as MiniSearch<unknown>));
    assert.deepEqual(unpacked, engine.toJSON());
    assert.deepEqual(answers(MiniSearch.loadJS(unpacked, options) as MiniSearch<unknown>), answers(engine as MiniSearch<unknown>));
  });

  it('refuses an index built with other fields', () => {
    const packed = packEngine(engine as MiniSearch<unknown>);
    assert.throws(() => new EngineLoader(packed.meta, { ...options, fields: ['quote', 'note', 'tags', 'title'] }), /fields/);
  });

  it('refuses a packed index whose terms do not hold together', async () => {
    const packed = packEngine(engine as MiniSearch<unknown>);
    const loader = new EngineLoader(packed.meta, options);
    loader.add([...packed.terms, packed.terms[0]!]);
    await assert.rejects(loader.finish(), /terms/);
  });
});
