import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, test } from 'node:test';
import type { WebContents } from 'electron';
import type { ShellCommand } from '../../../../main/api';
import { COMMAND_CHANNEL } from '../../../../main/electron/channels';
import { CommandSender } from '../../../../main/electron/commands';

/**
 * The part of a WebContents CommandSender uses, on a real EventEmitter: Electron itself cannot run
 * here. It emits the two events the way Electron does and records what reaches the renderer.
 */
class Page extends EventEmitter {
  readonly delivered: { channel: string; command: unknown }[] = [];
  destroyed = false;

  send(channel: string, command: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.delivered.push({ channel, command });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  startNavigation(details: { isMainFrame: boolean; isSameDocument: boolean }): void {
    this.emit('did-start-navigation', details);
  }

  stopLoading(): void {
    this.emit('did-stop-loading');
  }

  commands(): unknown[] {
    return this.delivered.map(({ command }) => command);
  }
}

function senderFor(page: Page): CommandSender {
  return new CommandSender(page as unknown as WebContents);
}

const TOGGLE: ShellCommand = { type: 'toggle-sidebar' };
const OPEN: ShellCommand = { type: 'open-path', path: '/home/reader/notes.md' };
const BIGGER: ShellCommand = { type: 'font-size', delta: 1 };

describe('CommandSender', () => {
  test('holds commands sent before the first page load and delivers them in order once it ends', () => {
    const page = new Page();
    const sender = senderFor(page);
    sender.send(OPEN);
    sender.send(TOGGLE);
    assert.deepEqual(page.delivered, []);
    page.stopLoading();
    assert.deepEqual(page.delivered, [
      { channel: COMMAND_CHANNEL, command: OPEN },
      { channel: COMMAND_CHANNEL, command: TOGGLE },
    ]);
  });

  test('delivers at once while the page is loaded, each command exactly once', () => {
    const page = new Page();
    const sender = senderFor(page);
    page.stopLoading();
    sender.send(TOGGLE);
    assert.deepEqual(page.commands(), [TOGGLE]);
    sender.send(BIGGER);
    page.stopLoading();
    assert.deepEqual(page.commands(), [TOGGLE, BIGGER]);
  });

  test('holds commands again while the main frame reloads', () => {
    const page = new Page();
    const sender = senderFor(page);
    page.stopLoading();
    page.startNavigation({ isMainFrame: true, isSameDocument: false });
    sender.send(OPEN);
    assert.deepEqual(page.delivered, []);
    page.stopLoading();
    assert.deepEqual(page.commands(), [OPEN]);
  });

  test('keeps delivering during in-page and sub-frame navigations, which leave the listener in place', () => {
    const page = new Page();
    const sender = senderFor(page);
    page.stopLoading();
    page.startNavigation({ isMainFrame: true, isSameDocument: true });
    sender.send(TOGGLE);
    page.startNavigation({ isMainFrame: false, isSameDocument: false });
    sender.send(BIGGER);
    assert.deepEqual(page.commands(), [TOGGLE, BIGGER]);
  });

  test('delivers after a load that failed, since nothing more is coming to wait for', () => {
    const page = new Page();
    const sender = senderFor(page);
    sender.send(OPEN);
    // Electron emits did-stop-loading after did-fail-load too.
    page.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'gloss://app/index.html', true);
    assert.deepEqual(page.delivered, []);
    page.stopLoading();
    assert.deepEqual(page.commands(), [OPEN]);
  });

  test('sends nothing to a destroyed page, and does not throw', () => {
    const page = new Page();
    const sender = senderFor(page);
    sender.send(OPEN);
    page.destroyed = true;
    assert.doesNotThrow(() => page.stopLoading());
    assert.doesNotThrow(() => sender.send(TOGGLE));
    assert.deepEqual(page.delivered, []);
  });

  test('keeps each window’s commands to that window', () => {
    const first = new Page();
    const second = new Page();
    const toFirst = senderFor(first);
    const toSecond = senderFor(second);
    first.stopLoading();
    toFirst.send(TOGGLE);
    toSecond.send(OPEN);
    assert.deepEqual(first.commands(), [TOGGLE]);
    assert.deepEqual(second.commands(), []);
    second.stopLoading();
    assert.deepEqual(second.commands(), [OPEN]);
    assert.deepEqual(first.commands(), [TOGGLE]);
  });
});
