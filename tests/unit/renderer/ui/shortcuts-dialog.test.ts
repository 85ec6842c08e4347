import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatKeys, KEYMAP } from '../../../../main/common/keymap';
import { shortcutList } from '../../../../renderer/ui/shortcuts-dialog';

const platforms = [
  { name: 'the browser on Windows and Linux', mode: 'browser', isMac: false },
  { name: 'the browser on macOS', mode: 'browser', isMac: true },
  { name: 'the desktop on Windows and Linux', mode: 'desktop', isMac: false },
  { name: 'the desktop on macOS', mode: 'desktop', isMac: true },
] as const;

/** The dialog's lines as a map from action to the keys shown for it. */
function listed(platform: { mode: 'desktop' | 'browser'; isMac: boolean }): Map<string, string> {
  const lines = shortcutList(platform);
  const byAction = new Map(lines.map(([keys, action]) => [action, keys]));
  assert.equal(byAction.size, lines.length, 'one line per action');
  return byAction;
}

describe('the shortcuts dialog', () => {
  it('in a browser tab lists what the page handles: Ctrl+O yes; Ctrl+W, zoom, text size and Ctrl+/ no', () => {
    const lines = listed({ mode: 'browser', isMac: false });
    assert.equal(lines.get('Open a document'), 'Ctrl+O');
    assert.equal(lines.get('Show or hide the Annotations sidebar'), 'Ctrl+\\');
    assert.equal(lines.get('Show the keyboard shortcuts'), '?');
    for (const action of ['Close the document', 'Zoom in', 'Zoom out', 'Reset the zoom', 'Larger text', 'Smaller text']) assert.equal(lines.has(action), false, action);
    assert.equal([...lines.values()].some((keys) => keys.includes('Ctrl+W') || keys.includes('Ctrl+=')), false);
  });

  it('on the desktop lists the menu’s keys as well, in the platform’s notation', () => {
    const mac = listed({ mode: 'desktop', isMac: true });
    assert.equal(mac.get('Close the document'), '⌘W');
    assert.equal(mac.get('Zoom in'), '⌘=');
    assert.equal(mac.get('Larger text'), '⇧⌘.');
    assert.equal(mac.get('Show the keyboard shortcuts'), '?, ⌘/');
    const pc = listed({ mode: 'desktop', isMac: false });
    assert.equal(pc.get('Close the document'), 'Ctrl+W');
    assert.equal(pc.get('Undo deleting a highlight'), 'Ctrl+Z');
    assert.equal(pc.get('Move between questions in the FAQ list'), '↑, ↓, Home, End');
  });

  for (const platform of platforms) {
    it(`in ${platform.name} lists every key of that mode once, and no other`, () => {
      const lines = listed(platform);
      const style = platform.isMac ? 'mac' : 'other';
      for (const row of KEYMAP) {
        const keys = lines.get(row.action)?.split(', ') ?? [];
        const shown = keys.filter((key) => key === formatKeys(row.keys, style));
        const onPlatform = !('platform' in row) || row.platform === style;
        assert.equal(shown.length, row[platform.mode] === null || !onPlatform ? 0 : 1, `${row.keys} (${row.action})`);
      }
    });
  }
});
