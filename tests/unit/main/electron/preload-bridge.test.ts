import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { API_METHODS } from '../../../../main/api';
import type { ApiResult, Settings } from '../../../../main/api';
import { BRIDGE_GLOBAL } from '../../../../main/electron/preload-bridge';
import type { GlossPreloadBridge } from '../../../../main/electron/preload-bridge';
import { ApiError, connectToGloss } from '../../../../renderer/api';

/** A bridge shaped like the preload's, answering every method with `answer` and recording the calls. */
function bridgeAnswering(answer: ApiResult<unknown>, calls: [string, unknown][]): GlossPreloadBridge {
  const invokers = Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (request: unknown) => {
        calls.push([method, request]);
        return answer;
      },
    ]),
  );
  return { ...invokers, onCommand: () => () => undefined, pathForFile: () => '', platform: 'darwin' } as unknown as GlossPreloadBridge;
}

/** Runs `body` with `bridge` exposed the way contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, …) exposes it. */
async function withExposedBridge(bridge: GlossPreloadBridge, body: () => Promise<void>): Promise<void> {
  const scope = globalThis as { window?: unknown };
  const before = scope.window;
  scope.window = { [BRIDGE_GLOBAL]: bridge };
  try {
    await body();
  } finally {
    if (before === undefined) delete scope.window;
    else scope.window = before;
  }
}

describe('BRIDGE_GLOBAL', () => {
  test('is the global the renderer looks for, so the desktop app talks to the preload', async () => {
    assert.equal(BRIDGE_GLOBAL, 'gloss');
    const calls: [string, unknown][] = [];
    const settings = { theme: 'dark' } as unknown as Settings;
    await withExposedBridge(bridgeAnswering({ ok: true, value: settings }, calls), async () => {
      const client = connectToGloss();
      assert.equal(client.mode, 'desktop');
      assert.equal(client.isMac, true);
      assert.equal(await client.api.getSettings({}), settings);
      assert.deepEqual(calls, [['getSettings', {}]]);
    });
  });

  test('carries the main side’s error code through the bridge to the renderer', async () => {
    const calls: [string, unknown][] = [];
    const refused: ApiResult<never> = { ok: false, error: { code: 'invalid-request', message: 'This request did not come from a Gloss window.' } };
    await withExposedBridge(bridgeAnswering(refused, calls), async () => {
      const client = connectToGloss();
      await assert.rejects(client.api.openExternal({ url: 'https://example.com/' }), (error: unknown) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.code, 'invalid-request');
        return true;
      });
      assert.deepEqual(calls, [['openExternal', { url: 'https://example.com/' }]]);
    });
  });
});
