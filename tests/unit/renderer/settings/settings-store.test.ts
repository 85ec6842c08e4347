import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../../../main/api';
import { SettingsStore } from '../../../../renderer/settings/settings-store';

/**
 * The main side's updateSettings as the store meets it: each call waits until the test answers it,
 * then validates the patch with the real schema (refusing what the main side refuses) and stores it.
 */
function fakeApi(initial: Settings = DEFAULT_SETTINGS) {
  let stored = initial;
  const calls: Array<{ patch: Partial<Settings>; answer(): Promise<void>; refuse(message?: string): Promise<void> }> = [];
  const api = {
    updateSettings(patch: Partial<Settings>): Promise<Settings> {
      return new Promise<Settings>((resolve, reject) => {
        calls.push({
          patch,
          answer: async () => {
            const parsed = SettingsSchema.partial().safeParse(patch);
            if (parsed.success) {
              stored = { ...stored, ...parsed.data };
              resolve(stored);
            } else reject(new Error('invalid settings'));
            await settle();
          },
          refuse: async (message = 'the disk is full') => {
            reject(new Error(message));
            await settle();
          },
        });
      });
    },
  };
  return { api, calls, stored: () => stored };
}

/** Lets the store's promise callbacks run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** A store loaded with the defaults, and every notification its subscriber got. */
function loadedStore() {
  const server = fakeApi();
  const store = new SettingsStore(server.api);
  const heard: Array<{ settings: Settings; changed: string[] }> = [];
  store.load(DEFAULT_SETTINGS);
  store.subscribe((settings, changed) => heard.push({ settings, changed: [...changed].sort() }));
  heard.length = 0;
  return { store, server, heard };
}

describe('SettingsStore', () => {
  it('tells a new subscriber the current settings at once, every key as changed', () => {
    const store = new SettingsStore(fakeApi().api);
    const heard: string[][] = [];
    store.subscribe((_settings, changed) => heard.push([...changed]));
    assert.equal(heard.length, 0, 'nothing before the settings are loaded');
    store.load(DEFAULT_SETTINGS);
    assert.equal(heard.length, 1);
    store.subscribe((_settings, changed) => heard.push([...changed]));
    assert.deepEqual(heard[1]?.sort(), Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('shows a change at once, before the main side answers, and keeps it once stored', async () => {
    const { store, server, heard } = loadedStore();
    const done = store.change({ theme: 'sepia' });
    assert.equal(store.current?.theme, 'sepia');
    assert.deepEqual(heard.map((h) => h.changed), [['theme']]);
    assert.equal(server.stored().theme, 'system', 'not stored yet');
    await server.calls[0]!.answer();
    assert.equal((await done).theme, 'sepia');
    assert.equal(store.current?.theme, 'sepia');
    assert.equal(heard.length, 1, 'the answer changed nothing that was shown');
  });

  it('rolls a refused change back, tells the subscribers, and rejects with the main side’s error', async () => {
    const { store, server, heard } = loadedStore();
    const done = store.change({ fontSize: 24 });
    assert.equal(store.current?.fontSize, 24);
    await server.calls[0]!.refuse('the disk is full');
    await assert.rejects(done, /the disk is full/);
    assert.equal(store.current?.fontSize, DEFAULT_SETTINGS.fontSize);
    assert.deepEqual(heard.map((h) => [h.changed, h.settings.fontSize]), [[['fontSize'], 24], [['fontSize'], DEFAULT_SETTINGS.fontSize]]);
  });

  it('rolls back what the real schema refuses (a text size out of range)', async () => {
    const { store, server } = loadedStore();
    const done = store.change({ fontSize: 999 });
    await server.calls[0]!.answer();
    await assert.rejects(done, /invalid settings/);
    assert.equal(store.current?.fontSize, DEFAULT_SETTINGS.fontSize);
  });

  it('stores one change at a time; changes made meanwhile go together in the next request', async () => {
    const { store, server } = loadedStore();
    const first = store.change({ fontSize: 20 });
    const second = store.change({ fontSize: 21 });
    const third = store.change({ lineWidth: 80 });
    assert.equal(server.calls.length, 1, 'one request in flight');
    assert.deepEqual(server.calls[0]!.patch, { fontSize: 20 });
    assert.deepEqual([store.current?.fontSize, store.current?.lineWidth], [21, 80]);
    await server.calls[0]!.answer();
    // The first answer (fontSize 20) does not undo the newer 21 on screen.
    assert.deepEqual([store.current?.fontSize, store.current?.lineWidth], [21, 80]);
    assert.deepEqual(server.calls[1]!.patch, { fontSize: 21, lineWidth: 80 });
    await server.calls[1]!.answer();
    assert.equal((await first).fontSize, 20);
    assert.deepEqual([(await second).fontSize, (await third).lineWidth], [21, 80]);
    assert.deepEqual([server.stored().fontSize, server.stored().lineWidth], [21, 80]);
  });

  it('after a refusal, shows and stores the changes made meanwhile', async () => {
    const { store, server } = loadedStore();
    const refused = store.change({ theme: 'dark' });
    const later = store.change({ sidebarOpen: false });
    await server.calls[0]!.refuse();
    await assert.rejects(refused);
    assert.equal(store.current?.theme, 'system');
    assert.equal(store.current?.sidebarOpen, false, 'the later change still shows');
    await server.calls[1]!.answer();
    assert.equal((await later).sidebarOpen, false);
    assert.equal(server.stored().theme, 'system');
  });

  it('tells a subscriber which keys changed, comparing the color meanings by value', async () => {
    const { store, server, heard } = loadedStore();
    void store.change({ colorMeanings: { ...DEFAULT_SETTINGS.colorMeanings } });
    assert.equal(heard.length, 0, 'the same meanings are no change');
    void store.change({ colorMeanings: { ...DEFAULT_SETTINGS.colorMeanings, pink: 'Question' } });
    assert.deepEqual(heard.map((h) => h.changed), [['colorMeanings']]);
    await server.calls[0]!.answer();
    await server.calls[1]?.answer();
    assert.equal(store.current?.colorMeanings.pink, 'Question');
  });

  it('stops telling a subscriber that unsubscribed', () => {
    const store = new SettingsStore(fakeApi().api);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    unsubscribe();
    store.load(DEFAULT_SETTINGS);
    assert.equal(calls, 0);
  });

  it('refuses a change before the settings are loaded', async () => {
    const store = new SettingsStore(fakeApi().api);
    await assert.rejects(store.change({ theme: 'dark' }), /not loaded/);
    assert.equal(store.current, null);
  });
});
