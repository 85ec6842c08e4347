import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIMITS } from '../../../../main/api';
import { mergeTags, parseTags, TagInput } from '../../../../renderer/annotations/tag-input';
import { installDomGlobals } from './dom-globals';

const window = installDomGlobals();

describe('parseTags', () => {
  it('splits on commas and trims each tag', () => {
    assert.deepEqual(parseTags(' history , to read,exam '), ['history', 'to read', 'exam']);
  });

  it('collapses runs of whitespace inside a tag', () => {
    assert.deepEqual(parseTags('deep \t  work'), ['deep work']);
  });

  it('drops the # typed in front of a tag, as the main side does', () => {
    assert.deepEqual(parseTags('#idea, ## two words,c#'), ['idea', 'two words', 'c#']);
    assert.deepEqual(mergeTags(['idea'], parseTags('#Idea')), ['idea']);
  });

  it('drops empty pieces', () => {
    assert.deepEqual(parseTags(''), []);
    assert.deepEqual(parseTags('   '), []);
    assert.deepEqual(parseTags(', ,a,,'), ['a']);
  });

  it(`cuts a tag to ${LIMITS.maxTagLength} characters, the most the main side accepts`, () => {
    const [tag] = parseTags('x'.repeat(LIMITS.maxTagLength + 20));
    assert.equal(tag, 'x'.repeat(LIMITS.maxTagLength));
  });
});

describe('mergeTags', () => {
  it('appends new tags after the existing ones', () => {
    assert.deepEqual(mergeTags(['a'], ['b', 'c']), ['a', 'b', 'c']);
  });

  it('ignores a tag already there in another case, keeping the first spelling', () => {
    assert.deepEqual(mergeTags(['History'], ['history', 'HISTORY', 'exam']), ['History', 'exam']);
  });

  it('adds a tag typed twice at once only once', () => {
    assert.deepEqual(mergeTags([], ['Exam', 'exam']), ['Exam']);
  });

  it(`stops at ${LIMITS.maxTags} tags`, () => {
    const full = Array.from({ length: LIMITS.maxTags - 1 }, (_, i) => `t${i}`);
    const merged = mergeTags(full, ['last', 'one too many']);
    assert.equal(merged.length, LIMITS.maxTags);
    assert.equal(merged.at(-1), 'last');
  });
});

describe('TagInput', () => {
  /** A tag input in the page, the changes it reports, and ways to use it as a reader does. */
  function setup(initial: string[] = []) {
    const changes: string[][] = [];
    const tagInput = new TagInput('test', (tags) => changes.push(tags));
    window.document.body.replaceChildren(tagInput.element);
    tagInput.set(initial);
    const input = tagInput.element.querySelector<HTMLInputElement>('input[aria-label="Add tag"]')!;
    const chips = () => Array.from(tagInput.element.querySelectorAll('[aria-label="Tags"] li'), (li) => li.querySelector('.tag-text')!.textContent);
    const press = (key: string) => {
      const event = new window.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      input.dispatchEvent(event);
      return event;
    };
    const type = (text: string) => {
      input.focus();
      input.value = text;
      input.dispatchEvent(new window.Event('input', { bubbles: true }));
    };
    const removeButton = (tag: string) => tagInput.element.querySelector<HTMLButtonElement>(`button[aria-label="Remove tag ${tag}"]`);
    return { tagInput, input, changes, chips, press, type, removeButton };
  }

  it(`takes at most ${LIMITS.maxTagLength} characters in the "Add tag" field`, () => {
    const { input } = setup();
    assert.equal(input.maxLength, LIMITS.maxTagLength);
  });

  it('shows the tags it is set to, without reporting a change', () => {
    const { chips, changes, tagInput } = setup(['history', 'exam']);
    assert.deepEqual(chips(), ['history', 'exam']);
    assert.deepEqual(changes, []);
    const list = tagInput.element.querySelector<HTMLElement>('[aria-label="Tags"]')!;
    assert.equal(list.hidden, false);
    tagInput.set([]);
    assert.equal(list.hidden, true, 'an empty chip list is hidden');
  });

  it('setting the tags clears half-typed text from the previous annotation', () => {
    const { input, type, tagInput, changes } = setup();
    type('half typ');
    tagInput.set(['other']);
    assert.equal(input.value, '');
    assert.deepEqual(changes, []);
  });

  it('adds what was typed on Enter, trimmed, and clears the field', () => {
    const { input, type, press, chips, changes } = setup(['history']);
    type('  to   read ');
    const enter = press('Enter');
    assert.equal(enter.defaultPrevented, true, 'Enter does not submit or type anything');
    assert.deepEqual(chips(), ['history', 'to read']);
    assert.deepEqual(changes, [['history', 'to read']]);
    assert.equal(input.value, '');
  });

  it('adds what was typed on a comma, and the comma is not typed', () => {
    const { type, press, chips, changes } = setup();
    type('exam');
    const comma = press(',');
    assert.equal(comma.defaultPrevented, true);
    assert.deepEqual(chips(), ['exam']);
    assert.deepEqual(changes, [['exam']]);
  });

  it('turns pasted "a, b, c" into three chips at once', () => {
    const { type, chips, changes } = setup();
    type('alpha, beta ,gamma');
    assert.deepEqual(chips(), ['alpha', 'beta', 'gamma']);
    assert.deepEqual(changes, [['alpha', 'beta', 'gamma']]);
  });

  it('keeps typing without a comma in the field', () => {
    const { type, input, chips, changes } = setup();
    type('hist');
    assert.equal(input.value, 'hist');
    assert.deepEqual(chips(), []);
    assert.deepEqual(changes, []);
  });

  it('adds what was typed when the field loses focus', () => {
    const { type, input, chips, changes } = setup();
    type('unfinished');
    input.blur();
    assert.deepEqual(chips(), ['unfinished']);
    assert.deepEqual(changes, [['unfinished']]);
  });

  it('reports no change for a tag already there in another case, and clears the field', () => {
    const { type, press, input, chips, changes } = setup(['History']);
    type('history');
    press('Enter');
    assert.deepEqual(chips(), ['History']);
    assert.deepEqual(changes, []);
    assert.equal(input.value, '');
  });

  it('reports no change for Enter in an empty or blank field', () => {
    const { type, press, changes, chips } = setup(['a']);
    press('Enter');
    type('   ');
    press('Enter');
    assert.deepEqual(changes, []);
    assert.deepEqual(chips(), ['a']);
  });

  it(`adds nothing past ${LIMITS.maxTags} tags`, () => {
    const full = Array.from({ length: LIMITS.maxTags }, (_, i) => `t${i}`);
    const { type, press, chips, changes } = setup(full);
    type('one more');
    press('Enter');
    assert.equal(chips().length, LIMITS.maxTags);
    assert.ok(!chips().includes('one more'));
    assert.deepEqual(changes, []);
  });

  it('removes a tag with its "Remove tag …" button and gives focus back to the field', () => {
    const { removeButton, chips, changes, input } = setup(['history', 'exam', 'later']);
    removeButton('exam')!.click();
    assert.deepEqual(chips(), ['history', 'later']);
    assert.deepEqual(changes, [['history', 'later']]);
    assert.equal(window.document.activeElement, input);
    assert.equal(removeButton('exam'), null);
  });

  it('removes the last tag on Backspace in an empty field', () => {
    const { press, chips, changes } = setup(['history', 'exam']);
    const backspace = press('Backspace');
    assert.equal(backspace.defaultPrevented, true);
    assert.deepEqual(chips(), ['history']);
    assert.deepEqual(changes, [['history']]);
  });

  it('leaves the tags alone on Backspace while text is typed, so the text is edited', () => {
    const { type, press, chips, changes } = setup(['history']);
    type('ex');
    const backspace = press('Backspace');
    assert.equal(backspace.defaultPrevented, false);
    assert.deepEqual(chips(), ['history']);
    assert.deepEqual(changes, []);
  });

  it('does nothing on Backspace with no tags and no text', () => {
    const { press, changes } = setup();
    assert.equal(press('Backspace').defaultPrevented, false);
    assert.deepEqual(changes, []);
  });

  it('shows a tag that looks like HTML as text', () => {
    const { type, press, tagInput, chips } = setup();
    type('<img src=x onerror=alert(1)>');
    press('Enter');
    assert.deepEqual(chips(), ['<img src=x onerror=alert(1)>']);
    assert.equal(tagInput.element.querySelector('img'), null);
  });
});
