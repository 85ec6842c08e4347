/**
 * Main → renderer commands (menu items, files opened from the OS) for one window. A command sent
 * while the page is (re)loading would reach no listener, so it waits until the page has loaded;
 * the preload then keeps it until the renderer subscribes.
 */
import type { WebContents } from 'electron';
import type { ShellCommand } from '../api';
import { COMMAND_CHANNEL } from './channels';

/** Sends ShellCommands to one window's renderer, holding them while its page loads. */
export class CommandSender {
  #loaded = false;
  readonly #pending: ShellCommand[] = [];

  constructor(private readonly contents: WebContents) {
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) this.#loaded = false;
    });
    // Fires after a load finishes or fails: either way nothing more is coming to wait for.
    contents.on('did-stop-loading', () => {
      this.#loaded = true;
      this.#flush();
    });
  }

  /** Delivers `command` now if the page is loaded, else as soon as it is. */
  send(command: ShellCommand): void {
    this.#pending.push(command);
    if (this.#loaded) this.#flush();
  }

  #flush(): void {
    if (this.contents.isDestroyed()) return;
    for (const command of this.#pending.splice(0)) this.contents.send(COMMAND_CHANNEL, command);
  }
}
