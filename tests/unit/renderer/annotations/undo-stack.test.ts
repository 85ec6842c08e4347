import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UndoStack, type UndoStep } from '../../../../renderer/annotations/undo-stack';

/** A value the steps change, and steps that set it as a reader's changes would. */
function counter() {
  const log: string[] = [];
  let value = 0;
  const step = (scope: string, to: number, options: { failUndo?: () => boolean; delayMs?: number } = {}): UndoStep<string> => {
    const from = value;
    value = to;
    log.push(`do ${to}`);
    return {
      label: `set ${to}`,
      scope,
      undo: async () => {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        if (options.failUndo?.()) throw new Error('refused');
        value = from;
        log.push(`undo ${to}`);
      },
      redo: async () => {
        value = to;
        log.push(`redo ${to}`);
      },
    };
  };
  return { step, log, get value() { return value; } };
}

describe('UndoStack', () => {
  it('undoes the newest step first and redoes in the order undone', async () => {
    const c = counter();
    const stack = new UndoStack<string>();
    stack.push(c.step('doc', 1));
    stack.push(c.step('doc', 2));
    stack.push(c.step('doc', 3));
    assert.equal((await stack.undo('doc'))?.label, 'set 3');
    assert.equal((await stack.undo('doc'))?.label, 'set 2');
    assert.equal(c.value, 1);
    assert.equal((await stack.redo('doc'))?.label, 'set 2');
    assert.equal((await stack.redo('doc'))?.label, 'set 3');
    assert.equal(await stack.redo('doc'), null);
    assert.equal(c.value, 3);
  });

  it('forgets a dropped step (a deletion the main side refused): Undo goes to the one before', async () => {
    const c = counter();
    const stack = new UndoStack<string>();
    stack.push(c.step('doc', 1));
    const refused = c.step('doc', 2);
    stack.push(refused);
    stack.drop(refused);
    assert.equal(stack.canRedo('doc'), false);
    assert.equal((await stack.undo('doc'))?.label, 'set 1');
    assert.equal(await stack.undo('doc'), null);
  });

  it('a new step clears what could be redone', async () => {
    const c = counter();
    const stack = new UndoStack<string>();
    stack.push(c.step('doc', 1));
    stack.push(c.step('doc', 2));
    await stack.undo('doc');
    assert.equal(stack.canRedo('doc'), true);
    stack.push(c.step('doc', 5));
    assert.equal(stack.canRedo('doc'), false);
    assert.equal(await stack.redo('doc'), null);
    await stack.undo('doc');
    assert.equal(c.value, 1);
  });

  it('acts only on the steps of the open document', async () => {
    const c = counter();
    const stack = new UndoStack<string>();
    stack.push(c.step('a', 1));
    stack.push(c.step('b', 2));
    assert.equal((await stack.undo('a'))?.label, 'set 1');
    assert.equal(await stack.undo('a'), null);
    assert.equal(stack.canUndo('b'), true);
    stack.keepOnly('a');
    assert.equal(stack.canUndo('b'), false);
    assert.equal(stack.canRedo('a'), true);
  });

  it('runs undos one at a time, in the order asked, each choosing its step when its turn comes', async () => {
    const c = counter();
    const stack = new UndoStack<string>();
    stack.push(c.step('doc', 1, { delayMs: 5 }));
    stack.push(c.step('doc', 2, { delayMs: 20 }));
    const outcomes = await Promise.all([stack.undo('doc'), stack.undo('doc'), stack.undo('doc')]);
    assert.deepEqual(outcomes.map((step) => step?.label ?? null), ['set 2', 'set 1', null]);
    assert.deepEqual(c.log, ['do 1', 'do 2', 'undo 2', 'undo 1']);
  });

  it('keeps a step whose undo failed, so it can be tried again, and goes on with the next request', async () => {
    const c = counter();
    const stack = new UndoStack<string>();
    let refuse = true;
    stack.push(c.step('doc', 1, { failUndo: () => refuse }));
    await assert.rejects(stack.undo('doc'), /refused/);
    assert.equal(c.value, 1);
    assert.equal(stack.canUndo('doc'), true);
    refuse = false;
    assert.equal((await stack.undo('doc'))?.label, 'set 1');
    assert.equal(c.value, 0);
  });

  it('undoes one named step out of order (a toast’s Undo), and not twice', async () => {
    const c = counter();
    const stack = new UndoStack<string>();
    const first = c.step('doc', 1);
    stack.push(first);
    stack.push(c.step('doc', 2));
    assert.equal(await stack.undoStep(first), first);
    assert.equal(await stack.undoStep(first), null);
    assert.equal((await stack.undo('doc'))?.label, 'set 2');
  });

  it(`keeps at most its depth of steps, dropping the oldest`, async () => {
    const c = counter();
    const stack = new UndoStack<string>(3);
    for (let i = 1; i <= 5; i++) stack.push(c.step('doc', i));
    const undone: string[] = [];
    for (let step = await stack.undo('doc'); step; step = await stack.undo('doc')) undone.push(step.label);
    assert.deepEqual(undone, ['set 5', 'set 4', 'set 3']);
    assert.equal(c.value, 2);
  });
});
