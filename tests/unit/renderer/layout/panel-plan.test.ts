import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SETTING_RANGES } from '../../../../main/common/limits';
import { automaticWidth, MIN_LINE_CHARS, planLayout, resizeBounds, type LayoutInput } from '../../../../renderer/layout/panel-plan';

/** The sample's reading font at 19 px: about 10.6 px a `ch`; margins of 32 px and a 15 px scrollbar. */
const FONT = { ch: 10.6, gutter: 2 * 32 + 15 };

function layout(windowWidth: number, open: { navigation: boolean; sidebar: boolean } = { navigation: true, sidebar: true }): LayoutInput {
  return {
    windowWidth,
    ...FONT,
    navigation: { open: open.navigation, width: automaticWidth('navigation', windowWidth) },
    sidebar: { open: open.sidebar, width: automaticWidth('sidebar', windowWidth) },
  };
}

describe('planLayout', () => {
  it('docks nothing at 700 px: either panel beside the article would leave it under 45 characters a line', () => {
    const plan = planLayout(layout(700));
    assert.deepEqual(plan.docked, { navigation: false, sidebar: false });
    assert.deepEqual(plan.dockable, { navigation: false, sidebar: false });
    assert.ok(plan.fitChars >= MIN_LINE_CHARS, `${plan.fitChars} characters with both floating`);
  });

  it('docks the Annotations sidebar alone at 1024 px, where both would squeeze the article', () => {
    const plan = planLayout(layout(1024));
    assert.deepEqual(plan.docked, { navigation: false, sidebar: true });
    assert.equal(plan.dockable.navigation, false, 'Contents floats when opened');
    assert.ok(plan.fitChars >= MIN_LINE_CHARS);
    // With the sidebar put away, Contents docks.
    assert.deepEqual(planLayout(layout(1024, { navigation: true, sidebar: false })).docked, { navigation: true, sidebar: false });
    assert.deepEqual(planLayout(layout(1024, { navigation: true, sidebar: false })).dockable, { navigation: true, sidebar: false });
  });

  it('docks both from 1440 px, and the article column gains what the window gains', () => {
    const at1440 = planLayout(layout(1440));
    const at1920 = planLayout(layout(1920));
    assert.deepEqual(at1440.docked, { navigation: true, sidebar: true });
    assert.deepEqual(at1920.docked, { navigation: true, sidebar: true });
    assert.ok(at1920.fitChars > at1440.fitChars + 20, `${at1440.fitChars} → ${at1920.fitChars}`);
  });

  it('never docks what is not wished for', () => {
    assert.deepEqual(planLayout(layout(2560, { navigation: false, sidebar: false })).docked, { navigation: false, sidebar: false });
    assert.deepEqual(planLayout(layout(2560, { navigation: false, sidebar: false })).dockable, { navigation: true, sidebar: true });
  });

  it('takes a wider font into account: the same window docks less at a larger text size', () => {
    const large = { ...layout(1440), ch: 18 };
    assert.deepEqual(planLayout(large).docked, { navigation: false, sidebar: true });
  });
});

describe('automaticWidth', () => {
  it('grows with the window within bounds', () => {
    assert.equal(automaticWidth('navigation', 700), 220);
    assert.equal(automaticWidth('sidebar', 700), 300);
    assert.equal(automaticWidth('sidebar', 1440), 360);
    assert.equal(automaticWidth('navigation', 1920), 320);
    assert.equal(automaticWidth('sidebar', 1920), 440);
    assert.equal(automaticWidth('sidebar', 5000), 440);
  });
});

describe('resizeBounds', () => {
  it('stops a drag where the article would fall under 45 characters, and within the setting’s range', () => {
    const input = { windowWidth: 1200, ...FONT };
    const bounds = resizeBounds('sidebar', input, 259);
    assert.equal(bounds.min, SETTING_RANGES.sidebarWidth.min);
    assert.equal(bounds.max, Math.floor(1200 - 259 - FONT.gutter - MIN_LINE_CHARS * FONT.ch));
    assert.equal(resizeBounds('navigation', { windowWidth: 4000, ...FONT }, 0).max, SETTING_RANGES.navigationWidth.max);
    // No room at all: the range collapses to its minimum rather than turning upside down.
    assert.deepEqual(resizeBounds('sidebar', { windowWidth: 600, ...FONT }, 300), { min: SETTING_RANGES.sidebarWidth.min, max: SETTING_RANGES.sidebarWidth.min });
  });
});
