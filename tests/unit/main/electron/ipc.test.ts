import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, test } from 'node:test';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { API_METHODS } from '../../../../main/api';
import type { ApiMethod, ApiResult, GlossApi } from '../../../../main/api';
import { isTrustedSender, registerIpcHandlers } from '../../../../main/electron/ipc';
import { APP_ENTRY_URL } from '../../../../main/electron/urls';
import type { GlossService } from '../../../../main/service-types';
import { FakeIpcMain, FakeWebContents, fakeFrame, invokeEvent } from './fake-electron';
import { useRealService } from './real-service';

const EVIL = 'https://evil.example/index.html';

/** One way a message can reach the main process: the window Gloss owns, and the invoke's event. */
interface Scenario {
  own: FakeWebContents;
  event: IpcMainInvokeEvent;
}

function fromOwnWindow(url: string = APP_ENTRY_URL): Scenario {
  const own = new FakeWebContents(url);
  return { own, event: invokeEvent(own) };
}

/** Senders the guard must refuse, each otherwise as close to a real Gloss window as it can be. */
const UNTRUSTED: Record<string, () => Scenario> = {
  'a sub-frame of the window, even one showing the app': () => {
    const own = new FakeWebContents();
    return { own, event: invokeEvent(own, own.subFrame(APP_ENTRY_URL)) };
  },
  'a sub-frame showing another site': () => {
    const own = new FakeWebContents();
    return { own, event: invokeEvent(own, own.subFrame(EVIL)) };
  },
  'a frame that has navigated away since it sent (Electron reports no frame)': () => {
    const own = new FakeWebContents();
    return { own, event: invokeEvent(own, null) };
  },
  'the detached frame of the document the window showed before a reload': () => {
    const own = new FakeWebContents();
    const previous = own.navigate(APP_ENTRY_URL);
    return { own, event: invokeEvent(own, previous) };
  },
  'the main frame while it is being unloaded (detached, not yet replaced)': () => {
    const scenario = fromOwnWindow();
    scenario.own.mainFrame.detached = true;
    return scenario;
  },
  'a top-level frame whose token is not the main frame’s': () => {
    const own = new FakeWebContents();
    return { own, event: invokeEvent(own, fakeFrame(APP_ENTRY_URL)) };
  },
  'the main frame after it navigated to another site': () => {
    const own = new FakeWebContents();
    own.navigate(EVIL);
    return { own, event: invokeEvent(own) };
  },
  'a frame that throws when read (torn down mid-call)': () => {
    const own = new FakeWebContents();
    return {
      own,
      event: invokeEvent(own, () => {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      }),
    };
  },
  'a destroyed window': () => {
    const scenario = fromOwnWindow();
    scenario.own.destroyed = true;
    return scenario;
  },
  'another window’s webContents showing the app': () => {
    const own = new FakeWebContents();
    const other = new FakeWebContents();
    return { own, event: invokeEvent(other) };
  },
  'the window showing a web page': () => fromOwnWindow(EVIL),
  'the window showing a file': () => fromOwnWindow('file:///home/reader/index.html'),
  'the window showing http://app/': () => fromOwnWindow('http://app/index.html'),
  'the window showing gloss://app@evil/': () => fromOwnWindow('gloss://app@evil/index.html'),
  'the window showing gloss://application/': () => fromOwnWindow('gloss://application/index.html'),
  'the window showing gloss://app.evil/': () => fromOwnWindow('gloss://app.evil/index.html'),
  'the window showing a document image': () => fromOwnWindow('gloss-asset://0123456789abcdef/image.png'),
  'the window showing about:blank': () => fromOwnWindow('about:blank'),
  'the window showing a data: URL': () => fromOwnWindow('data:text/html,<p>hi</p>'),
  'the window showing the dev tools': () => fromOwnWindow('devtools://devtools/bundled/inspector.html'),
};

/** Senders the guard must accept. */
const TRUSTED: Record<string, () => Scenario> = {
  'the main frame of the window showing the app': () => fromOwnWindow(),
  'the main frame after an in-page jump (#fragment), which keeps its frame': () => {
    const scenario = fromOwnWindow();
    scenario.own.mainFrame.url = `${APP_ENTRY_URL}#reader`;
    return scenario;
  },
  'the new main frame after a reload of the app': () => {
    const own = new FakeWebContents();
    own.navigate(APP_ENTRY_URL);
    return { own, event: invokeEvent(own) };
  },
};

/** The window check main.ts uses: the sender is our window's webContents. */
function ownedBy(own: FakeWebContents): (contents: WebContents) => boolean {
  return (contents) => contents.id === own.id;
}

describe('isTrustedSender', () => {
  for (const [name, scenario] of Object.entries(TRUSTED)) {
    test(`accepts ${name}`, () => {
      const { own, event } = scenario();
      assert.equal(isTrustedSender(event, ownedBy(own)), true);
    });
  }

  for (const [name, scenario] of Object.entries(UNTRUSTED)) {
    test(`refuses ${name}`, () => {
      const { own, event } = scenario();
      assert.equal(isTrustedSender(event, ownedBy(own)), false);
    });
  }
});

/** The real service in a temporary data folder, with a record of the methods called on it. */
function recording(service: GlossService): { api: GlossApi; calls: string[] } {
  const calls: string[] = [];
  const api = new Proxy(service, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        calls.push(property);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { api, calls };
}

describe('registerIpcHandlers, over the real dispatch and service', () => {
  const real = useRealService('gloss-ipc-');
  let service: GlossService;
  let dataDir: string;
  let api: GlossApi;
  let calls: string[];
  let successes: { method: ApiMethod; value: unknown; sender: WebContents }[];
  let ipc: FakeIpcMain;
  let unregister: () => void;
  let window: FakeWebContents;

  beforeEach(() => {
    service = real.service();
    dataDir = real.dataDir();
    ({ api, calls } = recording(service));
    successes = [];
    ipc = new FakeIpcMain();
    window = new FakeWebContents();
    unregister = registerIpcHandlers(ipc, {
      api,
      isOwnWebContents: (contents) => contents.id === window.id,
      onSuccess: (method, value, sender) => successes.push({ method, value, sender }),
    });
  });

  /** An invoke from the window's main frame, as the preload sends it. */
  function call(channel: string, payload?: unknown): Promise<ApiResult<unknown>> {
    return ipc.invoke(invokeEvent(window), channel, payload) as Promise<ApiResult<unknown>>;
  }

  test('registers one handler per API method, on gloss:<method>, and removes them all again', () => {
    assert.deepEqual(ipc.channels(), API_METHODS.map((method) => `gloss:${method}`).sort());
    unregister();
    assert.deepEqual(ipc.channels(), []);
    // Removed for real: the same registry takes a new set (Electron refuses a second handler).
    registerIpcHandlers(ipc, { api, isOwnWebContents: () => true });
    assert.equal(ipc.channels().length, API_METHODS.length);
  });

  test('a call from the window reaches the service through dispatch and returns its value', async () => {
    const settings = await call('gloss:getSettings', {});
    assert.deepEqual(settings, { ok: true, value: await service.getSettings({}) });

    const file = join(dataDir, 'notes.md');
    await writeFile(file, '# Field notes\n\nA first paragraph.\n');
    const opened = await call('gloss:openDocument', { path: file });
    assert.equal(opened.ok, true);
    assert.equal(opened.ok && (opened.value as { title: string }).title, 'Field notes');
    assert.deepEqual(calls, ['getSettings', 'openDocument']);
    assert.deepEqual(
      successes.map(({ method, sender }) => [method, sender.id]),
      [
        ['getSettings', window.id],
        ['openDocument', window.id],
      ],
    );
    assert.equal(successes[1]?.value && (successes[1].value as { path: string }).path, file);
  });

  test('channels that are not API methods are not answered, so the service’s other methods stay out of reach', async () => {
    // readAsset, saveWindowState and close are on the service but not in GlossApi.
    for (const channel of ['gloss:readAsset', 'gloss:saveWindowState', 'gloss:close', 'gloss:command', 'gloss:toString', 'gloss:__proto__', 'getSettings', 'gloss:getsettings']) {
      await assert.rejects(call(channel, {}), /No handler registered/, channel);
    }
    assert.deepEqual(calls, []);
  });

  test('a payload that fails its schema is refused with invalid-request before the service sees it', async () => {
    for (const [channel, payload] of [
      ['gloss:openDocument', { path: 42 }],
      ['gloss:openDocument', { path: '' }],
      ['gloss:openDocument', { path: '/tmp/a.md', extra: true }],
      ['gloss:openDocument', 'a string, not a request'],
      ['gloss:updateSettings', { theme: 'neon' }],
      ['gloss:deleteAnnotation', { documentId: '../../etc', id: 'x' }],
      ['gloss:openExternal', {}],
    ] as const) {
      const result = await call(channel, payload);
      assert.equal(result.ok, false, `${channel} ${JSON.stringify(payload)}`);
      assert.equal(!result.ok && result.error.code, 'invalid-request');
      assert.match(!result.ok ? result.error.message : '', new RegExp(`request for ${channel.slice('gloss:'.length)} is not valid`));
    }
    assert.deepEqual(calls, []);
    assert.deepEqual(successes, []);
  });

  test('a payload carrying __proto__ (as JSON.parse makes it) is refused, even nested', async () => {
    for (const payload of [JSON.parse('{"path":"/tmp/a.md","__proto__":{"polluted":true}}'), JSON.parse('{"theme":"dark","x":{"constructor":{"prototype":{}}}}')]) {
      const result = await call(payload.path ? 'gloss:openDocument' : 'gloss:updateSettings', payload);
      assert.equal(!result.ok && result.error.code, 'invalid-request');
      assert.match(!result.ok ? result.error.message : '', /forbidden key/);
    }
    assert.deepEqual(calls, []);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('a call without a payload is treated as an empty request', async () => {
    assert.equal((await call('gloss:listRecent')).ok, true);
    assert.deepEqual(calls, ['listRecent']);
  });

  for (const [name, scenario] of Object.entries(UNTRUSTED)) {
    test(`refuses ${name}, without calling the service`, async () => {
      const { own, event } = scenario();
      window = own;
      for (const channel of ['gloss:getSettings', 'gloss:openDocument', 'gloss:openExternal']) {
        const result = await ipc.invoke(event, channel, channel === 'gloss:getSettings' ? {} : { path: '/etc/passwd', url: 'https://example.com/' });
        assert.deepEqual(result, { ok: false, error: { code: 'invalid-request', message: 'This request did not come from a Gloss window.' } });
      }
      assert.deepEqual(calls, []);
      assert.deepEqual(successes, []);
    });
  }

  test('a failing call answers with the service’s error code, and the after-call hook does not run', async () => {
    const result = await call('gloss:openDocument', { path: join(dataDir, 'missing.md') });
    assert.equal(!result.ok && result.error.code, 'not-found');
    assert.deepEqual(calls, ['openDocument']);
    assert.deepEqual(successes, []);
  });

  test('a throwing after-call hook does not change the answer', async () => {
    const quiet = new FakeIpcMain();
    registerIpcHandlers(quiet, {
      api,
      isOwnWebContents: () => true,
      onSuccess: () => {
        throw new Error('menu rebuild failed');
      },
    });
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const result = await quiet.invoke(invokeEvent(window), 'gloss:listRecent', {});
      assert.deepEqual(result, { ok: true, value: await service.listRecent({}) });
    } finally {
      console.error = original;
    }
    assert.equal(logged.length, 1);
  });
});
