/**
 * Baseline tests in the manner of Hypothesis's anchoring/test/html-baselines: each fixture in
 * tests/fixtures/anchoring is an HTML document, the selections made on it with the targets they
 * must produce (so that a change in what Gloss stores shows up as a diff), and edited versions of
 * the document with the outcome each annotation must have on them.
 *
 * After a deliberate change to what targets hold, refresh the stored targets with
 * `UPDATE_ANCHORING_BASELINES=1 npx tsx --test tests/unit/renderer/anchoring/html-baselines.test.ts`
 * and review the diff.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { AnnotationTarget } from '../../../../../main/api';
import { anchorTargets } from '../../../../../renderer/anchoring/anchor';
import { describeRange } from '../../../../../renderer/anchoring/describe-range';
import { headingPathResolver } from '../../../../../main/common/anchoring/headings-from-dom';
import { articleFrom, offsetOf } from '../../../renderer/anchoring/dom';

const FIXTURES = new URL('../../../../fixtures/anchoring/', import.meta.url);
const UPDATE = process.env.UPDATE_ANCHORING_BASELINES === '1';

type Selection = { text: string; occurrence?: number } | { from: string; to: string };

interface Expected {
  status: 'anchored' | 'orphaned';
  method: string;
  moved?: boolean;
  /** Whether the outcome carries a new target. */
  changed?: boolean;
  /** Text the anchored range must cover; the stored quote when not given. */
  exact?: string;
  /** Which copy of a repeated text the passage must be anchored to. */
  at?: { text: string; occurrence: number };
  headingPath?: string[];
}

interface Fixture {
  description: string;
  html: string;
  contentHash: string;
  annotations: { id: string; select: Selection; target: AnnotationTarget | null }[];
  edits: { name: string; html: string; contentHash: string; expected: Record<string, Expected> }[];
}

function readFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

function spanOf(text: string, select: Selection): { start: number; end: number } {
  if ('text' in select) {
    const start = offsetOf(text, select.text, select.occurrence ?? 0);
    return { start, end: start + select.text.length };
  }
  const start = offsetOf(text, select.from);
  return { start, end: offsetOf(text, select.to, 0, start) + select.to.length };
}

/** JSON with every non-ASCII character escaped, so invisible marks stay visible in diffs. */
function stringifyAscii(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

for (const file of ['article.json', 'repeated.json', 'unicode.json']) {
  const fixture = JSON.parse(readFixture(file)) as Fixture;

  describe(`html baseline ${file}: ${fixture.description}`, () => {
    const before = articleFrom(readFixture(fixture.html));
    const headingPathAt = headingPathResolver(before.index);
    const described = fixture.annotations.map((a) => {
      const span = spanOf(before.index.text, a.select);
      const range = before.index.rangeFromOffsets(span.start, span.end);
      return { id: a.id, target: describeRange(before.index, range, fixture.contentHash, headingPathAt) };
    });

    if (UPDATE) {
      fixture.annotations.forEach((a, i) => (a.target = described[i]!.target));
      writeFileSync(new URL(file, FIXTURES), stringifyAscii(fixture));
    }

    it('describes each selection as its stored target', () => {
      for (const [i, a] of fixture.annotations.entries()) {
        assert.deepEqual(described[i]!.target, a.target, `target of ${a.id}`);
      }
    });

    for (const edit of fixture.edits) {
      it(`anchors after edit: ${edit.name}`, () => {
        const after = articleFrom(readFixture(edit.html));
        const items = fixture.annotations.map((a) => ({ id: a.id, target: a.target! }));
        const outcomes = anchorTargets(after.index, items, edit.contentHash);
        assert.deepEqual(
          outcomes.map((o) => o.id),
          items.map((item) => item.id),
        );
        for (const [i, outcome] of outcomes.entries()) {
          const expected = { ...edit.expected['*'], ...edit.expected[outcome.id] } as Expected;
          const label = `${edit.name} / ${outcome.id}`;
          assert.equal(outcome.status, expected.status, `status of ${label}`);
          assert.equal(outcome.method, expected.method, `method of ${label}`);
          if (expected.status === 'orphaned') {
            assert.equal(outcome.range, undefined);
            assert.equal(outcome.target, undefined);
            continue;
          }
          const exact = expected.exact ?? items[i]!.target.quote.exact;
          assert.equal(outcome.range?.toString(), exact, `range text of ${label}`);
          assert.equal(after.index.text.slice(outcome.start, outcome.end), exact);
          assert.equal(outcome.moved, expected.moved, `moved of ${label}`);
          assert.equal(outcome.target !== undefined, expected.changed, `changed of ${label}`);
          if (expected.at) {
            assert.equal(outcome.start, offsetOf(after.index.text, expected.at.text, expected.at.occurrence), `copy chosen for ${label}`);
          }
          if (expected.headingPath) {
            assert.deepEqual(outcome.target?.headingPath, expected.headingPath, `heading path of ${label}`);
          }
          if (outcome.target) {
            // A recomputed target must describe exactly the passage found: on the edited text
            // it anchors at once, by its position.
            assert.equal(outcome.target.contentHash, edit.contentHash);
            const [again] = anchorTargets(after.index, [{ id: outcome.id, target: outcome.target }], edit.contentHash);
            assert.equal(again?.method, 'position', `recomputed target of ${label}`);
            assert.equal(again?.target, undefined);
          }
        }
      });
    }
  });
}
