import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { Autosave, AUTOSAVE_DELAY_MS, type SaveStatus } from '../../../../renderer/annotations/autosave';
import { installDomGlobals } from './dom-globals';

installDomGlobals();

/** A save the test finishes by hand, as a slow disk or network would. */
interface PendingSave {
  value: string;
  resolve(): void;
  reject(error: Error): void;
}

/** An Autosave of a note's text, recording what it saves and every status the reader is shown. */
function noteAutosave(delayMs?: number) {
  const saves: PendingSave[] = [];
  const statuses: SaveStatus[] = [];
  const errors: unknown[] = [];
  const autosave = new Autosave<string>(
    (value) =>
      new Promise<void>((resolve, reject) => {
        saves.push({ value, resolve, reject });
      }),
    (status, error) => {
      statuses.push(status);
      if (status === 'error') errors.push(error);
    },
    delayMs,
  );
  return { autosave, saves, statuses, errors, saved: () => saves.map((save) => save.value) };
}

/** Lets promise callbacks run (a save's completion, the next save it starts). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('Autosave', { timeout: 5_000 }, () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('saves the quiet time after the last keystroke, not a millisecond before', () => {
    const { autosave, saved, statuses } = noteAutosave();
    autosave.schedule('Hello');
    assert.deepEqual(statuses, ['pending']);
    mock.timers.tick(AUTOSAVE_DELAY_MS - 1);
    assert.deepEqual(saved(), []);
    mock.timers.tick(1);
    assert.deepEqual(saved(), ['Hello']);
    assert.deepEqual(statuses, ['pending', 'saving']);
  });

  it('waits while the reader keeps typing, then saves only the last text', () => {
    const { autosave, saved } = noteAutosave();
    // Each keystroke comes before the quiet time of the one before it is over.
    const pause = Math.floor((AUTOSAVE_DELAY_MS * 2) / 3);
    autosave.schedule('H');
    mock.timers.tick(pause);
    autosave.schedule('He');
    mock.timers.tick(pause);
    autosave.schedule('Hello');
    mock.timers.tick(AUTOSAVE_DELAY_MS - 1);
    assert.deepEqual(saved(), [], 'not while the reader types, though the first keystroke is long past its quiet time');
    mock.timers.tick(1);
    assert.deepEqual(saved(), ['Hello']);
  });

  it('honours its own quiet time (tags save at once, with 0)', () => {
    const short = noteAutosave(50);
    short.autosave.schedule('meaning');
    mock.timers.tick(49);
    assert.deepEqual(short.saved(), []);
    mock.timers.tick(1);
    assert.deepEqual(short.saved(), ['meaning']);
    const { autosave, saved } = noteAutosave(0);
    autosave.schedule('tag');
    mock.timers.tick(0);
    assert.deepEqual(saved(), ['tag']);
  });

  it('says "saved" once the save completes, and is no longer dirty', async () => {
    const { autosave, saves, statuses } = noteAutosave();
    assert.equal(autosave.dirty, false);
    autosave.schedule('Hello');
    assert.equal(autosave.dirty, true);
    mock.timers.tick(AUTOSAVE_DELAY_MS);
    assert.equal(autosave.dirty, true, 'dirty while the save runs');
    saves[0]!.resolve();
    await settle();
    assert.deepEqual(statuses, ['pending', 'saving', 'saved']);
    assert.equal(autosave.dirty, false);
  });

  it('runs one save at a time: text typed during a slow save waits for it', async () => {
    const { autosave, saves, saved } = noteAutosave();
    autosave.schedule('one');
    mock.timers.tick(AUTOSAVE_DELAY_MS);
    autosave.schedule('one two');
    mock.timers.tick(AUTOSAVE_DELAY_MS * 10);
    await settle();
    assert.deepEqual(saved(), ['one'], 'no second save while the first runs');
    saves[0]!.resolve();
    await settle();
    assert.deepEqual(saved(), ['one', 'one two']);
  });

  it('ends with the newest text: what was typed during a save is saved next, skipping the text in between', async () => {
    const { autosave, saves, saved, statuses } = noteAutosave();
    autosave.schedule('a');
    mock.timers.tick(AUTOSAVE_DELAY_MS);
    autosave.schedule('ab');
    autosave.schedule('abc');
    mock.timers.tick(AUTOSAVE_DELAY_MS);
    saves[0]!.resolve();
    await settle();
    assert.deepEqual(saved(), ['a', 'abc']);
    assert.ok(!statuses.includes('saved'), 'never "saved" while newer text waits');
    saves[1]!.resolve();
    await settle();
    assert.equal(statuses.at(-1), 'saved');
    assert.equal(autosave.dirty, false);
  });

  it('flush saves at once, without the quiet time, and resolves once saved', async () => {
    const { autosave, saves, saved } = noteAutosave();
    autosave.schedule('Hello');
    let done = false;
    const flushed = autosave.flush().then(() => (done = true));
    assert.deepEqual(saved(), ['Hello']);
    await settle();
    assert.equal(done, false, 'not done before the save completes');
    saves[0]!.resolve();
    await flushed;
    assert.equal(autosave.dirty, false);
    mock.timers.tick(AUTOSAVE_DELAY_MS);
    assert.deepEqual(saved(), ['Hello'], 'the timer does not save the same text again');
  });

  it('flush with nothing typed saves nothing', async () => {
    const { autosave, saved, statuses } = noteAutosave();
    await autosave.flush();
    assert.deepEqual(saved(), []);
    assert.deepEqual(statuses, []);
  });

  it('flush during a save waits for it, then saves what was typed since', async () => {
    const { autosave, saves, saved } = noteAutosave();
    autosave.schedule('draft');
    mock.timers.tick(AUTOSAVE_DELAY_MS);
    autosave.schedule('draft, final');
    let done = false;
    const flushed = autosave.flush().then(() => (done = true));
    await settle();
    assert.deepEqual(saved(), ['draft']);
    saves[0]!.resolve();
    await settle();
    assert.deepEqual(saved(), ['draft', 'draft, final']);
    assert.equal(done, false);
    saves[1]!.resolve();
    await flushed;
    assert.equal(autosave.dirty, false);
  });

  it('two flushes at once (Save clicked while closing) save once', async () => {
    const { autosave, saves, saved } = noteAutosave();
    autosave.schedule('text');
    const both = Promise.all([autosave.flush(), autosave.flush()]);
    await settle();
    saves[0]!.resolve();
    await both;
    assert.deepEqual(saved(), ['text']);
  });

  it('reports a failed save, keeps the text, and saves it on the next flush', async () => {
    const { autosave, saves, saved, statuses, errors } = noteAutosave();
    autosave.schedule('keep me');
    const flushed = autosave.flush();
    const failure = new Error('disk full');
    saves[0]!.reject(failure);
    await flushed; // resolves: the failure is reported as a status, not thrown
    assert.equal(statuses.at(-1), 'error');
    assert.deepEqual(errors, [failure]);
    assert.equal(autosave.dirty, true, 'the unsaved text is still pending');
    const retried = autosave.flush();
    assert.deepEqual(saved(), ['keep me', 'keep me']);
    saves[1]!.resolve();
    await retried;
    assert.equal(statuses.at(-1), 'saved');
    assert.equal(autosave.dirty, false);
  });

  it('after a failed save, retries the newer text typed meanwhile, not the failed one', async () => {
    const { autosave, saves, saved } = noteAutosave();
    autosave.schedule('old');
    mock.timers.tick(AUTOSAVE_DELAY_MS);
    autosave.schedule('newer');
    saves[0]!.reject(new Error('offline'));
    await settle();
    mock.timers.tick(AUTOSAVE_DELAY_MS);
    assert.deepEqual(saved(), ['old', 'newer']);
  });

  it('cancel drops what was typed: nothing is saved and nothing is pending', async () => {
    const { autosave, saved, statuses } = noteAutosave();
    autosave.schedule('for a deleted note');
    autosave.cancel();
    assert.equal(statuses.at(-1), 'idle');
    assert.equal(autosave.dirty, false);
    mock.timers.tick(AUTOSAVE_DELAY_MS * 2);
    await autosave.flush();
    assert.deepEqual(saved(), []);
  });

  it('a save that fails after cancel brings nothing back: not the value, not an error', async () => {
    const { autosave, saves, saved, statuses } = noteAutosave();
    autosave.schedule('x');
    const flushing = autosave.flush();
    autosave.cancel();
    saves[0]!.reject(new Error('the highlight is gone'));
    await flushing;
    await settle();
    assert.equal(autosave.dirty, false);
    assert.equal(statuses.includes('error'), false);
    await autosave.flush();
    assert.deepEqual(saved(), ['x']);
  });

  it('a save that succeeds after cancel does not announce "saved"', async () => {
    const { autosave, saves, statuses } = noteAutosave();
    autosave.schedule('x');
    const flushing = autosave.flush();
    autosave.cancel();
    saves[0]!.resolve();
    await flushing;
    assert.equal(statuses.at(-1), 'idle');
  });
});
