/**
 * What anchoring says of a passage it is not sure of: the reader's cases from issue 6 (spans
 * that cut words or run into the next section, accepted as plain "moved" before), passages kept
 * for review, and text that only changed in how it is spelled (Unicode composition, quote style,
 * whitespace), which must anchor exactly.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnnotationTarget } from '../../../../../main/api';
import { anchorInText } from '../../../../../main/common/anchoring/anchor-in-text';
import type { AnchorOutcome } from '../../../../../main/common/anchoring/anchor-in-text';
import { describeText } from '../../../../../main/common/anchoring/describe-text';
import { boundedEditDistance } from '../../../../../main/common/anchoring/edit-distance';
import { isGraphemeBoundary } from '../../../../../main/common/anchoring/graphemes';
import { HeadingOutline } from '../../../../../main/common/anchoring/heading-outline';
import { CERTAIN_QUOTE_SIMILARITY, MIN_QUOTE_SIMILARITY } from '../../../../../main/common/anchoring/match-verdict';
import { createRandom, paragraphs } from '../../../../fixtures/anchoring/prose';

/** The target of `text` from the start of `from` to the end of `to` (or of `from` alone). */
function targetOf(text: string, from: string, to?: string): AnnotationTarget {
  const start = text.indexOf(from);
  assert.ok(start >= 0, `"${from}" is in the text`);
  const end = to === undefined ? start + from.length : text.indexOf(to, start) + to.length;
  const { quote, position } = describeText(text, start, end)!;
  return { quote, position, headingPath: [], contentHash: 'v1' };
}

function anchorOne(text: string, target: AnnotationTarget, outline?: HeadingOutline): AnchorOutcome {
  return anchorInText(text, [{ id: 'x', target }], 'v2', outline)[0]!;
}

function covered(text: string, outcome: AnchorOutcome): string | null {
  return outcome.start === undefined ? null : text.slice(outcome.start, outcome.end);
}

const SENTENCE = 'At the market on Saturday she bought a tea set for her mother, and a basket of plums for the road home.';

function outlineOf(text: string, titles: string[]): HeadingOutline {
  return new HeadingOutline(
    titles.map((title) => ({ start: text.indexOf(`${title}\n`), level: 2, title })),
    text.length,
  );
}

describe('anchorInText never accepts a wrong span', () => {
  it('does not cover "a tea ser" when "a tea set" became "a tea service", and finds "a tea set" again when it comes back', () => {
    const target = targetOf(SENTENCE, 'a tea set');
    const changed = SENTENCE.replace('a tea set', 'a tea service');
    const outcome = anchorOne(changed, target);
    // "a tea service" is five edits from the nine characters of "a tea set": too far to keep.
    assert.equal(outcome.status, 'orphaned');
    assert.equal(covered(changed, outcome), null);
    const back = anchorOne(SENTENCE, target);
    assert.equal(back.status, 'anchored');
    assert.equal(covered(SENTENCE, back), 'a tea set');
  });

  it('measures the span it accepts by its true edit distance, not by the lower bound of the search', () => {
    // approx-string-match finds "a tea se" one edit from "a tea ser"; as a whole word-aligned
    // span the closest is "a tea set", also one edit away, which is what must be found.
    const stored = { ...targetOf(`${SENTENCE.replace('a tea set', 'a tea ser')}`, 'a tea ser') };
    const outcome = anchorOne(SENTENCE, stored);
    assert.notEqual(covered(SENTENCE, outcome), 'a tea se');
    assert.equal(covered(SENTENCE, outcome), 'a tea set');
  });

  /** A highlight across two paragraphs, ending with `last`, anchored after `last` was deleted. */
  function deleteLastSentence(last: string): { after: string; outcome: AnchorOutcome } {
    const before = `Morning\nThe fog lay on the river until nine. The ferry waited at the pier with its engine idling. Nobody seemed to mind the delay.\nBy ten the sun came through and the ferry left.${last}\nEvening at the quay\nThe lamps were lit along the quay one by one.`;
    const target = targetOf(before, 'The ferry waited', last.trim());
    const after = before.replace(last, '');
    return { after, outcome: anchorOne(after, target, outlineOf(after, ['Morning', 'Evening at the quay'])) };
  }

  it('does not run a passage whose last sentence was deleted into the next heading', () => {
    const { after, outcome } = deleteLastSentence(' The gulls came back to the harbour wall in a noisy crowd, all of them.');
    const text = covered(after, outcome);
    assert.ok(text === null || !text.includes('Evening'), `covers ${JSON.stringify(text)}`);
    // What is left is a third shorter than the passage: too far from it to keep.
    assert.equal(outcome.status, 'orphaned');
  });

  it('keeps a passage that lost a shorter last sentence, ending it before the heading', () => {
    const { after, outcome } = deleteLastSentence(' Gulls cried.');
    assert.equal(outcome.status, 'anchored', 'both ends are where they were, and most of it is unchanged');
    assert.equal(covered(after, outcome), 'The ferry waited at the pier with its engine idling. Nobody seemed to mind the delay.\nBy ten the sun came through and the ferry left.');
  });
});

describe('anchorInText keeps a doubtful passage for review', () => {
  const TEXT = paragraphs(createRandom(31), 6_000).join('\n');
  const start = TEXT.indexOf(' ', 3_000) + 1;
  const end = TEXT.indexOf(' ', start + 70);
  const target = (() => {
    const { quote, position } = describeText(TEXT, start, end)!;
    return { quote, position, headingPath: [], contentHash: 'v1' };
  })();

  it('marks a passage with most of it rewritten in place as needing review, with the span it would take', () => {
    const words = target.quote.exact.split(' ');
    // Words in the middle changed: between a fifth and a quarter of the characters.
    const edited = words.map((w, i) => (i === 3 ? `${w}ish` : i === 4 ? 'lighthouse' : i === 5 ? `un${w}ly` : w)).join(' ');
    const similarity = 1 - boundedEditDistance(edited, target.quote.exact, 100) / target.quote.exact.length;
    assert.ok(similarity >= MIN_QUOTE_SIMILARITY && similarity < CERTAIN_QUOTE_SIMILARITY, `similarity ${similarity}`);
    const text = TEXT.slice(0, start) + edited + TEXT.slice(end);
    const outcome = anchorOne(text, target);
    assert.equal(outcome.status, 'needs-review');
    assert.equal(covered(text, outcome), edited);
    assert.equal(outcome.target!.quote.exact, edited, 'what accepting it would store');
  });

  it('anchors a passage with one word replaced, its context intact on both sides, as moved', () => {
    const words = target.quote.exact.split(' ');
    const edited = words.map((w, i) => (i === 4 ? 'lighthouse' : w)).join(' ');
    const text = `A new first line. ${TEXT.slice(0, start)}${edited}${TEXT.slice(end)}`;
    const outcome = anchorOne(text, target);
    assert.equal(outcome.status, 'anchored');
    assert.equal(outcome.method, 'quote-approx');
    assert.equal(covered(text, outcome), edited);
  });

  it('does not take another copy of a deleted sentence, among other words, for the passage', () => {
    const repeated = 'The council will meet again on the first Monday of the month.';
    const before = `Minutes of March. ${TEXT.slice(0, 2_000)} ${repeated} Then came the budget. ${TEXT.slice(2_000, 4_000)} In April, as ever: ${repeated} Nothing else was decided.`;
    const highlighted = before.indexOf(repeated);
    const { quote, position } = describeText(before, highlighted, highlighted + repeated.length)!;
    const after = before.replace(`${repeated} Then came the budget. `, '');
    const outcome = anchorOne(after, { quote, position, headingPath: [], contentHash: 'v1' });
    assert.notEqual(outcome.status, 'anchored', 'the April copy may be it, or may not: the reader decides');
  });

  it('marks a short quote found unchanged where expected but without its context as needing review', () => {
    const short = targetOf(SENTENCE, 'a basket of plums');
    const changed = 'At the fair on Sunday, she sold a basket of plums to a stranger.';
    const outcome = anchorOne(changed, { ...short, position: { ...short.position, start: 32, end: 49 } });
    assert.equal(outcome.status, 'needs-review');
    assert.equal(covered(changed, outcome), 'a basket of plums');
  });
});

describe('anchorInText anchors text that only changed in spelling exactly', () => {
  const nfc = 'In 1891 José Martí published “Nuestra América”, an essay that asked for a Latin America of its own. Its readers called it Martí’s finest piece.';
  const cases: [string, string, string][] = [
    ['composed to decomposed accents (NFD)', nfc, nfc.normalize('NFD')],
    ['decomposed to composed accents (NFC)', nfc.normalize('NFD'), nfc],
    ['curly to straight quotes', nfc, nfc.replace(/[“”]/g, '"').replace(/’/g, "'")],
    ['straight to curly quotes', nfc.replace(/[“”]/g, '"').replace(/’/g, "'"), nfc],
    ['re-wrapped lines and doubled spaces', nfc, nfc.replace(/ an essay /, '\nan essay\n  ').replace('Its readers', ' Its  readers')],
  ];
  for (const [name, before, after] of cases) {
    it(name, () => {
      const quotes: [string, string][] = [
        ['José Martí published “Nuestra América”', 'José Martí published “Nuestra América”'],
        ['“Nuestra América”, an essay that asked', '“Nuestra América”, an essay that asked'],
        ['called it Martí’s finest piece', 'called it Martí’s finest piece'],
      ];
      const spellIn = (text: string, quote: string) => {
        // The same words as `text` spells them: find them by folding both.
        const fold = (s: string) => s.normalize('NFC').replace(/[“”]/g, '"').replace(/’/g, "'").replace(/\s+/g, ' ');
        for (let a = 0; a < text.length; a++) {
          for (let b = a + 1; b <= text.length; b++) {
            if (fold(text.slice(a, b)) === fold(quote) && isGraphemeBoundary(text, b)) return [a, b] as const;
          }
        }
        throw new Error(`"${quote}" not in "${text}"`);
      };
      for (const [quote] of quotes) {
        const [s, e] = spellIn(before, quote);
        const { quote: q, position } = describeText(before, s, e)!;
        const outcome = anchorOne(after, { quote: q, position, headingPath: [], contentHash: 'v1' });
        const [ts, te] = spellIn(after, quote);
        assert.equal(outcome.status, 'anchored', `${quote}: ${outcome.status}`);
        assert.notEqual(outcome.method, 'quote-approx', 'found as the same words, not as an edit');
        assert.deepEqual([outcome.start, outcome.end], [ts, te], `${quote} covers exactly the passage`);
        assert.ok(isGraphemeBoundary(after, outcome.start!) && isGraphemeBoundary(after, outcome.end!));
        assert.equal(outcome.target?.quote.exact ?? q.exact, after.slice(ts, te), 'the stored quote is the text as it is now');
      }
    });
  }
});

describe('anchorInText among near-twins (text alike but for a number)', () => {
  const twins = (from: number, count: number, separator: string) =>
    Array.from({ length: count }, (_, i) => `Observation number ${from + i} of the heron was logged at the marsh before dawn.`).join(separator);

  it('keeps for review, never anchors, a sentence whose twins one edit away stayed when it was deleted', () => {
    const text = `The log of the season.\n${twins(11, 6, ' ')}\n`;
    const target = targetOf(text, 'Observation number 13');
    const sentence = text.slice(target.position.start, text.indexOf('.', target.position.start) + 1);
    const fullTarget = targetOf(text, sentence);
    const outcome = anchorOne(text.replace(`${sentence} `, ''), fullTarget);
    assert.equal(outcome.status, 'needs-review', `was ${outcome.status}`);
  });

  it('finds the paragraph itself, not its twin, when text inserted above moved it past where it was expected', () => {
    const text = `The log of the season.\n${twins(31, 8, '\n')}\n`;
    const target = targetOf(text, 'Observation number 35 of the heron was logged at the marsh before dawn.');
    const inserted = text.replace('The log of the season.\n', `The log of the season.\n${'A note added later, long enough to push every paragraph below it down. '.repeat(2)}\n`);
    const outcome = anchorOne(inserted, target);
    assert.equal(outcome.status, 'anchored');
    assert.equal(covered(inserted, outcome), 'Observation number 35 of the heron was logged at the marsh before dawn.');
  });

  it('still takes a passage edited in place when its copy elsewhere is unchanged (that copy quotes it)', () => {
    const quoted = 'The committee voted to keep the library open on Sundays through the winter.';
    const text = `${SENTENCE} ${quoted} Then the meeting closed.\n${'Other words of the article go here and fill a paragraph. '.repeat(12)}\nAs the minutes say: ${quoted}\n`;
    const target = targetOf(text, quoted);
    const edited = text.replace(`${quoted} Then`, `${quoted.replace('voted', 'agreed')} Then`);
    const outcome = anchorOne(edited, target);
    assert.equal(outcome.status, 'anchored');
    assert.equal(covered(edited, outcome), quoted.replace('voted', 'agreed'));
  });
});
