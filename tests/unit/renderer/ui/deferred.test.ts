import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DeferredParts, Gate } from '../../../../renderer/ui/deferred';

/** Lets every queued promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Gate', () => {
  it('holds work back until it opens, then runs it', async () => {
    const gate = new Gate();
    const ran: string[] = [];
    const done = gate.after(() => {
      ran.push('work');
      return 7;
    });
    await settle();
    assert.deepEqual(ran, [], 'work ran before the gate opened');
    assert.equal(gate.isOpen, false);
    gate.open();
    assert.equal(await done, 7);
    assert.deepEqual(ran, ['work']);
  });

  it('runs work at once, synchronously, once it is open', () => {
    const gate = new Gate();
    gate.open();
    let ran = false;
    void gate.after(() => (ran = true));
    assert.equal(ran, true, 'work asked for after the gate opened waited for a later turn');
  });
});

describe('DeferredParts', () => {
  it('builds the parts once, on first use, and not before', async () => {
    let builds = 0;
    const parts = new DeferredParts(async () => ({ id: ++builds }));
    await settle();
    assert.equal(builds, 0, 'the parts were built before anything used them');
    assert.equal(parts.value, null);
    const [first, second] = await Promise.all([parts.use((built) => built.id), parts.use((built) => built.id)]);
    assert.deepEqual([first, second, builds], [1, 1, 1]);
    assert.deepEqual(parts.value, { id: 1 });
  });

  it('serves uses in the order they were asked for, each once the one before was made', async () => {
    let finishBuild: (value: string[]) => void = () => undefined;
    const parts = new DeferredParts(() => new Promise<string[]>((resolve) => (finishBuild = resolve)));
    const log: string[] = [];
    // A slow first use: the next one must start once it was called, not once it finished.
    let finishShow: () => void = () => undefined;
    const shown = parts.use((made) => {
      made.push('show');
      return new Promise<void>((resolve) => (finishShow = resolve));
    });
    const cleared = parts.use((made) => made.push('clear'));
    void parts.load();
    finishBuild(log);
    await cleared;
    assert.deepEqual(log, ['show', 'clear']);
    finishShow();
    await shown;
  });

  it('a use that throws rejects alone, and later uses still run', async () => {
    const parts = new DeferredParts(async () => 'parts');
    const failing = parts.use(() => {
      throw new Error('this use failed');
    });
    const later = parts.use((built) => `${built} still work`);
    await assert.rejects(failing, /this use failed/);
    assert.equal(await later, 'parts still work');
  });

  it('parts that cannot be built reject every use with why', async () => {
    const parts = new DeferredParts<string>(async () => {
      throw new Error('the chunk could not be loaded');
    });
    await assert.rejects(parts.use((built) => built), /could not be loaded/);
    await assert.rejects(parts.use((built) => built), /could not be loaded/);
    assert.equal(parts.value, null);
  });
});
