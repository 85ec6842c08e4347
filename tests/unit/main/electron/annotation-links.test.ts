/**
 * Links back into Gloss on the desktop, piece by piece with fakes of Electron's objects: the
 * link on a first and a second launch's command line, macOS's open-url, registering the scheme
 * (only when packaged), a link clicked in the window (caught in will-navigate, never served),
 * the menu's Export… and Import Annotations…, and the system dialogs the service asks for.
 */
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, test } from 'node:test';
import type { App, BrowserWindow, Dialog, MenuItemConstructorOptions } from 'electron';
import type { ShellCommand } from '../../../../main/api';
import { annotationCommand, annotationLinkFromSecondInstance, annotationLinkInArgv, listenForOpenUrl, registerLinkScheme } from '../../../../main/electron/annotation-links';
import { createShellDialogs } from '../../../../main/electron/dialogs';
import { buildMenuTemplate } from '../../../../main/electron/menu';
import { guardWebContents, type GuardedContents } from '../../../../main/electron/navigation-guard';
import { rendererFileForUrl } from '../../../../main/electron/urls';

const LINK = 'gloss://annotation/d802b92d1a2a96bd/7f1c2a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a';
const COMMAND = { type: 'open-annotation', documentId: 'd802b92d1a2a96bd', annotationId: '7f1c2a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a' } as const;

/** An event as Electron hands it to a listener: `preventDefault` is recorded. */
function fakeEvent(url?: string): { url?: string; prevented: boolean; preventDefault(): void } {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

describe('the link on a command line', () => {
  test('a first launch finds the link among Chromium\'s switches and the main script', () => {
    assert.equal(annotationLinkInArgv(['/opt/Gloss/gloss', '--no-sandbox', LINK]), LINK);
    assert.equal(annotationLinkInArgv(['electron', 'dist/main/electron.cjs', '--data-dir', '/tmp/x']), null);
    assert.equal(annotationLinkInArgv(['gloss', 'gloss://app/index.html', 'gloss://annotation/only-one']), null);
    assert.deepEqual(annotationCommand(LINK), COMMAND);
    assert.equal(annotationCommand('https://example.com/'), null);
  });

  test('a second launch hands its link over in its additional data, else in its argv, read defensively', () => {
    assert.equal(annotationLinkFromSecondInstance({ documentPath: null, annotationLink: LINK }, []), LINK);
    assert.equal(annotationLinkFromSecondInstance({ annotationLink: 42 }, ['gloss', LINK]), LINK);
    assert.equal(annotationLinkFromSecondInstance({ annotationLink: 'gloss://annotation/../x' }, []), null);
    assert.equal(annotationLinkFromSecondInstance(null, ['gloss', '--flag', LINK]), LINK);
    assert.equal(annotationLinkFromSecondInstance(undefined, ['gloss', 'notes.md']), null);
  });
});

describe('macOS open-url', () => {
  test('an annotation link is taken (its default prevented) and revealed; any other URL is left alone', () => {
    const app = new EventEmitter();
    const commands: ShellCommand[] = [];
    listenForOpenUrl(app as unknown as Pick<App, 'on'>, (command) => commands.push(command));
    const link = fakeEvent();
    app.emit('open-url', link, LINK);
    const other = fakeEvent();
    app.emit('open-url', other, 'https://example.com/');
    assert.deepEqual(commands, [COMMAND]);
    assert.equal(link.prevented, true);
    assert.equal(other.prevented, false);
  });
});

describe('registering the scheme with the OS', () => {
  function fakeApp(isPackaged: boolean, isDefault: boolean) {
    const calls: unknown[][] = [];
    const app = {
      isPackaged,
      isDefaultProtocolClient: (scheme: string) => {
        calls.push(['isDefault', scheme]);
        return isDefault;
      },
      setAsDefaultProtocolClient: (...args: unknown[]) => {
        calls.push(['set', ...args]);
        return true;
      },
    };
    return { app: app as unknown as Pick<App, 'isPackaged' | 'isDefaultProtocolClient' | 'setAsDefaultProtocolClient'>, calls };
  }

  test('a packaged Gloss makes itself the handler of gloss: links, once', () => {
    const packaged = fakeApp(true, false);
    assert.equal(registerLinkScheme(packaged.app), true);
    assert.deepEqual(packaged.calls, [['isDefault', 'gloss'], ['set', 'gloss']]);
    const already = fakeApp(true, true);
    registerLinkScheme(already.app);
    assert.deepEqual(already.calls, [['isDefault', 'gloss']]);
  });

  test('a development build never claims the scheme for the Electron binary', () => {
    const development = fakeApp(false, false);
    assert.equal(registerLinkScheme(development.app), false);
    assert.deepEqual(development.calls, []);
  });
});

describe('a link clicked inside the window', () => {
  class FakeContents extends EventEmitter {
    openHandler: ((details: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.openHandler = handler;
    }
  }

  function guarded() {
    const contents = new FakeContents();
    const revealed: string[] = [];
    const external: string[] = [];
    guardWebContents(contents as unknown as GuardedContents, { onAnnotationLink: (url) => revealed.push(url), openExternal: (url) => external.push(url) });
    return { contents, revealed, external };
  }

  test('an annotation link is caught in will-navigate: never navigated to, revealed instead', () => {
    const { contents, revealed, external } = guarded();
    const navigation = fakeEvent(LINK);
    contents.emit('will-navigate', navigation);
    assert.equal(navigation.prevented, true);
    assert.deepEqual(revealed, [LINK]);
    assert.deepEqual(external, []);
    // And the app's own protocol would not serve it anyway: gloss://annotation/ is no page of gloss://app/.
    assert.equal(rendererFileForUrl(LINK, '/renderer'), null);
  });

  test('the app\'s own pages navigate; web links go to the system; window.open is denied, an annotation link revealed', () => {
    const { contents, revealed, external } = guarded();
    const inApp = fakeEvent('gloss://app/index.html#reader');
    contents.emit('will-navigate', inApp);
    assert.equal(inApp.prevented, false);
    const web = fakeEvent('https://example.com/');
    contents.emit('will-navigate', web);
    assert.equal(web.prevented, true);
    assert.deepEqual(contents.openHandler?.({ url: LINK }), { action: 'deny' });
    assert.deepEqual(contents.openHandler?.({ url: 'gloss://app/index.html' }), { action: 'deny' });
    const redirect = fakeEvent(LINK);
    contents.emit('will-redirect', redirect);
    assert.equal(redirect.prevented, true);
    assert.deepEqual(revealed, [LINK]);
    assert.deepEqual(external, ['https://example.com/', 'gloss://app/index.html']);
  });
});

describe('the File menu', () => {
  function fileMenu(actions: { sent: ShellCommand[]; imports: number }): MenuItemConstructorOptions[] {
    const template = buildMenuTemplate(
      { recent: [], theme: 'light' },
      { send: (command) => actions.sent.push(command), chooseAndOpen: () => undefined, chooseAndImport: () => (actions.imports += 1), clearRecent: () => undefined },
      { platform: 'linux', isPackaged: true },
    );
    return template.find((item) => item.label === 'File')!.submenu as MenuItemConstructorOptions[];
  }

  test('Export… opens the Export dialog in the window; Import Annotations… asks the system dialog', () => {
    const actions = { sent: [] as ShellCommand[], imports: 0 };
    const items = fileMenu(actions);
    const click = (label: string) => (items.find((item) => item.label === label)!.click as () => void)();
    click('Export…');
    click('Import Annotations…');
    assert.deepEqual(actions.sent, [{ type: 'export' }]);
    assert.equal(actions.imports, 1);
  });
});

describe('the system dialogs the service asks for', () => {
  test('Save and folder dialogs attach to the window, and a cancelled one answers null', async () => {
    const asked: unknown[][] = [];
    const answers = [
      { canceled: false, filePath: '/home/r/notes.md' },
      { canceled: true, filePath: '' },
      { canceled: false, filePaths: ['/home/r/vault'] },
      { canceled: true, filePaths: [] },
    ];
    const dialog = {
      showSaveDialog: async (...args: unknown[]) => {
        asked.push(['save', ...args]);
        return answers.shift();
      },
      showOpenDialog: async (...args: unknown[]) => {
        asked.push(['open', ...args]);
        return answers.shift();
      },
    } as unknown as Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
    const window = { id: 1 } as unknown as BrowserWindow;
    const dialogs = createShellDialogs(dialog, () => window);
    assert.equal(await dialogs.saveFile({ title: 'Export annotations', defaultPath: 'A — Gloss.md', filters: [{ name: 'Markdown', extensions: ['md'] }] }), '/home/r/notes.md');
    assert.equal(await dialogs.saveFile({ title: 'Export annotations', defaultPath: 'A — Gloss.md', filters: [] }), null);
    assert.equal(await dialogs.chooseFolder({ title: 'Choose the notes folder' }), '/home/r/vault');
    assert.equal(await dialogs.chooseFolder({ title: 'Choose the notes folder', defaultPath: '/home/r' }), null);
    assert.equal(asked.length, 4);
    for (const call of asked) assert.equal(call[1], window, 'attached to the window');
    assert.deepEqual((asked[0]![2] as { properties: string[] }).properties, ['createDirectory', 'showOverwriteConfirmation']);
    assert.ok((asked[2]![2] as { properties: string[] }).properties.includes('openDirectory'));
  });
});
