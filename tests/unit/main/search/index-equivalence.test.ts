/**
 * After any sequence of changes the index must answer exactly as one built afresh from the same
 * annotations and titles: random sequences of every kind of change (seeded, so a failure
 * repeats), checked against a fresh build, fed in a shuffled order, every few steps.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Annotation, HighlightColor } from '../../../../main/api';
import { HIGHLIGHT_COLORS } from '../../../../main/common/limits';
import type { NotesSearchQuery } from '../../../../main/common/notes-search';
import { AnnotationIndex } from '../../../../main/search/annotation-index';
import { createRandom } from '../../../fixtures/anchoring/prose';
import { mistype } from '../../../fixtures/search/typo-queries';
import { documentNote, highlight } from './fixtures';

type Random = () => number;

const WORDS = ['harbour', 'lantern', 'village', 'café', 'Müller', 'river', 'meadow', 'naïve', '東京', 'книга', '👍', 'orchard', 'harbours', 'lanterns', 'quiet', 'the', 'of'];
const TAGS = ['todo', 'Café', 'cafe', 'idea', 'history', 'Économie'];
const DOCUMENTS = ['d1', 'd2', 'd3', 'd4', 'd5'];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function words(random: Random, count: number): string {
  return Array.from({ length: count }, () => pick(random, WORDS)).join(' ');
}

/** The library as it should be: documents' titles and annotations. */
class Model {
  readonly titles = new Map<string, string>();
  readonly annotations = new Map<string, Annotation>();
  readonly deleted: Annotation[] = [];
  #clock = 0;

  now(): string {
    this.#clock += 1;
    return new Date(Date.UTC(2025, 0, 1) + (this.#clock % 7) * 3_600_000).toISOString();
  }

  put(annotation: Annotation): void {
    this.annotations.set(`${annotation.documentId}/${annotation.id}`, annotation);
  }

  inDocument(documentId: string): Annotation[] {
    return [...this.annotations.values()].filter((a) => a.documentId === documentId);
  }

  removeDocument(documentId: string): void {
    this.titles.delete(documentId);
    for (const annotation of this.inDocument(documentId)) this.annotations.delete(`${documentId}/${annotation.id}`);
  }
}

function newAnnotation(random: Random, model: Model, n: number): Annotation {
  const documentId = pick(random, DOCUMENTS);
  const spec = {
    quote: words(random, 1 + Math.floor(random() * 6)),
    note: random() < 0.5 ? '' : words(random, 1 + Math.floor(random() * 5)),
    tags: random() < 0.5 ? [] : [pick(random, TAGS)],
    color: pick(random, HIGHLIGHT_COLORS) as HighlightColor,
    updatedAt: model.now(),
  };
  if (random() < 0.1) return { ...documentNote(documentId, `a${n}`, spec.note || 'about it', spec.tags), updatedAt: spec.updatedAt };
  return highlight(documentId, `a${n}`, spec);
}

function edited(random: Random, model: Model, before: Annotation): Annotation {
  const updatedAt = model.now();
  switch (Math.floor(random() * 5)) {
    case 0:
      return { ...before, note: words(random, 1 + Math.floor(random() * 4)), updatedAt };
    case 1:
      return { ...before, tags: random() < 0.3 ? [] : [pick(random, TAGS), pick(random, TAGS)].filter((t, i, all) => all.indexOf(t) === i), updatedAt };
    case 2:
      return before.kind === 'note' ? before : { ...before, color: pick(random, HIGHLIGHT_COLORS), updatedAt };
    case 3:
      // Re-anchoring: a new target, or orphaned.
      if (before.kind === 'note' || !before.target) return before;
      return random() < 0.5
        ? { ...before, status: 'orphaned', updatedAt }
        : { ...before, status: 'anchored', target: { ...before.target, quote: { ...before.target.quote, exact: words(random, 3) } }, updatedAt };
    default:
      return { ...before, updatedAt };
  }
}

/** Applies one random change to both the index and the model. */
function step(random: Random, index: AnnotationIndex, model: Model, n: number): void {
  const existing = [...model.annotations.values()];
  const r = random();
  if (r < 0.25 || existing.length === 0) {
    const annotation = newAnnotation(random, model, n);
    model.put(annotation);
    index.putAnnotations([annotation]);
  } else if (r < 0.45) {
    const after = edited(random, model, pick(random, existing));
    model.put(after);
    index.putAnnotations([after]);
    if (random() < 0.2) index.putAnnotations([after]);
  } else if (r < 0.55) {
    const gone = pick(random, existing);
    model.annotations.delete(`${gone.documentId}/${gone.id}`);
    model.deleted.push(gone);
    index.removeAnnotations(gone.documentId, [gone.id, 'never-there']);
  } else if (r < 0.6 && model.deleted.length > 0) {
    const back = model.deleted.splice(Math.floor(random() * model.deleted.length), 1)[0] as Annotation;
    model.put(back);
    index.putAnnotations([back]);
  } else if (r < 0.67) {
    const batch = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) => (random() < 0.3 && existing.length > 0 ? edited(random, model, pick(random, existing)) : newAnnotation(random, model, n * 100 + i)));
    const last = new Map(batch.map((a) => [`${a.documentId}/${a.id}`, a]));
    for (const annotation of last.values()) model.put(annotation);
    index.putAnnotations(batch);
  } else if (r < 0.74) {
    const documentId = pick(random, DOCUMENTS);
    const changed = model.inDocument(documentId).filter(() => random() < 0.5).map((a) => edited(random, model, a));
    for (const annotation of changed) model.put(annotation);
    index.putAnnotations(changed);
  } else if (r < 0.8) {
    const documentId = pick(random, DOCUMENTS);
    const kept = model.inDocument(documentId).filter(() => random() < 0.6);
    const added = random() < 0.5 ? [{ ...newAnnotation(random, model, n), documentId }] : [];
    const after = [...kept, ...added];
    for (const annotation of model.inDocument(documentId)) model.annotations.delete(`${documentId}/${annotation.id}`);
    for (const annotation of after) model.put(annotation);
    index.replaceDocumentAnnotations(documentId, after);
  } else if (r < 0.93) {
    const documentId = pick(random, DOCUMENTS);
    const title = random() < 0.2 ? (model.titles.get(documentId) ?? '') : `${words(random, 2)} ${n}`;
    if (title === '') model.titles.delete(documentId);
    else model.titles.set(documentId, title);
    index.putDocument(documentId, title);
  } else {
    const documentId = pick(random, DOCUMENTS);
    model.removeDocument(documentId);
    index.removeDocument(documentId);
  }
}

function freshIndex(random: Random, model: Model): AnnotationIndex {
  const fresh = new AnnotationIndex();
  const annotations = [...model.annotations.values()].sort(() => random() - 0.5);
  // Half the time titles first, half the time annotations first: the order must not matter.
  if (random() < 0.5) {
    for (const [id, title] of model.titles) fresh.putDocument(id, title);
    fresh.putAnnotations(annotations);
  } else {
    fresh.putAnnotations(annotations);
    for (const [id, title] of model.titles) fresh.putDocument(id, title);
  }
  return fresh;
}

function queries(random: Random, model: Model): NotesSearchQuery[] {
  const fixed: NotesSearchQuery[] = [
    { text: 'harbour' },
    { text: 'lant' },
    { text: 'cafe muller' },
    { text: 'the ' },
    { text: 'vilage' },
    { text: '東京' },
    { text: '👍' },
    { text: '', tags: ['cafe'] },
    { text: '', colors: ['blue', 'pink'] },
    { text: 'river', tags: ['todo'], colors: ['yellow'] },
    { text: 'meadow', documentId: 'd2' },
    { text: 'quiet orch', limit: 3 },
  ];
  const drawn = Array.from({ length: 8 }, (): NotesSearchQuery => {
    const text = words(random, 1 + Math.floor(random() * 2));
    const typed = random() < 0.4 ? text.replace(/\p{L}{5,}/u, (w) => mistype(random, w)) : text;
    return { text: random() < 0.5 ? typed.slice(0, Math.max(1, typed.length - 2)) : typed };
  });
  return [...fixed, ...drawn, ...[...model.titles.values()].slice(0, 2).map((title) => ({ text: title.split(' ')[0] ?? '' }))];
}

function assertSameAnswers(index: AnnotationIndex, fresh: AnnotationIndex, asked: NotesSearchQuery[], context: string): void {
  assert.equal(index.size, fresh.size, `${context}: size`);
  assert.deepEqual(new Set(index.documentIds()), new Set(fresh.documentIds()), `${context}: documents`);
  for (const query of asked) assert.deepEqual(index.search(query), fresh.search(query), `${context}: ${JSON.stringify(query)}`);
}

describe('AnnotationIndex after any sequence of changes', () => {
  for (const seed of [1, 2, 3]) {
    it(`answers as a fresh build does (seed ${seed})`, async () => {
      const random = createRandom(seed);
      const index = new AnnotationIndex();
      const model = new Model();
      for (let n = 1; n <= 300; n++) {
        step(random, index, model, n);
        if (n % 30 === 0) assertSameAnswers(index, freshIndex(random, model), queries(random, model), `seed ${seed}, step ${n}`);
      }
      assert.ok(model.annotations.size > 10, 'the sequence left annotations to search');
      const reloaded = await AnnotationIndex.fromContent(index.content());
      assertSameAnswers(reloaded, freshIndex(random, model), queries(random, model), `seed ${seed}, reloaded from its content`);
    });
  }
});
