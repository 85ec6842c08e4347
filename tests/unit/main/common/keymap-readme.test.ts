import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { formatKeys, groupBindings, KEYMAP, type KeyBinding } from '../../../../main/common/keymap';

const README = new URL('../../../../README.md', import.meta.url);

/** The rows of the README's "Keyboard shortcuts" table, as [keys, action] cells. */
function readmeRows(): string[][] {
  const text = readFileSync(README, 'utf8');
  const section = /^## Keyboard shortcuts\n([\s\S]*?)(?=^## )/m.exec(text)?.[1];
  assert.ok(section, 'the README has a "Keyboard shortcuts" section');
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) => line.slice(1, -1).split(' | ').map((cell) => cell.trim()));
}

/** Where a row works, as the README says it after the action. */
function modeNote(binding: KeyBinding): string {
  if (binding.browser === null) return ' (desktop)';
  if (binding.desktop === null) return ' (browser)';
  return '';
}

describe('the README’s keyboard shortcuts', () => {
  it('are the keymap’s, row for row, with the mode each works in', () => {
    const groups = groupBindings(KEYMAP, (a, b) => modeNote(a) === modeNote(b));
    const expected = groups.map((group) => [
      // A row of one platform is written as that platform writes it (Ctrl+Y, not Ctrl/Cmd+Y).
      group.bindings.map((binding) => formatKeys(binding.keys, binding.platform ?? 'any')).join(' / '),
      `${group.action}${modeNote(group.bindings[0] as KeyBinding)}`,
    ]);
    assert.deepEqual(readmeRows(), expected);
  });
});
