/**
 * The startup request the inline script sends, and the client's first getStartup taking its
 * answer: once, for getStartup alone, with the desktop bridge or the browser mode's transport.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ApiMethod, ApiResult } from '../../../main/api';
import { earlyAnswerOr, sendEarlyStartup } from '../../../renderer/early-startup';

const globals = globalThis as unknown as Record<string, unknown>;
const SAVED = ['window', 'location', 'sessionStorage'] as const;

describe('the early startup request', () => {
  let saved: Record<string, unknown>;
  let bridgeCalls: [ApiMethod, unknown][];

  beforeEach(() => {
    saved = Object.fromEntries(SAVED.map((name) => [name, globals[name]]));
    bridgeCalls = [];
    const invoke = (method: ApiMethod) => async (request: unknown): Promise<ApiResult<unknown>> => {
      bridgeCalls.push([method, request]);
      return { ok: true, value: `${method} #${bridgeCalls.length}` };
    };
    globals.window = { gloss: { getStartup: invoke('getStartup'), listRecent: invoke('listRecent') } };
  });

  afterEach(() => {
    for (const name of SAVED) globals[name] = saved[name];
  });

  const sendNow = (method: ApiMethod, request: unknown) => () => (globals.window as { gloss: Record<string, (r: unknown) => Promise<ApiResult<unknown>>> }).gloss[method]!(request);

  it('is sent at once, and answers the first getStartup without a second request', async () => {
    sendEarlyStartup();
    assert.deepEqual(bridgeCalls, [['getStartup', {}]]);
    assert.deepEqual(await earlyAnswerOr('getStartup', {}, sendNow('getStartup', {})), { ok: true, value: 'getStartup #1' });
    assert.equal(bridgeCalls.length, 1);
  });

  it('answers getStartup once: a later one is sent afresh', async () => {
    sendEarlyStartup();
    await earlyAnswerOr('getStartup', {}, sendNow('getStartup', {}));
    assert.deepEqual(await earlyAnswerOr('getStartup', {}, sendNow('getStartup', {})), { ok: true, value: 'getStartup #2' });
  });

  it('answers no other call, nor a getStartup asking for something else', async () => {
    sendEarlyStartup();
    assert.deepEqual(await earlyAnswerOr('listRecent', {}, sendNow('listRecent', {})), { ok: true, value: 'listRecent #2' });
    assert.deepEqual(await earlyAnswerOr('getStartup', { other: 1 }, sendNow('getStartup', { other: 1 })), { ok: true, value: 'getStartup #3' });
    // The early answer is still there for the page's own first getStartup.
    assert.deepEqual(await earlyAnswerOr('getStartup', {}, sendNow('getStartup', {})), { ok: true, value: 'getStartup #1' });
  });

  it('sends getStartup itself when no startup script ran', async () => {
    assert.deepEqual(await earlyAnswerOr('getStartup', {}, sendNow('getStartup', {})), { ok: true, value: 'getStartup #1' });
  });

  it('in the browser mode, a tab with no token gets the no-session answer, not a request', async () => {
    globals.window = {};
    globals.location = { hash: '', search: '' };
    globals.sessionStorage = { getItem: () => null };
    sendEarlyStartup();
    const answer = await earlyAnswerOr('getStartup', {}, async () => assert.fail('sent a second request'));
    assert.equal(answer.ok, false);
    assert.equal(!answer.ok && answer.error.code, 'invalid-request');
  });
});
