/**
 * Runs the real preload (main/electron/preload.ts) the way Electron runs a sandboxed one: bundled
 * into a single CommonJS file (as esbuild.config.mjs bundles it), then called in a fresh V8 context
 * with a `require` that knows only 'electron', which returns fakes of contextBridge, ipcRenderer
 * and webUtils. What the preload exposes reaches the test through a fake contextBridge that, like
 * the real one, copies objects and proxies functions and promises between the two worlds.
 */
import path from 'node:path';
import vm from 'node:vm';
import type { IpcMainInvokeEvent } from 'electron';
import { build } from 'esbuild';
import type { FakeIpcMain } from './fake-electron';

const PRELOAD_ENTRY = path.resolve('main/electron/preload.ts');

let bundled: Promise<string> | null = null;

/** The preload bundle's code, built once per test process. */
function preloadBundle(): Promise<string> {
  bundled ??= build({
    entryPoints: [PRELOAD_ENTRY],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  }).then((result) => {
    const [output] = result.outputFiles;
    if (output === undefined) throw new Error('esbuild produced no preload bundle');
    return output.text;
  });
  return bundled;
}

type Listener = (event: unknown, ...args: unknown[]) => void;

/** One `ipcRenderer.invoke` the preload made. */
export interface Invocation {
  channel: string;
  args: unknown[];
}

/** An ipcRenderer that records what the preload sends and lets the test play the main process. */
export class FakeIpcRenderer {
  readonly invocations: Invocation[] = [];
  readonly listeners = new Map<string, Listener[]>();
  /** Answers each invoke; by default every invoke fails as if no handler were registered. */
  answer: (channel: string, args: unknown[]) => Promise<unknown> = (channel) => Promise.reject(new Error(`No handler registered for '${channel}'`));

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return this.answer(channel, args);
  }

  /** Sends every invoke to `ipcMain` as coming from the frame of `event()`: a preload talking to its main process. */
  connectTo(ipcMain: FakeIpcMain, event: () => IpcMainInvokeEvent): void {
    this.answer = (channel, args) => ipcMain.invoke(event(), channel, ...args);
  }

  on(channel: string, listener: Listener): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }

  /** The main process sending `args` on `channel` (webContents.send), with the event Electron adds. */
  emit(channel: string, ...args: unknown[]): void {
    const event = { sender: this, senderId: 0, ports: [] };
    for (const listener of this.listeners.get(channel) ?? []) listener(event, ...structuredClone(args));
  }
}

/** Proxies functions and promises and copies everything else, as contextBridge does. */
function acrossBridge(value: unknown): unknown {
  if (typeof value === 'function') {
    return (...args: unknown[]) => acrossBridge((value as (...a: unknown[]) => unknown)(...args.map(acrossBridge)));
  }
  if (value !== null && typeof value === 'object') {
    if (typeof (value as { then?: unknown }).then === 'function') return Promise.resolve(value).then(acrossBridge);
    if (Array.isArray(value)) return value.map(acrossBridge);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, acrossBridge(item)]));
  }
  return value;
}

/** What one run of the preload left behind. */
export interface PreloadRun {
  /** Every `contextBridge.exposeInMainWorld(key, value)`, the value as the page sees it. */
  exposed: Map<string, unknown>;
  ipcRenderer: FakeIpcRenderer;
  /** Modules the preload asked `require` for. */
  required: string[];
  /** An Error made in the preload's world, as ipcRenderer's own rejections are. */
  preloadError(message: string): Error;
}

/** Loads the preload once in a fresh context, as Electron does for each page load. */
export async function runPreload(options: { platform?: string; pathForFile?: (file: unknown) => string } = {}): Promise<PreloadRun> {
  const code = await preloadBundle();
  const ipcRenderer = new FakeIpcRenderer();
  const exposed = new Map<string, unknown>();
  const required: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, value: unknown): void {
        if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
        exposed.set(key, acrossBridge(value));
      },
    },
    ipcRenderer,
    webUtils: { getPathForFile: options.pathForFile ?? (() => '') },
  };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`A sandboxed preload cannot require '${name}'`);
  };
  // Only what a sandboxed preload has: no Node globals beyond a trimmed `process`.
  const context = vm.createContext({ console, queueMicrotask, process: { platform: options.platform ?? 'linux' } });
  const wrapper = vm.runInContext(`(function (exports, require, module) {\n${code}\n})`, context, { filename: 'preload.cjs' }) as (
    exports: object,
    require: (name: string) => unknown,
    module: { exports: object },
  ) => void;
  const module = { exports: {} };
  wrapper(module.exports, sandboxRequire, module);
  const PreloadError = vm.runInContext('Error', context) as ErrorConstructor;
  return { exposed, ipcRenderer, required, preloadError: (message) => new PreloadError(message) };
}
