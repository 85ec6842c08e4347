import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { ShellCommand } from '../../../../main/api';
import { CommandSender } from '../../../../main/electron/commands';
import { registerIpcHandlers } from '../../../../main/electron/ipc';
import { ApiError, connectToGloss } from '../../../../renderer/api';
import { FakeIpcMain, FakeWebContents, invokeEvent } from './fake-electron';
import { useRealService } from './real-service';
import { runPreload } from './run-preload';
import type { PreloadRun } from './run-preload';

/**
 * The desktop app's whole call path in one process: the renderer's client (renderer/api.ts)
 * finds what the real preload exposed, and its calls cross the preload, the IPC guard and dispatch
 * to the real service; the shell's commands come back the other way.
 */
describe('the renderer over the preload bridge', () => {
  const real = useRealService('gloss-bridge-');
  let window: FakeWebContents;
  let run: PreloadRun;
  const scope = globalThis as { window?: unknown };

  /** Loads the preload for a page of `window` and exposes its globals as the page's window. */
  async function loadPage(platform = 'linux'): Promise<void> {
    run = await runPreload({ platform, pathForFile: () => '' });
    run.ipcRenderer.connectTo(ipc, () => invokeEvent(window));
    scope.window = Object.fromEntries(run.exposed);
  }

  let ipc: FakeIpcMain;
  beforeEach(async () => {
    ipc = new FakeIpcMain();
    window = new FakeWebContents();
    registerIpcHandlers(ipc, { api: real.service(), isOwnWebContents: (contents) => contents.id === window.id });
    await loadPage();
  });

  afterEach(() => {
    delete scope.window;
  });

  test('the renderer finds the preload’s global and runs in desktop mode', async () => {
    assert.equal(connectToGloss().mode, 'desktop');
    assert.equal(connectToGloss().isMac, false);
    await loadPage('darwin');
    assert.equal(connectToGloss().isMac, true);
  });

  test('calls return the service’s values', async () => {
    const { api } = connectToGloss();
    assert.deepEqual(await api.getSettings({}), await real.service().getSettings({}));
    const file = join(real.dataDir(), 'essay.md');
    await writeFile(file, '# An essay\n\nOn reading slowly.\n');
    const opened = await api.openDocument({ path: file });
    assert.equal(opened.title, 'An essay');
    assert.equal(opened.path, file);
  });

  test('the main side’s error codes reach the renderer as ApiErrors', async () => {
    const { api } = connectToGloss();
    await assert.rejects(api.openDocument({ path: join(real.dataDir(), 'missing.md') }), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.code, 'not-found');
      return true;
    });
    await assert.rejects(api.updateSettings({ fontSize: 500 }), (error: unknown) => error instanceof ApiError && error.code === 'invalid-request');
  });

  test('a page that is not the app’s gets invalid-request for every call', async () => {
    window.navigate('https://evil.example/');
    const { api } = connectToGloss();
    await assert.rejects(api.getSettings({}), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.code, 'invalid-request');
      assert.equal(error.message, 'This request did not come from a Gloss window.');
      return true;
    });
  });

  test('the shell’s commands reach the renderer’s subscriber', async () => {
    window.attach(run.ipcRenderer);
    const commands = new CommandSender(window.asWebContents());
    const received: ShellCommand[] = [];
    connectToGloss().onCommand((command) => received.push(command));
    commands.send({ type: 'close-document' });
    window.emit('did-stop-loading');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(received, [{ type: 'close-document' }]);
  });

  test('a dropped file without a path on disk gives null, not an empty path', () => {
    assert.equal(connectToGloss().pathForFile({} as File), null);
  });
});
