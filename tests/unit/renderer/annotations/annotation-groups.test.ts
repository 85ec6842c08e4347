import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../main/api';
import { headingsFromDom } from '../../../../main/common/anchoring/headings-from-dom';
import {
  allTags,
  countsLabel,
  DOCUMENT_NOTES_TITLE,
  filtersActive,
  groupAnnotations,
  matchesFilters,
  ORPHANED_TITLE,
  REVIEW_TITLE,
  type AnnotationFilters,
  type AnnotationGroup,
} from '../../../../renderer/annotations/annotation-groups';
import type { AnnotationEntry } from '../../../../renderer/annotations/annotation-state';
import type { HighlightColor } from '../../../../renderer/annotations/colors';
import { articleFrom } from '../anchoring/dom';
import { highlightEntry, noteEntry, orphanEntry } from './fixtures';

const ARTICLE =
  '<p>Opening words before any heading.</p>' +
  '<h2>Rain</h2><p>Rain falls mostly in autumn, when the westerly winds bring clouds.</p>' +
  '<h3>Storms</h3><p>Storms arrive at night and leave by morning.</p>' +
  '<h2>Sun</h2><p>Summer is dry and the rivers run low by August.</p>';

const { index } = articleFrom(ARTICLE);
const headings = headingsFromDom(index);
const meanings = DEFAULT_SETTINGS.colorMeanings;

function filters(patch: { text?: string; colors?: HighlightColor[]; tag?: string | null } = {}): AnnotationFilters {
  return { text: patch.text ?? '', colors: new Set(patch.colors ?? []), tag: patch.tag ?? null };
}

/** What the sidebar shows of the groups: each title with the ids listed under it. */
function shown(groups: AnnotationGroup[]): [string, string[]][] {
  return groups.map((group) => [group.title, group.entries.map((entry) => entry.annotation.id)]);
}

describe('groupAnnotations', () => {
  const entries: AnnotationEntry[] = [
    orphanEntry(index, 'rivers run low', { id: 'orphan-late' }),
    highlightEntry(index, 'rivers run low', { id: 'sun' }),
    highlightEntry(index, 'leave by morning', { id: 'storms-late' }),
    noteEntry({ id: 'note-new', createdAt: '2024-06-03T10:00:00.000Z' }),
    highlightEntry(index, 'westerly winds', { id: 'rain' }),
    highlightEntry(index, 'Storms arrive', { id: 'storms-early' }),
    orphanEntry(index, 'Opening words', { id: 'orphan-early' }),
    highlightEntry(index, 'Opening words', { id: 'beginning' }),
    noteEntry({ id: 'note-old', createdAt: '2024-06-02T10:00:00.000Z' }),
  ];

  it('lists document notes first, then each section in reading order, then orphans', () => {
    assert.deepEqual(shown(groupAnnotations(entries, headings, filters(), meanings)), [
      [DOCUMENT_NOTES_TITLE, ['note-old', 'note-new']],
      ['Beginning', ['beginning']],
      ['Rain', ['rain']],
      ['Storms', ['storms-early', 'storms-late']],
      ['Sun', ['sun']],
      [ORPHANED_TITLE, ['orphan-early', 'orphan-late']],
    ]);
  });

  it('lists highlights needing review in their own group, after the sections and before the orphans', () => {
    const review = (quote: string, id: string) => {
      const entry = highlightEntry(index, quote, { id });
      return { ...entry, annotation: { ...entry.annotation, status: 'needs-review' as const } };
    };
    const groups = groupAnnotations([...entries, review('leave by morning', 'review-late'), review('westerly winds', 'review-early')], headings, filters(), meanings);
    assert.deepEqual(shown(groups).slice(-3), [
      ['Sun', ['sun']],
      [REVIEW_TITLE, ['review-early', 'review-late']],
      [ORPHANED_TITLE, ['orphan-early', 'orphan-late']],
    ]);
    assert.equal(REVIEW_TITLE, 'Needs review');
    assert.equal(groups.find((g) => g.title === REVIEW_TITLE)!.kind, 'review');
  });

  it('names the groups the sidebar shows as "Document notes" and "Orphaned"', () => {
    assert.equal(DOCUMENT_NOTES_TITLE, 'Document notes');
    assert.equal(ORPHANED_TITLE, 'Orphaned');
    const kinds = groupAnnotations(entries, headings, filters(), meanings).map((group) => group.kind);
    assert.deepEqual(kinds, ['notes', 'section', 'section', 'section', 'section', 'orphaned']);
  });

  it('puts a highlight under the innermost heading above it, not the outer section', () => {
    const groups = groupAnnotations([highlightEntry(index, 'leave by morning', { id: 'h' })], headings, filters(), meanings);
    assert.deepEqual(shown(groups), [['Storms', ['h']]]);
  });

  it('puts a highlight of the heading itself in that heading\'s section', () => {
    const groups = groupAnnotations([highlightEntry(index, 'Sun', { id: 'h' })], headings, filters(), meanings);
    assert.deepEqual(shown(groups), [['Sun', ['h']]]);
  });

  it('orders a section by where passages start, then end, then by age, not by creation', () => {
    const groups = groupAnnotations(
      [
        highlightEntry(index, 'the rivers run low by August', { id: 'later-start', createdAt: '2024-06-01T09:00:00.000Z' }),
        highlightEntry(index, 'Summer is dry and the rivers', { id: 'long', createdAt: '2024-06-01T08:00:00.000Z' }),
        highlightEntry(index, 'Summer is dry', { id: 'short-new', createdAt: '2024-06-01T12:00:00.000Z' }),
        highlightEntry(index, 'Summer is dry', { id: 'short-old', createdAt: '2024-06-01T11:00:00.000Z' }),
      ],
      headings,
      filters(),
      meanings,
    );
    assert.deepEqual(shown(groups), [['Sun', ['short-old', 'short-new', 'long', 'later-start']]]);
  });

  it('keeps two sections with the same title apart, each with its own key', () => {
    const twice = articleFrom('<h2>Summary</h2><p>First part of the text.</p><h2>Summary</h2><p>Second part of the text.</p>');
    const groups = groupAnnotations(
      [highlightEntry(twice.index, 'Second part', { id: 'second' }), highlightEntry(twice.index, 'First part', { id: 'first' })],
      headingsFromDom(twice.index),
      filters(),
      meanings,
    );
    assert.deepEqual(shown(groups), [
      ['Summary', ['first']],
      ['Summary', ['second']],
    ]);
    assert.notEqual(groups[0]!.key, groups[1]!.key);
  });

  it('puts everything under "Beginning" in a document without headings', () => {
    const plain = articleFrom('<p>Just one paragraph of text.</p>');
    const groups = groupAnnotations([highlightEntry(plain.index, 'paragraph', { id: 'h' })], headingsFromDom(plain.index), filters(), meanings);
    assert.deepEqual(shown(groups), [['Beginning', ['h']]]);
  });

  it('leaves out highlights whose create is still in flight', () => {
    const provisional = { ...highlightEntry(index, 'westerly winds', { id: 'pending-1' }), durable: false };
    const groups = groupAnnotations([provisional, highlightEntry(index, 'rivers run low', { id: 'sun' })], headings, filters(), meanings);
    assert.deepEqual(shown(groups), [['Sun', ['sun']]]);
  });

  it('shows no group at all when there is nothing to list', () => {
    assert.deepEqual(groupAnnotations([], headings, filters(), meanings), []);
  });

  it('drops a group whose every entry is filtered out', () => {
    const groups = groupAnnotations(entries, headings, filters({ colors: ['green'] }), meanings);
    assert.deepEqual(groups, []);
    const some = [highlightEntry(index, 'westerly winds', { id: 'rain', color: 'green' }), ...entries];
    assert.deepEqual(shown(groupAnnotations(some, headings, filters({ colors: ['green'] }), meanings)), [['Rain', ['rain']]]);
  });
});

describe('matchesFilters', () => {
  const entry = highlightEntry(index, 'westerly winds', { id: 'h', color: 'blue', note: 'Compare with the **monsoon**', tags: ['Climate', 'exam'] });
  const note = noteEntry({ id: 'n', note: 'Read again before the exam', tags: ['todo'] });

  const matches = (f: AnnotationFilters, e: AnnotationEntry = entry) => matchesFilters(e, f, meanings);

  it('lets everything through when no filter is set', () => {
    assert.equal(matches(filters()), true);
    assert.equal(matches(filters(), note), true);
    assert.equal(matches(filters({ text: '   ' })), true);
  });

  it('keeps highlights of any checked color and drops the others', () => {
    assert.equal(matches(filters({ colors: ['blue'] })), true);
    assert.equal(matches(filters({ colors: ['yellow', 'blue'] })), true);
    assert.equal(matches(filters({ colors: ['yellow', 'pink'] })), false);
  });

  it('hides document notes, which have no color, once a color is checked', () => {
    assert.equal(matches(filters({ colors: ['blue'] }), note), false);
  });

  it('matches a tag without regard to case', () => {
    assert.equal(matches(filters({ tag: 'climate' })), true);
    assert.equal(matches(filters({ tag: 'EXAM' })), true);
    assert.equal(matches(filters({ tag: 'clim' })), false);
    assert.equal(matches(filters({ tag: 'climate' }), note), false);
  });

  it('finds text in the quote, the note, the tags, the color name and its meaning, in any case', () => {
    assert.equal(matches(filters({ text: 'WESTERLY' })), true, 'quote');
    assert.equal(matches(filters({ text: 'monsoon' })), true, 'note');
    assert.equal(matches(filters({ text: 'climate' })), true, 'tag');
    assert.equal(matches(filters({ text: 'blue' })), true, 'color name');
    assert.equal(matches(filters({ text: 'definition' })), true, 'color meaning');
    assert.equal(matches(filters({ text: 'important' })), false, "another color's meaning");
    assert.equal(matches(filters({ text: 'autumn' })), false, 'text of the article outside the quote');
  });

  it('searches a custom meaning the reader gave a color', () => {
    const custom = { ...meanings, blue: '  Key term ' };
    assert.equal(matchesFilters(entry, filters({ text: 'key term' }), custom), true);
    assert.equal(matchesFilters(entry, filters({ text: 'definition' }), custom), false);
  });

  it('needs every typed word, in any order and across fields', () => {
    assert.equal(matches(filters({ text: 'monsoon   westerly' })), true);
    assert.equal(matches(filters({ text: 'exam winds blue' })), true);
    assert.equal(matches(filters({ text: 'monsoon desert' })), false);
  });

  it('needs every filter at once', () => {
    assert.equal(matches(filters({ text: 'monsoon', colors: ['blue'], tag: 'exam' })), true);
    assert.equal(matches(filters({ text: 'monsoon', colors: ['blue'], tag: 'todo' })), false);
    assert.equal(matches(filters({ text: 'monsoon', colors: ['green'], tag: 'exam' })), false);
    assert.equal(matches(filters({ text: 'exam', tag: 'todo' }), note), true);
  });
});

describe('filtersActive', () => {
  it('is off for the empty filters and for a search of only spaces', () => {
    assert.equal(filtersActive(filters()), false);
    assert.equal(filtersActive(filters({ text: ' \t ' })), false);
  });

  it('is on as soon as any filter is set', () => {
    assert.equal(filtersActive(filters({ text: 'rain' })), true);
    assert.equal(filtersActive(filters({ colors: ['pink'] })), true);
    assert.equal(filtersActive(filters({ tag: 'exam' })), true);
  });
});

describe('countsLabel', () => {
  it('says "0 highlights · 0 notes" for a document without annotations', () => {
    assert.equal(countsLabel([]), '0 highlights · 0 notes');
  });

  it('uses the singular for one', () => {
    assert.equal(countsLabel([highlightEntry(index, 'westerly winds', { id: 'h', note: 'why?' })]), '1 highlight · 1 note');
  });

  it('counts document notes and highlights with note text as notes, but not blank notes', () => {
    const entries = [
      highlightEntry(index, 'westerly winds', { id: 'a', note: 'A note' }),
      highlightEntry(index, 'rivers run low', { id: 'b', note: '  \n ' }),
      highlightEntry(index, 'Storms arrive', { id: 'c' }),
      noteEntry({ id: 'n' }),
    ];
    assert.equal(countsLabel(entries), '3 highlights · 2 notes');
  });

  it('adds the orphans, which still count as highlights', () => {
    const entries = [highlightEntry(index, 'westerly winds', { id: 'a' }), orphanEntry(index, 'rivers run low', { id: 'o1' }), orphanEntry(index, 'Storms arrive', { id: 'o2' })];
    assert.equal(countsLabel(entries), '3 highlights · 0 notes · 2 orphaned');
  });

  it('adds the highlights needing review', () => {
    const entry = highlightEntry(index, 'westerly winds', { id: 'r1' });
    const review = { ...entry, annotation: { ...entry.annotation, status: 'needs-review' as const } };
    assert.equal(countsLabel([review, orphanEntry(index, 'rivers run low', { id: 'o1' })]), '2 highlights · 0 notes · 1 needs review · 1 orphaned');
    assert.equal(countsLabel([review, { ...review, annotation: { ...review.annotation, id: 'r2' } }]), '2 highlights · 0 notes · 2 need review');
  });

  it('does not count a highlight whose create is still in flight', () => {
    const provisional = { ...highlightEntry(index, 'westerly winds', { id: 'pending-1', note: 'x' }), durable: false };
    assert.equal(countsLabel([provisional, highlightEntry(index, 'rivers run low', { id: 'b' })]), '1 highlight · 0 notes');
  });
});

describe('allTags', () => {
  it('lists each tag once, alphabetically whatever the case, spelled as first seen', () => {
    const entries = [
      highlightEntry(index, 'westerly winds', { id: 'a', tags: ['weather', 'Exam'] }),
      noteEntry({ id: 'n', tags: ['exam', 'autumn'] }),
      highlightEntry(index, 'rivers run low', { id: 'b', tags: ['WEATHER', 'Rivers'] }),
    ];
    assert.deepEqual(allTags(entries), ['autumn', 'Exam', 'Rivers', 'weather']);
  });

  it('is empty when nothing is tagged', () => {
    assert.deepEqual(allTags([highlightEntry(index, 'westerly winds', { id: 'a' })]), []);
  });
});
