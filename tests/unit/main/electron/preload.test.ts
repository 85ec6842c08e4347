import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, test } from 'node:test';
import { API_METHODS } from '../../../../main/api';
import type { ApiResult, ShellCommand } from '../../../../main/api';
import { CommandSender } from '../../../../main/electron/commands';
import { registerIpcHandlers } from '../../../../main/electron/ipc';
import { FakeIpcMain, FakeWebContents, invokeEvent } from './fake-electron';
import { useRealService } from './real-service';
import { runPreload } from './run-preload';
import type { PreloadRun } from './run-preload';

/** What the page sees as `window.gloss`, member by member. */
type Exposed = Record<string, unknown>;
type Invoker = (request: unknown) => Promise<ApiResult<unknown>>;
type OnCommand = (callback: (...args: unknown[]) => void) => () => void;

const BRIDGE_MEMBERS = [...API_METHODS, 'onCommand', 'pathForFile', 'platform'].sort();

/** The one global the preload exposed. */
function bridgeOf(run: PreloadRun): Exposed {
  assert.equal(run.exposed.size, 1, `exposed: ${[...run.exposed.keys()].join(', ')}`);
  const [value] = run.exposed.values();
  assert.ok(value !== null && typeof value === 'object');
  return value as Exposed;
}

function invoker(bridge: Exposed, method: string): Invoker {
  const member = bridge[method];
  assert.equal(typeof member, 'function', method);
  return member as Invoker;
}

/** Lets queued microtasks (the preload's deferred delivery) run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const OPEN: ShellCommand = { type: 'open-path', path: '/home/reader/notes.md' };
const TOGGLE: ShellCommand = { type: 'toggle-sidebar' };
const DARK: ShellCommand = { type: 'set-theme', theme: 'dark' };

describe('the preload’s surface', () => {
  test('requires nothing but electron, and exposes one global', async () => {
    const run = await runPreload();
    assert.deepEqual(run.required, ['electron']);
    bridgeOf(run);
  });

  test('exposes a function per API method, onCommand, pathForFile and the platform: no object, so no ipcRenderer', async () => {
    const bridge = bridgeOf(await runPreload({ platform: 'darwin' }));
    assert.deepEqual(Object.keys(bridge).sort(), BRIDGE_MEMBERS);
    for (const [name, member] of Object.entries(bridge)) {
      assert.equal(typeof member, name === 'platform' ? 'string' : 'function', name);
    }
    assert.equal(bridge.platform, 'darwin');
  });

  test('each API function invokes exactly one channel, gloss:<its name>, with the request alone', async () => {
    const run = await runPreload();
    run.ipcRenderer.answer = async () => ({ ok: true, value: null });
    const bridge = bridgeOf(run);
    for (const method of API_METHODS) {
      const before = run.ipcRenderer.invocations.length;
      await invoker(bridge, method)({ probe: method });
      assert.deepEqual(run.ipcRenderer.invocations.slice(before), [{ channel: `gloss:${method}`, args: [{ probe: method }] }], method);
    }
    assert.equal(run.ipcRenderer.invocations.length, API_METHODS.length);
  });

  test('hands back what the main side answers, unchanged', async () => {
    const run = await runPreload();
    const answer = { ok: true, value: { title: 'Field notes', tags: ['a', 'b'] } };
    run.ipcRenderer.answer = async () => answer;
    assert.deepEqual(await invoker(bridgeOf(run), 'openDocument')({ path: '/x.md' }), answer);
  });

  test('pathForFile asks webUtils; the page never sees a path it did not drop', async () => {
    const dropped: unknown[] = [];
    const run = await runPreload({
      pathForFile: (file) => {
        dropped.push(file);
        return '/home/reader/dropped.md';
      },
    });
    const pathForFile = bridgeOf(run).pathForFile as (file: unknown) => string;
    assert.equal(pathForFile({ name: 'dropped.md' }), '/home/reader/dropped.md');
    assert.deepEqual(dropped, [{ name: 'dropped.md' }]);
  });
});

describe('the preload’s invokers never reject', () => {
  const failures: Record<string, (run: PreloadRun) => Promise<unknown>> = {
    'an invoke that rejects (e.g. a request that cannot be cloned)': (run) => Promise.reject(run.preloadError('An object could not be cloned.')),
    'an invoke that throws at once': (run) => {
      throw run.preloadError('An object could not be cloned.');
    },
  };
  for (const [name, fail] of Object.entries(failures)) {
    test(`turns ${name} into an ApiResult with the reason`, async () => {
      const run = await runPreload();
      run.ipcRenderer.answer = () => fail(run);
      assert.deepEqual(await invoker(bridgeOf(run), 'getSettings')({}), {
        ok: false,
        error: { code: 'internal', message: 'Gloss could not reach its main process: An object could not be cloned.' },
      });
    });
  }

  test('turns a rejection that is not an Error into an ApiResult too', async () => {
    const run = await runPreload();
    run.ipcRenderer.answer = () => Promise.reject('main process gone');
    assert.deepEqual(await invoker(bridgeOf(run), 'listRecent')({}), {
      ok: false,
      error: { code: 'internal', message: 'Gloss could not reach its main process: main process gone' },
    });
  });

  test('when nothing handles the channel, the reader gets a message instead of a rejection', async () => {
    const run = await runPreload();
    const result = await invoker(bridgeOf(run), 'getStartup')({});
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error.message : '', /No handler registered for 'gloss:getStartup'/);
  });
});

describe('the preload against the real main side (registerIpcHandlers, dispatch, the service)', () => {
  const real = useRealService('gloss-preload-');
  let run: PreloadRun;
  let bridge: Exposed;

  beforeEach(async () => {
    const ipc = new FakeIpcMain();
    const window = new FakeWebContents();
    registerIpcHandlers(ipc, { api: real.service(), isOwnWebContents: (contents) => contents.id === window.id });
    run = await runPreload();
    run.ipcRenderer.connectTo(ipc, () => invokeEvent(window));
    bridge = bridgeOf(run);
  });

  test('every API function reaches the main side’s handler for its own method', async () => {
    // A request with a key no schema has: dispatch refuses it and names the method it ran for.
    for (const method of API_METHODS) {
      const result = await invoker(bridge, method)({ notAField: true });
      assert.equal(result.ok, false, method);
      assert.equal(!result.ok && result.error.code, 'invalid-request', method);
      assert.match(!result.ok ? result.error.message : '', new RegExp(`^The request for ${method} is not valid`), method);
    }
  });

  test('a real call comes back with the service’s answer', async () => {
    const file = join(real.dataDir(), 'field-notes.md');
    await writeFile(file, '# Field notes\n\nSeen at dawn.\n');
    const opened = await invoker(bridge, 'openDocument')({ path: file });
    assert.equal(opened.ok && (opened.value as { title: string }).title, 'Field notes');
    const recent = await invoker(bridge, 'listRecent')({});
    assert.deepEqual(recent.ok && (recent.value as { path: string }[]).map((doc) => doc.path), [file]);
  });
});

describe('onCommand', () => {
  let run: PreloadRun;
  let onCommand: OnCommand;
  let window: FakeWebContents;
  let commands: CommandSender;

  beforeEach(async () => {
    run = await runPreload();
    onCommand = bridgeOf(run).onCommand as OnCommand;
    // The main side's real CommandSender, sending through a webContents whose page runs the preload.
    window = new FakeWebContents();
    window.attach(run.ipcRenderer);
    commands = new CommandSender(window.asWebContents());
    window.emit('did-stop-loading');
  });

  test('keeps commands sent before anyone subscribed and gives them to the first subscriber, in order, after it returns', async () => {
    commands.send(OPEN);
    commands.send(TOGGLE);
    const first: unknown[] = [];
    const second: unknown[] = [];
    onCommand((command) => first.push(command));
    assert.deepEqual(first, [], 'delivered only after onCommand returned');
    onCommand((command) => second.push(command));
    await settle();
    assert.deepEqual(first, [OPEN, TOGGLE]);
    assert.deepEqual(second, []);
    commands.send(DARK);
    assert.deepEqual(first, [OPEN, TOGGLE, DARK]);
    assert.deepEqual(second, [DARK]);
  });

  test('hands the callback the command alone, never the IPC event', async () => {
    const calls: unknown[][] = [];
    onCommand((...args) => calls.push(args));
    commands.send(TOGGLE);
    assert.deepEqual(calls, [[TOGGLE]]);
  });

  test('unsubscribes, and keeps commands again once nobody listens', async () => {
    const first: unknown[] = [];
    const unsubscribe = onCommand((command) => first.push(command));
    commands.send(OPEN);
    unsubscribe();
    commands.send(TOGGLE);
    assert.deepEqual(first, [OPEN]);
    const next: unknown[] = [];
    onCommand((command) => next.push(command));
    await settle();
    assert.deepEqual(next, [TOGGLE]);
  });

  test('keeps at most the first 100 commands while nobody listens', async () => {
    for (let i = 0; i < 150; i++) commands.send({ type: 'font-size', delta: i % 2 === 0 ? 1 : -1 });
    const received: unknown[] = [];
    onCommand((command) => received.push(command));
    await settle();
    assert.equal(received.length, 100);
    assert.deepEqual(received[99], { type: 'font-size', delta: -1 });
  });

  test('a subscriber that throws does not keep the command from the others', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    const received: unknown[] = [];
    try {
      onCommand(() => {
        throw new Error('renderer bug');
      });
      onCommand((command) => received.push(command));
      commands.send(OPEN);
    } finally {
      console.error = original;
    }
    assert.deepEqual(received, [OPEN]);
    assert.equal(logged.length, 1);
  });

  test('refuses a callback that is not a function', () => {
    assert.throws(() => onCommand('not a function' as never), { name: 'TypeError', message: 'gloss.onCommand needs a function' });
  });
});
