/**
 * The desktop menu's File › Open Recent and View › Library, and which calls reach the operating
 * system's recent-documents list: the template and the rules are pure, so they run here without
 * Electron, with a recorder standing in for the shell's actions.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import type { DocumentSummary, ShellCommand } from '../../../../main/api';
import { buildMenuTemplate } from '../../../../main/electron/menu';
import { MENU_CHANGING_METHODS, recentDocumentPath } from '../../../../main/electron/recent-documents';

const doc = (n: number, title = `Article ${n}`): DocumentSummary => ({ id: `d${n}`, path: `/docs/${n}.md`, fileName: `${n}.md`, title, lastOpenedAt: '2025-01-01T00:00:00.000Z' });

function menu(recent: DocumentSummary[], platform: NodeJS.Platform = 'linux') {
  const sent: ShellCommand[] = [];
  let cleared = 0;
  const template = buildMenuTemplate({ recent, theme: 'light' }, { send: (command) => sent.push(command), chooseAndOpen: () => undefined, chooseAndImport: () => undefined, clearRecent: () => (cleared += 1) }, { platform, isPackaged: true });
  const top = (label: string) => template.find((item) => item.label === label)?.submenu as MenuItemConstructorOptions[];
  const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();
  return { sent, cleared: () => cleared, top, click };
}

describe('File › Open Recent', () => {
  test('lists the recent documents by title, each opening its path, then Clear Recent', () => {
    const { sent, cleared, top, click } = menu([doc(1), doc(2, 'Notes & Queries')]);
    const recent = top('File').find((item) => item.label === 'Open Recent')?.submenu as MenuItemConstructorOptions[];
    assert.deepEqual(recent.map((item) => item.label ?? item.type), ['Article 1', 'Notes && Queries', 'separator', 'Clear Recent']);
    click(recent[1]);
    assert.deepEqual(sent, [{ type: 'open-path', path: '/docs/2.md' }]);
    click(recent[3]);
    assert.equal(cleared(), 1);
  });

  test('with nothing recent it says so, and still offers Clear Recent for the system’s list', () => {
    const { cleared, top, click } = menu([]);
    const recent = top('File').find((item) => item.label === 'Open Recent')?.submenu as MenuItemConstructorOptions[];
    assert.deepEqual(recent.map((item) => [item.label ?? item.type, item.enabled]), [['No Recent Documents', false], ['separator', undefined], ['Clear Recent', undefined]]);
    click(recent[2]);
    assert.equal(cleared(), 1);
  });
});

describe('View › Library', () => {
  for (const platform of ['darwin', 'linux'] as const) {
    test(`shows the library, on ${platform} with the keymap's Mod+Shift+L`, () => {
      const { sent, top, click } = menu([], platform);
      const item = top('View').find((entry) => entry.label === 'Library');
      assert.equal(item?.accelerator, 'CmdOrCtrl+Shift+L');
      click(item);
      assert.deepEqual(sent, [{ type: 'show-library' }]);
    });
  }
});

describe('the operating system’s recent documents', () => {
  const opened = { id: 'd1', path: '/docs/1.md', isSample: false };

  test('get every file opened, found at a new place or located, and nothing else', () => {
    for (const method of ['openDocument', 'openLibraryDocument', 'locateDocument', 'resolveSimilar', 'openAnnotationLink'] as const) assert.equal(recentDocumentPath(method, opened), '/docs/1.md', method);
    assert.equal(recentDocumentPath('importDocument', opened), null, 'an upload is no file of the reader’s');
    assert.equal(recentDocumentPath('listLibrary', [opened]), null);
    assert.equal(recentDocumentPath('openDocument', { ...opened, isSample: true }), null);
    assert.equal(recentDocumentPath('openDocument', null), null);
  });

  test('an empty file is not kept there, as it is not kept in Gloss’s Recent', () => {
    assert.equal(recentDocumentPath('openDocument', { ...opened, isEmpty: true }), null);
    assert.equal(recentDocumentPath('openDocument', { ...opened, isEmpty: false }), '/docs/1.md');
  });

  test('a file Gloss still asks about waits for the answer', () => {
    assert.equal(recentDocumentPath('openDocument', { ...opened, similarTo: { documentId: 'd0' } }), null);
  });

  test('the menu is rebuilt after every call that changes what Open Recent lists', () => {
    for (const method of ['openDocument', 'openLibraryDocument', 'locateDocument', 'resolveSimilar', 'removeDocument', 'restoreDocument', 'closeDocument', 'openAnnotationLink'] as const) assert.ok(MENU_CHANGING_METHODS.has(method), method);
    assert.ok(!MENU_CHANGING_METHODS.has('watchDocument'));
  });
});
