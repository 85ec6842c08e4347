import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WRAPPED_MAX_LINE, splitIntoUnits } from '../../../../main/documents/plain-text-units';

const LONG = `This paragraph is long enough that nobody would hard-wrap a file at this width, ${'so it is one per line. '.repeat(2)}`.trim();

function units(text: string) {
  return splitIntoUnits(text.split('\n'));
}

describe('splitIntoUnits, one paragraph per line', () => {
  it('makes each line a unit, whether blank lines separate them or not', () => {
    assert.ok(LONG.length > WRAPPED_MAX_LINE);
    assert.deepEqual(units(`${LONG}\n${LONG}\n\n\n${LONG}`).map((u) => u.text), [LONG, LONG, LONG]);
  });

  it('counts every unit as standalone, whether blank lines separate them or not', () => {
    assert.deepEqual(units(`${LONG}\n\nA Heading\n\n${LONG}`).map((u) => u.standalone), [true, true, true]);
    assert.deepEqual(units(`${LONG}\nA Heading\n${LONG}`), [
      { text: LONG, standalone: true },
      { text: 'A Heading', standalone: true },
      { text: LONG, standalone: true },
    ]);
  });

  it('keeps a run of short lines that are not sentences together, with hard breaks', () => {
    assert.deepEqual(units(`${LONG}\n\nKey facts\nPopulation 26 million\nCapital Pyongyang\n${LONG}\nShort one.\nShort two.`).map((u) => u.text), [
      LONG,
      'Key facts\nPopulation 26 million\nCapital Pyongyang',
      LONG,
      'Short one.',
      'Short two.',
    ]);
  });

  it('starts a unit at every marker line and joins an indented line to a list item', () => {
    const text = `${LONG}\n- First item\n  wrapped on.\n- Second item\nQ. Why?\nA. Because.\nAlso Read: Other story`;
    assert.deepEqual(units(text).map((u) => u.text), [LONG, '- First item wrapped on.', '- Second item', 'Q. Why?', 'A. Because.', 'Also Read: Other story']);
  });
});

describe('splitIntoUnits, hard-wrapped text', () => {
  const wrapped = [
    'Apple on Monday introduced a set of artificial intelligence features that',
    'run on its own chips, promising that most requests will never leave the',
    'phone.',
    '',
    'Jane Doe',
    '12 Main Street',
    'Springfield',
    '',
    'A Heading',
    '',
    '- A list item that is long enough to be wrapped onto a second line by',
    'the editor that saved it',
    '- Short item',
    'A new line after a short item.',
    'Q. A question that goes on and on for long enough to wrap onto the next',
    'line?',
    'A. Yes.',
  ];

  it('joins full-width lines with a space and keeps short-line breaks as hard breaks', () => {
    const result = splitIntoUnits(wrapped);
    assert.deepEqual(result.map((u) => u.text), [
      'Apple on Monday introduced a set of artificial intelligence features that run on its own chips, promising that most requests will never leave the phone.',
      'Jane Doe\n12 Main Street\nSpringfield',
      'A Heading',
      '- A list item that is long enough to be wrapped onto a second line by the editor that saved it',
      '- Short item',
      'A new line after a short item.',
      'Q. A question that goes on and on for long enough to wrap onto the next line?',
      'A. Yes.',
    ]);
  });

  it('counts only a unit alone between blank lines as standalone', () => {
    const result = splitIntoUnits(wrapped);
    assert.deepEqual(result.map((u) => u.standalone), [true, true, true, false, false, false, false, false]);
  });
});

describe('splitIntoUnits, edges', () => {
  it('returns nothing for blank input and trims every line', () => {
    assert.deepEqual(units('\n  \n\t\n'), []);
    assert.deepEqual(units('   Indented text   \n'), [{ text: 'Indented text', standalone: true }]);
  });
});
