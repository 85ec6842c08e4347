/**
 * Fakes of the Electron objects the IPC layer touches, so the shell's guard and dispatch run in
 * plain Node (Electron itself cannot run here). They behave as Electron documents: one handler per
 * channel, arguments and replies structured-cloned, an invoke on a channel nobody handles rejected,
 * a sub-frame has a parent, a navigation gives the main frame a new token and detaches the old
 * frame, and a destroyed WebContents throws when its frames are read.
 */
import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { APP_ENTRY_URL } from '../../../../main/electron/urls';
import type { IpcHandlerRegistry } from '../../../../main/electron/ipc';

type InvokeListener = Parameters<IpcHandlerRegistry['handle']>[1];

/** The parts of a WebFrameMain that the sender check reads. */
export interface FakeFrame {
  url: string;
  frameToken: string;
  parent: FakeFrame | null;
  detached: boolean;
}

let nextToken = 1;
let nextContentsId = 1;

/** A frame showing `url`, with a token no other frame has. */
export function fakeFrame(url: string, parent: FakeFrame | null = null): FakeFrame {
  return { url, frameToken: `frame-${nextToken++}`, parent, detached: false };
}

/** Where `webContents.send` delivers: the page's ipcRenderer. */
export interface PageEnd {
  emit(channel: string, ...args: unknown[]): void;
}

/**
 * A WebContents (one window's page) with its main frame. It is an EventEmitter like the real one,
 * so the shell can listen to it, and `send` reaches the page it is attached to.
 */
export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  destroyed = false;
  #mainFrame: FakeFrame;
  #page: PageEnd | null = null;

  constructor(url: string = APP_ENTRY_URL) {
    super();
    this.#mainFrame = fakeFrame(url);
  }

  /** Makes `send` deliver to `page`. */
  attach(page: PageEnd): void {
    this.#page = page;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.#page?.emit(channel, ...args);
  }

  get mainFrame(): FakeFrame {
    if (this.destroyed) throw new Error('Object has been destroyed');
    return this.#mainFrame;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** An iframe inside the main frame. */
  subFrame(url: string = APP_ENTRY_URL): FakeFrame {
    return fakeFrame(url, this.#mainFrame);
  }

  /**
   * A cross-document navigation of the main frame: the new document gets a new frame, and the
   * old one, which a message may still name, is detached. Returns the old frame.
   */
  navigate(url: string): FakeFrame {
    const old = this.#mainFrame;
    old.detached = true;
    this.#mainFrame = fakeFrame(url);
    return old;
  }

  /** This fake typed as what Electron hands the shell; it has every member the shell reads. */
  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

/**
 * The event of an invoke from `frame` of `sender`. `senderFrame` is null for a frame that has
 * navigated away or been destroyed, as Electron reports it; pass a getter to make reading throw.
 */
export function invokeEvent(sender: FakeWebContents, frame: FakeFrame | null | (() => FakeFrame | null) = sender.mainFrame): IpcMainInvokeEvent {
  const event = {
    type: 'frame',
    processId: 1,
    frameId: 1,
    sender: sender.asWebContents(),
    get senderFrame() {
      return typeof frame === 'function' ? frame() : frame;
    },
  };
  return event as unknown as IpcMainInvokeEvent;
}

/** Electron's wording when an invoke fails on the main side. */
function invokeError(channel: string, reason: string): Error {
  return new Error(`Error invoking remote method '${channel}': Error: ${reason}`);
}

/** An ipcMain that holds `handle` listeners and answers invokes the way Electron does. */
export class FakeIpcMain implements IpcHandlerRegistry {
  readonly #handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.#handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.#handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.#handlers.delete(channel);
  }

  /** The channels that have a handler, sorted. */
  channels(): string[] {
    return [...this.#handlers.keys()].sort();
  }

  /** What `ipcRenderer.invoke(channel, ...args)` from the frame of `event` resolves to. */
  async invoke(event: IpcMainInvokeEvent, channel: string, ...args: unknown[]): Promise<unknown> {
    const listener = this.#handlers.get(channel);
    if (listener === undefined) throw invokeError(channel, `No handler registered for '${channel}'`);
    let reply: unknown;
    try {
      reply = await listener(event, ...structuredClone(args));
    } catch (error) {
      throw invokeError(channel, error instanceof Error ? error.message : String(error));
    }
    return structuredClone(reply);
  }
}
