/**
 * Waiting for a document's file to change on disk: what GlossApi.watchDocument long-polls, so the
 * desktop (over IPC) and the browser mode (over HTTP) learn of a change the same way.
 *
 * The file's folder is watched, not the file: editors save by writing a new file and renaming it
 * over the old one, and a watch on the file itself follows the old one away. Events are debounced
 * (a save is several events), and then the file is looked at: stat first, hashed only when its
 * size, times or inode changed, so an event for another file of the folder costs one stat. Where
 * fs.watch is unreliable (network and some virtual file systems never report; a watch can fail
 * to start, or end when its folder goes), a stat every `pollMs` catches what it misses. One watch
 * serves every waiter of a file, and it is closed a while after the last one left, so the next
 * poll of the long-poll finds it still running.
 */
import { createHash } from 'node:crypto';
import { createReadStream, watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { isCode } from '../store/durable-write';

/** What a file is now: there with these bytes (their sha256, as documents' content hashes), or not there. */
export type FileState = { status: 'present'; contentHash: string } | { status: 'missing' };

/** Timings of a `FileWatch`; tests shorten them. */
export interface FileWatchOptions {
  /** Quiet time after the last event before the file is looked at. */
  debounceMs?: number;
  /** Interval of the stat that catches what fs.watch misses. */
  pollMs?: number;
  /** How long a watch stays open once nobody waits on it. */
  lingerMs?: number;
  /** Replaces fs.watch (tests make it fail, as it does on some file systems). */
  watchFolder?: (folder: string, listener: (event: string, fileName: string | null) => void) => FSWatcher;
}

interface Waiter {
  /** The state the waiter believes the file is in: a content hash, or null for missing. */
  believed: string | null;
  resolve: (state: FileState | null) => void;
  timer: NodeJS.Timeout;
}

/** One watched file. */
interface Watched {
  path: string;
  watcher: FSWatcher | null;
  poll: NodeJS.Timeout;
  debounce: NodeJS.Timeout | null;
  linger: NodeJS.Timeout | null;
  waiters: Set<Waiter>;
  /** What stat said when the file was last hashed, and what it was then. */
  signature: string | null;
  state: FileState | null;
  checking: Promise<FileState> | null;
  /** An event came while a check ran: look again after it. */
  again: boolean;
}

const DEFAULTS = { debounceMs: 150, pollMs: 2000, lingerMs: 15_000 };

function differs(state: FileState, believed: string | null): boolean {
  return state.status === 'missing' ? believed !== null : state.contentHash !== believed;
}

/** The sha256 of a file's bytes, read as a stream (a file grown past the size Gloss opens is still hashed). */
function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Watches documents' files for the waiters of `wait`. */
export class FileWatch {
  readonly #options: Required<Omit<FileWatchOptions, 'watchFolder'>> & Pick<FileWatchOptions, 'watchFolder'>;
  readonly #watched = new Map<string, Watched>();
  #closed = false;

  constructor(options: FileWatchOptions = {}) {
    this.#options = { ...DEFAULTS, ...options };
  }

  /**
   * Resolves with the file's state once it differs from `believed` (a content hash, or null for
   * "missing"), at once if it already does; or with null after `timeoutMs` with no change, or
   * when the watch is closed.
   */
  async wait(path: string, believed: string | null, timeoutMs: number): Promise<FileState | null> {
    if (this.#closed) return null;
    const watched = this.#watch(path);
    const now = await this.#check(watched);
    if (differs(now, believed)) {
      this.#release(watched);
      return now;
    }
    if (this.#closed) return null;
    return new Promise((resolve) => {
      const waiter: Waiter = {
        believed,
        resolve: (state) => {
          clearTimeout(waiter.timer);
          watched.waiters.delete(waiter);
          this.#release(watched);
          resolve(state);
        },
        timer: setTimeout(() => waiter.resolve(null), timeoutMs),
      };
      watched.waiters.add(waiter);
    });
  }

  /** Ends every watch; waiters get null. */
  close(): void {
    this.#closed = true;
    for (const watched of this.#watched.values()) {
      for (const waiter of [...watched.waiters]) waiter.resolve(null);
      this.#stop(watched);
    }
    this.#watched.clear();
  }

  /** How many files are watched now (for tests). */
  get size(): number {
    return this.#watched.size;
  }

  #watch(path: string): Watched {
    let watched = this.#watched.get(path);
    if (watched) {
      if (watched.linger) clearTimeout(watched.linger);
      watched.linger = null;
      return watched;
    }
    const poll = setInterval(() => this.#changed(watched as Watched, 0), this.#options.pollMs);
    poll.unref();
    watched = { path, watcher: null, poll, debounce: null, linger: null, waiters: new Set(), signature: null, state: null, checking: null, again: false };
    this.#watched.set(path, watched);
    this.#startWatcher(watched);
    return watched;
  }

  #startWatcher(watched: Watched): void {
    const name = basename(watched.path);
    const listener = (_event: string, fileName: string | Buffer | null) => {
      // Some platforms do not say which file changed: then it may be ours.
      if (fileName === null || String(fileName) === name) this.#changed(watched, this.#options.debounceMs);
    };
    try {
      const watcher = (this.#options.watchFolder ?? ((folder, callback) => watch(folder, { persistent: false }, callback)))(dirname(watched.path), listener);
      // The folder removed, or a file system that drops the watch: the poll carries on alone,
      // and starts a new watch once the folder is back.
      watcher.on('error', () => {
        watcher.close();
        if (watched.watcher === watcher) watched.watcher = null;
      });
      watched.watcher = watcher;
    } catch {
      watched.watcher = null;
    }
  }

  /** Something may have changed: look at the file after `delayMs` of quiet. */
  #changed(watched: Watched, delayMs: number): void {
    if (watched.debounce) clearTimeout(watched.debounce);
    watched.debounce = setTimeout(() => {
      watched.debounce = null;
      if (watched.watcher === null && !this.#closed) this.#startWatcher(watched);
      void this.#check(watched).then((state) => {
        for (const waiter of [...watched.waiters]) if (differs(state, waiter.believed)) waiter.resolve(state);
      });
    }, delayMs);
  }

  /** The file's state now; concurrent calls share one look, and an event during it causes another. */
  #check(watched: Watched): Promise<FileState> {
    if (watched.checking) {
      watched.again = true;
      return watched.checking;
    }
    const run = async (): Promise<FileState> => {
      let state: FileState;
      do {
        watched.again = false;
        state = await this.#look(watched);
      } while (watched.again);
      return state;
    };
    watched.checking = run().finally(() => {
      watched.checking = null;
    });
    return watched.checking;
  }

  async #look(watched: Watched): Promise<FileState> {
    try {
      const info = await stat(watched.path);
      if (!info.isFile()) return this.#remember(watched, null, { status: 'missing' });
      const signature = `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
      if (signature === watched.signature && watched.state !== null) return watched.state;
      return this.#remember(watched, signature, { status: 'present', contentHash: await hashFile(watched.path) });
    } catch (error) {
      if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return this.#remember(watched, null, { status: 'missing' });
      // Unreadable for now (permissions while an editor saves): say nothing changed.
      return watched.state ?? { status: 'missing' };
    }
  }

  #remember(watched: Watched, signature: string | null, state: FileState): FileState {
    watched.signature = signature;
    watched.state = state;
    return state;
  }

  #release(watched: Watched): void {
    if (watched.waiters.size > 0 || this.#closed) return;
    if (watched.linger) clearTimeout(watched.linger);
    watched.linger = setTimeout(() => {
      if (watched.waiters.size > 0) return;
      this.#stop(watched);
      this.#watched.delete(watched.path);
    }, this.#options.lingerMs);
    watched.linger.unref();
  }

  #stop(watched: Watched): void {
    clearInterval(watched.poll);
    if (watched.debounce) clearTimeout(watched.debounce);
    if (watched.linger) clearTimeout(watched.linger);
    watched.watcher?.close();
    watched.watcher = null;
  }
}
