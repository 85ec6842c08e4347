import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NOTES_SEARCH_LIMITS } from '../../../../main/common/notes-search';
import { GlossError } from '../../../../main/errors';
import type { AnnotationIndex } from '../../../../main/search/annotation-index';
import { documentNote, highlight, hitIds, hitKeys, indexOf, markedWords } from './fixtures';

const ids = (index: AnnotationIndex, text: string): string[] => hitIds(index.search({ text }));

describe('AnnotationIndex: keeping in step', () => {
  it('finds an annotation by its quote, note, tags and document title', () => {
    const index = indexOf({ d1: 'Coastal Villages' }, [highlight('d1', 'a1', { quote: 'The lighthouse keeper', note: 'Compare the harbour', tags: ['maritime'] })]);
    for (const text of ['lighthouse', 'harbour', 'maritime', 'coastal']) assert.deepEqual(ids(index, text), ['a1'], text);
    assert.deepEqual(ids(index, 'nothing'), []);
  });

  it('follows edits of the note, tags, color and target', () => {
    const index = indexOf({}, [highlight('d1', 'a1', { quote: 'old passage', note: 'first thought', tags: ['draft'] })]);
    index.putAnnotations([highlight('d1', 'a1', { quote: 'moved passage', note: 'second thought', tags: ['final'], color: 'blue' })]);
    assert.deepEqual(ids(index, 'first'), []);
    assert.deepEqual(ids(index, 'draft'), []);
    assert.deepEqual(ids(index, 'old'), []);
    assert.deepEqual(ids(index, 'second'), ['a1']);
    assert.deepEqual(ids(index, 'final'), ['a1']);
    assert.deepEqual(ids(index, 'moved'), ['a1']);
    assert.deepEqual(hitIds(index.search({ text: 'thought', colors: ['yellow'] })), []);
    assert.deepEqual(hitIds(index.search({ text: 'thought', colors: ['blue'] })), ['a1']);
    assert.equal(index.size, 1);
  });

  it('forgets a deleted annotation, finds it again once restored, and ignores repeats', () => {
    const kept = highlight('d1', 'a1', { note: 'kept words' });
    const index = indexOf({}, [kept, highlight('d1', 'a2', { note: 'deleted words' })]);
    index.removeAnnotations('d1', ['a2']);
    index.removeAnnotations('d1', ['a2', 'never-there']);
    index.removeAnnotations('unknown', ['a1']);
    assert.deepEqual(ids(index, 'words'), ['a1']);
    index.putAnnotations([highlight('d1', 'a2', { note: 'deleted words' })]);
    index.putAnnotations([highlight('d1', 'a2', { note: 'deleted words' })]);
    assert.deepEqual(new Set(ids(index, 'words')), new Set(['a1', 'a2']));
    assert.equal(index.size, 2);
  });

  it('keeps annotations of different documents apart even when their ids are the same', () => {
    const index = indexOf({}, [highlight('d1', 'same', { note: 'alpha' }), highlight('d2', 'same', { note: 'beta' })]);
    index.removeAnnotations('d1', ['same']);
    assert.deepEqual(hitKeys(index.search({ text: 'beta' })), ['d2/same']);
    assert.deepEqual(hitKeys(index.search({ text: 'alpha' })), []);
  });

  it('makes a document hold exactly the annotations it is given', () => {
    const index = indexOf({}, [highlight('d1', 'a1', { note: 'one' }), highlight('d1', 'a2', { note: 'two' })]);
    index.replaceDocumentAnnotations('d1', [highlight('d1', 'a2', { note: 'two again' }), highlight('d1', 'a3', { note: 'three' })]);
    assert.deepEqual(ids(index, 'one'), []);
    assert.deepEqual(ids(index, 'again'), ['a2']);
    assert.deepEqual(ids(index, 'three'), ['a3']);
  });

  it('follows a title change and a document removed from the library', () => {
    const index = indexOf({ d1: 'Old Title', d2: 'Other' }, [highlight('d1', 'a1', { quote: 'unique words' }), highlight('d2', 'b1', { note: 'notes' })]);
    index.putDocument('d1', 'Fresh Heading');
    assert.deepEqual(ids(index, 'old'), []);
    assert.deepEqual(ids(index, 'fresh'), ['a1']);
    assert.equal(index.search({ text: 'fresh' }).groups[0]?.title.text, 'Fresh Heading');
    index.removeDocument('d1');
    assert.deepEqual(ids(index, 'fresh'), []);
    assert.deepEqual(ids(index, 'unique'), []);
    assert.deepEqual(ids(index, 'notes'), ['b1']);
    assert.equal(index.size, 1);
  });
});

describe('AnnotationIndex: matching', () => {
  const index = indexOf({ d1: 'Travels' }, [
    highlight('d1', 'harbour', { quote: 'The harbourmaster watched the northern lighthouse' }),
    highlight('d1', 'village', { quote: 'A quiet village beyond the meadow' }),
    highlight('d1', 'cafe', { note: 'The café in Zürich, with Müller', tags: ['Économie'] }),
    highlight('d1', 'numbers', { note: 'printed in 1998' }),
  ]);

  it('needs every word of the query', () => {
    assert.deepEqual(ids(index, 'quiet village'), ['village']);
    assert.deepEqual(ids(index, 'quiet lighthouse'), []);
  });

  it('matches the last word as a prefix while it is being typed, and only the last', () => {
    assert.deepEqual(ids(index, 'harb'), ['harbour']);
    assert.deepEqual(ids(index, 'northern lightho'), ['harbour']);
    assert.deepEqual(ids(index, 'nort lighthouse'), []);
    // A space after the word says it is complete.
    assert.deepEqual(ids(index, 'harb '), []);
  });

  it('matches the word being typed as a prefix from its third letter (from the first in unspaced scripts)', () => {
    assert.deepEqual(ids(index, 'ha'), []);
    assert.deepEqual(ids(index, 'har'), ['harbour']);
    const japanese = indexOf({}, [highlight('d1', 'tokyo', { quote: '東京に住んでいます' })]);
    assert.deepEqual(ids(japanese, '東'), ['tokyo']);
  });

  it('forgives a typo in a word of four or more letters: changed, dropped, added or swapped', () => {
    for (const typo of ['villege', 'vilage', 'villlage', 'vilalge', 'quite village']) assert.deepEqual(ids(index, typo), ['village'], typo);
  });

  it('forgives two typos from eight letters on, none in short words or numbers', () => {
    assert.deepEqual(ids(index, 'lihgthousr'), ['harbour']);
    assert.deepEqual(ids(index, 'lightjousr'), ['harbour']);
    assert.deepEqual(ids(index, 'tge'), []);
    assert.deepEqual(ids(index, '1996'), []);
    assert.deepEqual(ids(index, '1998'), ['numbers']);
  });

  it('ignores case and accents, either way round', () => {
    for (const text of ['cafe', 'CAFÉ', 'zurich', 'Muller', 'MÜLLER', 'economie']) assert.deepEqual(ids(index, text), ['cafe'], text);
    const plain = indexOf({}, [highlight('d1', 'p', { note: 'resume and naive' })]);
    assert.deepEqual(ids(plain, 'résumé naïve'), ['p']);
  });

  it('ranks the word as typed above its typos and prefixes', () => {
    const ranked = indexOf({}, [
      highlight('d1', 'typo', { note: 'the lantern' }),
      highlight('d1', 'exact', { note: 'the lanterns' }),
      highlight('d1', 'longer', { note: 'the lanternsmith' }),
    ]);
    assert.deepEqual(hitIds(ranked.search({ text: 'lanterns ' })), ['exact', 'typo']);
    assert.equal(hitIds(ranked.search({ text: 'lanterns' }))[0], 'exact');
  });
});

describe('AnnotationIndex: Unicode', () => {
  it('finds text stored decomposed with a composed query, and back, and marks the whole word', () => {
    const index = indexOf({}, [
      highlight('d1', 'nfd', { note: 'Un café crème'.normalize('NFD') }),
      highlight('d1', 'nfc', { note: 'Ein Müsli'.normalize('NFC') }),
    ]);
    const nfd = index.search({ text: 'café'.normalize('NFC') });
    assert.deepEqual(hitIds(nfd), ['nfd']);
    assert.deepEqual(markedWords(nfd.groups[0]?.hits[0]?.note ?? null), ['café'.normalize('NFD')]);
    assert.deepEqual(ids(index, 'Müsli'.normalize('NFD')), ['nfc']);
  });

  it('finds emoji, right-to-left words and words of unspaced scripts', () => {
    const index = indexOf({}, [
      highlight('d1', 'emoji', { note: 'Great point 👍🏽 and 🔥' }),
      highlight('d1', 'arabic', { quote: 'ذاكرة المدينة القديمة' }),
      highlight('d1', 'hebrew', { note: 'סֵפֶר הזיכרון' }),
      highlight('d1', 'japanese', { quote: '東京に住んでいます' }),
      highlight('d1', 'chinese', { note: '我喜欢图书馆' }),
      highlight('d1', 'thai', { note: 'ภาษาไทยง่ายนิดเดียว' }),
    ]);
    assert.deepEqual(ids(index, '🔥'), ['emoji']);
    assert.deepEqual(ids(index, 'المدينة'), ['arabic']);
    assert.deepEqual(ids(index, 'ספר'), ['hebrew']);
    assert.deepEqual(ids(index, '東京'), ['japanese']);
    assert.deepEqual(ids(index, '図書館 図書館'), []);
    assert.deepEqual(ids(index, '图书馆'), ['chinese']);
    assert.deepEqual(ids(index, 'ไทย'), ['thai']);
    const marked = index.search({ text: '東京' }).groups[0]?.hits[0]?.quote ?? null;
    assert.deepEqual(markedWords(marked), ['東京']);
  });

  it('survives text that is only marks, joiners or symbols', () => {
    const index = indexOf({}, [highlight('d1', 'odd', { note: '\u0301\u200d ‍ ⁂ \ufe0f' })]);
    assert.deepEqual(ids(index, '\u0301'), []);
    assert.deepEqual(ids(index, '⁂'), []);
    assert.equal(index.size, 1);
  });
});

describe('AnnotationIndex: filters', () => {
  const index = indexOf({ d1: 'One', d2: 'Two' }, [
    highlight('d1', 'y', { note: 'shared word', tags: ['Café', 'todo'], color: 'yellow', updatedAt: '2025-01-01T00:00:00.000Z' }),
    highlight('d1', 'b', { note: 'shared word', tags: ['todo'], color: 'blue', updatedAt: '2025-03-01T00:00:00.000Z' }),
    highlight('d2', 'g', { note: 'shared word', tags: ['cafe'], color: 'green', updatedAt: '2025-02-01T00:00:00.000Z' }),
    documentNote('d2', 'n', 'shared word about the whole', ['todo']),
  ]);

  it('keeps only annotations with every tag asked for, compared folded', () => {
    assert.deepEqual(new Set(hitIds(index.search({ text: 'shared', tags: ['cafe'] }))), new Set(['y', 'g']));
    assert.deepEqual(hitIds(index.search({ text: 'shared', tags: ['CAFÉ', 'todo'] })), ['y']);
  });

  it('keeps only highlights of the colors asked for', () => {
    assert.deepEqual(new Set(hitIds(index.search({ text: 'shared', colors: ['blue', 'green'] }))), new Set(['b', 'g']));
  });

  it('keeps only one document when asked', () => {
    assert.deepEqual(new Set(hitIds(index.search({ text: 'shared', documentId: 'd2' }))), new Set(['g', 'n']));
  });

  it('lists what passes the filters, newest first, when there are no words', () => {
    // 'y' and 'n' were edited at the same moment: then by id.
    assert.deepEqual(hitIds(index.search({ text: '', tags: ['todo'] })), ['b', 'y', 'n']);
    assert.deepEqual(hitIds(index.search({ text: '  ', colors: ['green'] })), ['g']);
    assert.deepEqual(index.search({ text: '' }).groups, []);
  });
});

describe('AnnotationIndex: results', () => {
  it('groups hits by document, in the order of each document’s best hit', () => {
    const index = indexOf({ d1: 'Gardens', d2: 'Orchards' }, [
      highlight('d1', 'weak', { quote: 'an apple among many other things said at length here' }),
      highlight('d2', 'strong', { quote: 'apple apple' }),
      highlight('d2', 'weaker', { quote: 'the apple and a great many other words, said slowly, one by one' }),
    ]);
    const results = index.search({ text: 'apple' });
    assert.deepEqual(
      results.groups.map((g) => [g.documentId, g.title.text, g.hits.map((h) => h.annotationId)]),
      [
        ['d2', 'Orchards', ['strong', 'weaker']],
        ['d1', 'Gardens', ['weak']],
      ],
    );
    assert.equal(results.totalHits, 3);
    assert.equal(results.totalDocuments, 2);
    assert.equal(results.complete, true);
    assert.deepEqual(results.terms, ['apple']);
  });

  it('puts hits in the reader’s own text above hits by title only', () => {
    const index = indexOf({ d1: 'Apple', d2: 'Pears' }, [
      highlight('d1', 'title-only', { quote: 'nothing about it' }),
      highlight('d2', 'in-note', { note: 'a long note that mentions apple once among many many other words of no interest' }),
    ]);
    const results = index.search({ text: 'apple' });
    assert.deepEqual(hitIds(results), ['in-note', 'title-only']);
    assert.deepEqual(results.groups[0]?.hits[0]?.matchedFields, ['note']);
    assert.deepEqual(results.groups[1]?.hits[0]?.matchedFields, ['title']);
    assert.deepEqual(markedWords(results.groups[1]?.title ?? null), ['Apple']);
  });

  it('breaks ties by the most recent edit', () => {
    const index = indexOf({}, [
      highlight('d1', 'older', { note: 'same words', updatedAt: '2024-05-01T10:00:00.000Z' }),
      highlight('d1', 'newer', { note: 'same words', updatedAt: '2025-05-01T10:00:00.000Z' }),
      highlight('d1', 'oldest', { note: 'same words', updatedAt: '2023-05-01T10:00:00.000Z' }),
    ]);
    assert.deepEqual(ids(index, 'same words'), ['newer', 'older', 'oldest']);
  });

  it('marks the matched words in quote, note, tags and title', () => {
    const index = indexOf({ d1: 'On Lanterns and Harbours' }, [
      highlight('d1', 'a1', { quote: 'The Lantern glowed; lanterns everywhere', note: 'A lantern-maker', tags: ['lanterns', 'other'] }),
    ]);
    const hit = index.search({ text: 'lantern ' }).groups[0]?.hits[0];
    assert.ok(hit);
    assert.deepEqual(markedWords(hit.quote), ['Lantern', 'lanterns']);
    assert.deepEqual(markedWords(hit.note), ['lantern']);
    assert.deepEqual(hit.tags.map(markedWords), [['lanterns'], []]);
    assert.deepEqual(hit.matchedFields, ['quote', 'note', 'tags', 'title']);
    assert.deepEqual(markedWords(index.search({ text: 'lantern ' }).groups[0]?.title ?? null), ['Lanterns']);
  });

  it('cuts a long note around its first match', () => {
    const filler = 'word '.repeat(400);
    const index = indexOf({}, [highlight('d1', 'long', { note: `${filler}the needle is here ${filler}` })]);
    const note = index.search({ text: 'needle' }).groups[0]?.hits[0]?.note;
    assert.ok(note);
    assert.ok(note.text.length <= NOTES_SEARCH_LIMITS.excerptLength + 1);
    assert.equal(note.cutBefore, true);
    assert.equal(note.cutAfter, true);
    assert.deepEqual(markedWords(note), ['needle']);
  });

  it('returns at most `limit` hits and counts them all', () => {
    const index = indexOf({}, Array.from({ length: 30 }, (_, i) => highlight(`d${i % 3}`, `a${i}`, { note: 'common' })));
    const results = index.search({ text: 'common', limit: 5 });
    assert.equal(hitIds(results).length, 5);
    assert.equal(results.totalHits, 30);
    assert.equal(results.totalDocuments, 3);
  });

  it('describes document notes and orphans as they are', () => {
    const orphan = { ...highlight('d1', 'o', { quote: 'lost passage' }), status: 'orphaned' as const };
    const index = indexOf({}, [orphan, documentNote('d1', 'n', 'a lost cause')]);
    const hits = index.search({ text: 'lost' }).groups[0]?.hits ?? [];
    const byId = new Map(hits.map((hit) => [hit.annotationId, hit]));
    assert.equal(byId.get('o')?.status, 'orphaned');
    assert.equal(byId.get('n')?.kind, 'note');
    assert.equal(byId.get('n')?.quote, null);
    assert.equal(byId.get('n')?.color, null);
    assert.equal(byId.get('o')?.note, null);
  });

  it('refuses a query that is too long, a bad limit or an unknown color', () => {
    const index = indexOf({}, []);
    const refused = (query: Parameters<AnnotationIndex['search']>[0]) =>
      assert.throws(() => index.search(query), (error: unknown) => error instanceof GlossError && error.code === 'invalid-request');
    refused({ text: 'x'.repeat(NOTES_SEARCH_LIMITS.maxQueryLength + 1) });
    refused({ text: 'a', limit: 0 });
    refused({ text: 'a', limit: NOTES_SEARCH_LIMITS.maxHits + 1 });
    refused({ text: 'a', limit: 1.5 });
    refused({ text: 'a', colors: ['mauve' as 'blue'] });
  });
});
