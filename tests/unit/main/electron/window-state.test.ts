import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { WindowState } from '../../../../main/service-types';
import { DEFAULT_WINDOW_SIZE, fitWindowState, MIN_WINDOW_SIZE, sameWindowState } from '../../../../main/electron/window-state';
import type { Bounds } from '../../../../main/electron/window-state';

/** A 1920×1080 monitor with a 40px taskbar at the bottom. */
const PRIMARY: Bounds = { x: 0, y: 0, width: 1920, height: 1040 };
/** A 2560×1440 monitor to the right of PRIMARY. */
const RIGHT: Bounds = { x: 1920, y: 0, width: 2560, height: 1440 };
/** A 1280×1024 monitor to the left of PRIMARY, so at negative x. */
const LEFT: Bounds = { x: -1280, y: 0, width: 1280, height: 1024 };
/** A 1920×1080 monitor above PRIMARY, so at negative y. */
const ABOVE: Bounds = { x: 0, y: -1080, width: 1920, height: 1080 };

function saved(x: number | undefined, y: number | undefined, width = 1000, height = 700, maximized = false): WindowState {
  const state: WindowState = { width, height, maximized };
  if (x !== undefined) state.x = x;
  if (y !== undefined) state.y = y;
  return state;
}

/** True when the state opens at a remembered position rather than centred. */
function positioned(state: WindowState): boolean {
  return state.x !== undefined && state.y !== undefined;
}

describe('fitWindowState: first launch', () => {
  test('opens at the default size, centred, not maximized', () => {
    assert.deepEqual(fitWindowState(null, [PRIMARY]), { ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  test('shrinks the default size to a display smaller than it', () => {
    const laptop: Bounds = { x: 0, y: 0, width: 1024, height: 720 };
    assert.deepEqual(fitWindowState(null, [laptop]), { width: 1024, height: 720, maximized: false });
  });
});

describe('fitWindowState: a remembered position', () => {
  test('is kept when the window is fully on a display', () => {
    assert.deepEqual(fitWindowState(saved(100, 80), [PRIMARY]), saved(100, 80));
  });

  test('is kept on a secondary display, including ones at negative coordinates', () => {
    assert.deepEqual(fitWindowState(saved(2200, 100), [PRIMARY, RIGHT]), saved(2200, 100));
    assert.deepEqual(fitWindowState(saved(-1200, 50), [LEFT, PRIMARY]), saved(-1200, 50));
    assert.deepEqual(fitWindowState(saved(300, -900), [PRIMARY, ABOVE]), saved(300, -900));
  });

  test('is kept when the window spans two displays', () => {
    assert.deepEqual(fitWindowState(saved(1500, 200), [PRIMARY, RIGHT]), saved(1500, 200));
  });

  test('is dropped when the window lies wholly off every display', () => {
    for (const [x, y] of [
      [5000, 100],
      [-3000, 100],
      [100, 3000],
      [100, -3000],
      [-5000, -5000],
    ] as const) {
      assert.equal(positioned(fitWindowState(saved(x, y), [PRIMARY, RIGHT])), false, `${x},${y}`);
    }
  });

  test('is dropped when the display it was on has been unplugged', () => {
    const onRight = saved(2400, 300, 1200, 800, true);
    assert.deepEqual(fitWindowState(onRight, [PRIMARY, RIGHT]), onRight);
    // Size and the maximized flag survive; only the position, now nowhere, is dropped.
    assert.deepEqual(fitWindowState(onRight, [PRIMARY]), { width: 1200, height: 800, maximized: true });
    assert.equal(positioned(fitWindowState(saved(-1000, 100), [PRIMARY])), false);
    assert.equal(positioned(fitWindowState(saved(300, -900), [PRIMARY])), false);
  });

  test('is kept while at least 120px of the title bar can be grabbed at a side edge', () => {
    // 1000px wide window hanging off the right edge of PRIMARY (no display to its right).
    assert.equal(fitWindowState(saved(1920 - 120, 100), [PRIMARY]).x, 1800);
    assert.equal(positioned(fitWindowState(saved(1920 - 119, 100), [PRIMARY])), false);
    // ...and off the left edge.
    assert.equal(fitWindowState(saved(120 - 1000, 100), [PRIMARY]).x, -880);
    assert.equal(positioned(fitWindowState(saved(119 - 1000, 100), [PRIMARY])), false);
  });

  test('is kept while at least half the title bar’s height is on a display', () => {
    // Title bar above the top edge: the part that shows is y..y+40 clipped to the display.
    assert.equal(fitWindowState(saved(100, -20), [PRIMARY]).y, -20);
    assert.equal(positioned(fitWindowState(saved(100, -21), [PRIMARY])), false);
    // Title bar at the bottom edge, the body below every display.
    assert.equal(fitWindowState(saved(100, 1040 - 20), [PRIMARY]).y, 1020);
    assert.equal(positioned(fitWindowState(saved(100, 1040 - 19), [PRIMARY])), false);
  });

  test('is dropped when only the window body, not its title bar, is on a display', () => {
    // Top edge 200px above the display: 500px of the body shows, but nothing to drag it by.
    assert.equal(positioned(fitWindowState(saved(100, -200), [PRIMARY])), false);
  });

  test('is dropped when the title bar sits in the dead area beside a smaller display', () => {
    // RIGHT_LOW is shorter than PRIMARY, starting lower: the corner above it is off every display.
    const rightLow: Bounds = { x: 1920, y: 500, width: 1280, height: 540 };
    assert.equal(positioned(fitWindowState(saved(1950, 100, 1000, 700), [rightLow])), false);
    assert.equal(positioned(fitWindowState(saved(1950, 100, 1000, 700), [PRIMARY, rightLow])), false);
    assert.deepEqual(fitWindowState(saved(1950, 520, 1000, 500), [PRIMARY, rightLow]), saved(1950, 520, 1000, 500));
  });

  test('is checked with the fitted size, not the saved one', () => {
    // Saved 10px wide at x=1910: as saved, 10px of title bar would show; fitted to 560px wide it
    // still shows only 10px, so the position must be dropped rather than trusted.
    assert.equal(positioned(fitWindowState(saved(1910, 100, 10, 700), [PRIMARY])), false);
  });

  test('is dropped when only one coordinate was saved or either is not a finite number', () => {
    for (const state of [saved(100, undefined), saved(undefined, 100), saved(Number.NaN, 100), saved(100, Number.POSITIVE_INFINITY), saved(Number.NEGATIVE_INFINITY, 0)]) {
      const fitted = fitWindowState(state, [PRIMARY]);
      assert.equal(fitted.x, undefined, JSON.stringify(state));
      assert.equal(fitted.y, undefined, JSON.stringify(state));
    }
  });

  test('is rounded to whole pixels', () => {
    const fitted = fitWindowState(saved(100.6, 80.4, 1000.5, 700.4), [PRIMARY]);
    assert.deepEqual(fitted, { x: 101, y: 80, width: 1001, height: 700, maximized: false });
  });

  test('is dropped when there is no display at all', () => {
    assert.equal(positioned(fitWindowState(saved(100, 80), [])), false);
  });
});

describe('fitWindowState: the remembered size', () => {
  test('is raised to the minimum when tiny, zero or negative', () => {
    for (const [width, height] of [
      [1, 1],
      [0, 0],
      [-800, -600],
      [MIN_WINDOW_SIZE.width - 1, MIN_WINDOW_SIZE.height - 1],
    ] as const) {
      const fitted = fitWindowState(saved(100, 80, width, height), [PRIMARY]);
      assert.equal(fitted.width, MIN_WINDOW_SIZE.width, `${width}×${height}`);
      assert.equal(fitted.height, MIN_WINDOW_SIZE.height, `${width}×${height}`);
    }
  });

  test('is lowered to the largest display when huge', () => {
    const fitted = fitWindowState(saved(0, 0, 100_000, 1e9), [PRIMARY, RIGHT]);
    assert.equal(fitted.width, RIGHT.width);
    assert.equal(fitted.height, RIGHT.height);
    assert.deepEqual(fitWindowState(saved(0, 0, 8000, 8000), [PRIMARY]), { x: 0, y: 0, width: 1920, height: 1040, maximized: false });
  });

  test('takes both limits from one display, so the window fits on at least one', () => {
    const landscape: Bounds = { x: 0, y: 0, width: 2560, height: 1400 };
    const portrait: Bounds = { x: 2560, y: 0, width: 1400, height: 2520 };
    const fitted = fitWindowState(saved(0, 0, 5000, 5000), [landscape, portrait]);
    const fitsOne = [landscape, portrait].some((area) => fitted.width <= area.width && fitted.height <= area.height);
    assert.ok(fitsOne, `${fitted.width}×${fitted.height} fits no display`);
  });

  test('never goes below the minimum, even on a display smaller than it', () => {
    const tiny: Bounds = { x: 0, y: 0, width: 480, height: 320 };
    assert.deepEqual(fitWindowState(saved(0, 0, 1000, 700), [tiny]), { x: 0, y: 0, width: MIN_WINDOW_SIZE.width, height: MIN_WINDOW_SIZE.height, maximized: false });
  });

  test('falls back to the default when not a finite number', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const fitted = fitWindowState(saved(100, 80, bad, bad), [RIGHT, PRIMARY]);
      assert.equal(fitted.width, DEFAULT_WINDOW_SIZE.width, String(bad));
      assert.equal(fitted.height, DEFAULT_WINDOW_SIZE.height, String(bad));
    }
  });

  test('is kept as saved when it fits', () => {
    assert.deepEqual(fitWindowState(saved(10, 10, 1919, 1039), [PRIMARY]), saved(10, 10, 1919, 1039));
  });
});

describe('fitWindowState: maximized', () => {
  test('is remembered with the size to restore to', () => {
    assert.deepEqual(fitWindowState(saved(50, 40, 1200, 800, true), [PRIMARY]), saved(50, 40, 1200, 800, true));
  });

  test('is true only for a saved true', () => {
    const odd = { ...saved(50, 40), maximized: 'yes' } as unknown as WindowState;
    assert.equal(fitWindowState(odd, [PRIMARY]).maximized, false);
    assert.equal(fitWindowState(saved(50, 40, 1000, 700, false), [PRIMARY]).maximized, false);
  });
});

describe('fitWindowState: the saved state', () => {
  test('is not modified', () => {
    const state = saved(9000, 9000, 10, 10, true);
    const copy = structuredClone(state);
    fitWindowState(state, [PRIMARY]);
    assert.deepEqual(state, copy);
  });
});

describe('sameWindowState', () => {
  const base = saved(100, 80, 1000, 700, false);

  test('is true for equal states, positioned or not', () => {
    assert.equal(sameWindowState({ ...base }, base), true);
    assert.equal(sameWindowState(saved(undefined, undefined), saved(undefined, undefined)), true);
  });

  test('is false when nothing was saved yet', () => {
    assert.equal(sameWindowState(null, base), false);
  });

  test('notices a change in any field', () => {
    const changes: Partial<WindowState>[] = [{ x: 101 }, { y: 81 }, { width: 1001 }, { height: 701 }, { maximized: true }, { x: undefined }, { y: undefined }];
    for (const change of changes) {
      assert.equal(sameWindowState(base, { ...base, ...change }), false, JSON.stringify(change));
      assert.equal(sameWindowState({ ...base, ...change }, base), false, JSON.stringify(change));
    }
  });
});
