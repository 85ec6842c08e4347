/**
 * Saving and loading the MiniSearch index without holding the main thread.
 *
 * MiniSearch's `loadJS` loads its `toJSON` form in one go (about a second at 100,000
 * annotations), and its `loadJSAsync` waits on a timer every thousand entries (some two thousand
 * waits of a millisecond or more at that size: longer than the work). So the index is saved
 * packed (`packEngine`: each term's postings as a flat list of numbers, which parses several
 * times faster than MiniSearch's objects keyed by strings), and `EngineLoader` lets `loadJS` set
 * up everything but the terms, then adds the terms a chunk at a time as the snapshot is read.
 *
 * Adding terms means writing MiniSearch's term tree (`_index`), which is internal. So the loader
 * checks that the tree is there, and that every term arrived (`termCount`, which is public); when
 * the tree is not there (a MiniSearch changed inside), it unpacks and uses `loadJSAsync`: slower,
 * never wrong.
 */
import MiniSearch from 'minisearch';
import type { AsPlainObject, Options } from 'minisearch';

/** One term: for each field it occurs in, [annotation, frequency, annotation, frequency, …]. */
export type PackedTerm = [term: string, fields: [fieldId: number, postings: number[]][]];

/** A MiniSearch index as saved: its `toJSON` without the terms, and the terms packed. */
export interface PackedEngine {
  meta: Omit<AsPlainObject, 'index'>;
  terms: Iterable<PackedTerm>;
}

/** The part of MiniSearch's term tree the loader writes. */
interface TermTree {
  set(term: string, fields: Map<number, Map<number, number>>): unknown;
}

function termTree(engine: MiniSearch<unknown>): TermTree | null {
  const tree = (engine as unknown as { _index?: Partial<TermTree> })._index;
  return typeof tree?.set === 'function' ? (tree as TermTree) : null;
}

/** Packs the terms of a `toJSON` one at a time, taking each out of it once packed. */
function* packTerms(index: AsPlainObject['index']): Generator<PackedTerm> {
  for (let entry = index.pop(); entry !== undefined; entry = index.pop()) {
    const [term, fields] = entry;
    const packed: PackedTerm[1] = [];
    for (const [fieldId, frequencies] of Object.entries(fields)) {
      const postings: number[] = [];
      for (const [id, frequency] of Object.entries(frequencies)) postings.push(Number(id), frequency);
      packed.push([Number(fieldId), postings]);
    }
    yield [term, packed];
  }
}

/**
 * `engine` as it is saved. Its terms are packed as they are read (once), and each is dropped
 * from MiniSearch's `toJSON` once packed, so a large index is not held whole three times over.
 */
export function packEngine(engine: MiniSearch<unknown>): PackedEngine {
  const { index, ...meta } = engine.toJSON();
  return { meta, terms: packTerms(index) };
}

/** `packed` in MiniSearch's own `toJSON` form. */
export function unpackEngine(packed: PackedEngine): AsPlainObject {
  const index: AsPlainObject['index'] = [];
  for (const [term, fields] of packed.terms) {
    const byField: AsPlainObject['index'][number][1] = {};
    for (const [fieldId, postings] of fields) {
      const entry: Record<string, number> = {};
      for (let i = 0; i < postings.length; i += 2) entry[postings[i] as number] = postings[i + 1] as number;
      byField[fieldId] = entry;
    }
    index.push([term, byField]);
  }
  return { ...packed.meta, index };
}

/**
 * Builds a MiniSearch index from its packed form a piece at a time, as a snapshot is read: the
 * caller hands over the terms in chunks (and yields between them) and calls `finish` at the end.
 */
export class EngineLoader<T> {
  readonly #meta: PackedEngine['meta'];
  readonly #options: Options<T>;
  readonly #engine: MiniSearch<T>;
  readonly #tree: TermTree | null;
  /** The terms, kept only when the tree cannot be written (for `loadJSAsync`). */
  readonly #held: PackedTerm[] = [];
  #count = 0;

  /** `options` must be the ones the index was built with; an index of other fields is refused. */
  constructor(meta: PackedEngine['meta'], options: Options<T>) {
    const saved = Object.keys(meta.fieldIds ?? {}).sort();
    if (saved.join() !== [...options.fields].sort().join()) throw new Error(`the index has the fields ${saved.join(', ')}, not ${options.fields.join(', ')}`);
    this.#meta = meta;
    this.#options = options;
    this.#engine = MiniSearch.loadJS<T>({ ...meta, index: [] }, options);
    this.#tree = termTree(this.#engine as MiniSearch<unknown>);
  }

  /** Adds a chunk of terms. */
  add(terms: readonly PackedTerm[]): void {
    this.#count += terms.length;
    const tree = this.#tree;
    if (!tree) {
      this.#held.push(...terms);
      return;
    }
    for (const [term, fields] of terms) {
      const byField = new Map<number, Map<number, number>>();
      for (const [fieldId, postings] of fields) {
        const frequencies = new Map<number, number>();
        for (let p = 0; p < postings.length; p += 2) frequencies.set(postings[p] as number, postings[p + 1] as number);
        byField.set(fieldId, frequencies);
      }
      tree.set(term, byField);
    }
  }

  /** The loaded index. Throws when the terms do not hold together (one listed twice). */
  async finish(): Promise<MiniSearch<T>> {
    if (!this.#tree) return MiniSearch.loadJSAsync(unpackEngine({ meta: this.#meta, terms: this.#held }), this.#options);
    if (this.#engine.termCount !== this.#count) throw new Error(`the index lists ${this.#count} terms but ${this.#engine.termCount} were loaded`);
    return this.#engine;
  }
}
