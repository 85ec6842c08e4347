import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { KEYMAP, toAccelerator } from '../../../../main/common/keymap';
import { buildMenuTemplate } from '../../../../main/electron/menu';

/** Every item of a menu template, submenus included. */
function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function menuFor(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const template = buildMenuTemplate(
    { recent: [{ id: 'a', path: '/docs/a.md', fileName: 'a.md', title: 'A', lastOpenedAt: '2024-01-01T00:00:00.000Z' }], theme: 'light' },
    { send: () => undefined, chooseAndOpen: () => undefined, clearRecent: () => undefined },
    { platform, isPackaged: false },
  );
  return items(template);
}

for (const platform of ['darwin', 'win32', 'linux'] as const) {
  const menuRows = KEYMAP.filter((row) => row.desktop === 'menu');

  describe(`the ${platform} menu's accelerators`, () => {
    const accelerated = menuFor(platform).filter((item) => item.accelerator !== undefined);

    it('all come from rows of the keymap that the menu owns', () => {
      const fromKeymap = new Set(menuRows.map((row) => toAccelerator(row.keys)));
      assert.ok(accelerated.length > 0);
      for (const item of accelerated) assert.ok(fromKeymap.has(String(item.accelerator)), `${item.label ?? item.role}: ${String(item.accelerator)}`);
    });

    it('cover every key the keymap gives the menu, once each, so the dialog lists nothing the menu lacks', () => {
      const shown = accelerated.map((item) => String(item.accelerator));
      for (const row of menuRows) {
        assert.equal(shown.filter((accelerator) => accelerator === toAccelerator(row.keys)).length, 1, `${row.keys} (${row.action})`);
      }
      assert.equal(new Set(shown).size, shown.length, 'no accelerator twice');
    });

    it('put each key on the item that does what the keymap says', () => {
      const itemFor = (keys: string) => accelerated.find((item) => item.accelerator === toAccelerator(keys));
      assert.equal(itemFor('Mod+O')?.label, 'Open…');
      assert.equal(itemFor('Mod+W')?.label, 'Close Document');
      assert.equal(itemFor('Mod+Shift+L')?.label, 'Library');
      assert.equal(itemFor('Mod+\\')?.label, 'Toggle Sidebar');
      assert.equal(itemFor('Mod+/')?.label, 'Keyboard Shortcuts');
      assert.equal(itemFor('Mod+=')?.role, 'zoomIn');
      assert.equal(itemFor('Mod+-')?.role, 'zoomOut');
      assert.equal(itemFor('Mod+0')?.role, 'resetZoom');
    });
  });
}
