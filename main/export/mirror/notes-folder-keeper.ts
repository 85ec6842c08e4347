/**
 * The notes folder of a running Gloss (Settings › Export folder): which folder is kept in step,
 * one NotesFolderMirror writing it, and what the reader has been told about blocks they edited.
 *
 * - The folder and the told blocks live in gloss.json (the `state` the keeper is given), so a
 *   block is reported once, not at every change or every launch; once the block is Gloss's own
 *   again (the reader undid the edit, or deleted the block) it is forgotten, and a new edit is
 *   reported again.
 * - A folder that cannot be written is reported once, until a batch succeeds again.
 */
import type { LeftBlock } from './mirror-merge';
import { NotesFolderMirror, type MirrorSource, type MirrorWrite } from './notes-folder-mirror';

/** The notes folder setting as stored (store/library-file.ts's NotesFolderState). */
export interface KeptFolder {
  path: string;
  told: string[];
}

/** What the keeper reads and writes. */
export interface NotesFolderKeeperOptions {
  /** What a document holds now (null: Gloss no longer knows it). */
  load: (documentId: string) => Promise<MirrorSource | null>;
  /** The stored setting. */
  state: { get(): KeptFolder | null; set(state: KeptFolder | null): Promise<void> };
  /** Tells the reader something, in words. */
  tell: (message: string) => void;
  /** How many told blocks are remembered at most. */
  maxTold: number;
  /** How long changes are gathered before a batch is written. */
  delayMs?: number;
}

/** Keeps the chosen notes folder in step with the annotations (see the module comment). */
export class NotesFolderKeeper {
  readonly #options: NotesFolderKeeperOptions;
  #mirror: NotesFolderMirror | null = null;
  #folder: string | null = null;
  #failing = false;
  /** Writes of the told list, one after another. */
  #saving: Promise<void> = Promise.resolve();

  constructor(options: NotesFolderKeeperOptions) {
    this.#options = options;
    const stored = options.state.get();
    if (stored !== null) this.#start(stored.path);
  }

  /** The folder kept in step, or null. */
  get folder(): string | null {
    return this.#folder;
  }

  /** Keeps `folder` from now on (the one kept before is flushed and left); `writeAll` fills it. */
  async use(folder: string): Promise<void> {
    await this.#mirror?.flush();
    const stored = this.#options.state.get();
    if (stored?.path !== folder) await this.#save({ path: folder, told: [] });
    this.#start(folder);
  }

  /** Writes the given documents into the folder now; resolves with what the batch did. */
  async writeAll(documentIds: readonly string[]): Promise<MirrorWrite[]> {
    if (this.#mirror === null) return [];
    for (const id of documentIds) this.#mirror.notify(id);
    const writes = await this.#mirror.flush();
    await this.#saving;
    return writes;
  }

  /** Stops keeping a folder; what is pending is written first. Its files stay as they are. */
  async stop(): Promise<void> {
    await this.#mirror?.flush();
    this.#mirror = null;
    this.#folder = null;
    await this.#save(null);
  }

  /** A document's annotations changed: its file is written with the next batch. */
  notify(documentId: string): void {
    this.#mirror?.notify(documentId);
  }

  /** Writes what is pending now (on quit, at the end of a command). */
  async flush(): Promise<void> {
    await this.#mirror?.flush();
    await this.#saving;
  }

  #start(folder: string): void {
    this.#folder = folder;
    this.#failing = false;
    this.#mirror = new NotesFolderMirror({
      folder,
      load: this.#options.load,
      delayMs: this.#options.delayMs,
      onError: (error, documentId) => this.#failed(folder, error, documentId),
      onBatch: (writes) => this.#afterBatch(folder, writes),
    });
  }

  #failed(folder: string, error: unknown, documentId: string): void {
    if (this.#failing || this.#folder !== folder) return;
    this.#failing = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.#options.tell(`Gloss could not update your notes folder (${folder}) for document ${documentId}: ${reason}. It tries again at the next change.`);
  }

  #afterBatch(folder: string, writes: readonly MirrorWrite[]): void {
    if (this.#folder !== folder) return;
    if (writes.some((write) => write.file !== null)) this.#failing = false;
    const stored = this.#options.state.get();
    if (stored === null || stored.path !== folder) return;
    const told = new Set(stored.told);
    const fresh: { file: string; left: LeftBlock[] }[] = [];
    let changed = false;
    for (const write of writes) {
      if (write.file === null) continue;
      const prefix = `${write.documentId} `;
      const leftNow = new Set(write.left.map((block) => prefix + block.key));
      for (const entry of told) {
        if (entry.startsWith(prefix) && !leftNow.has(entry)) {
          told.delete(entry);
          changed = true;
        }
      }
      const untold = write.left.filter((block) => !told.has(prefix + block.key));
      if (untold.length === 0) continue;
      fresh.push({ file: write.file, left: untold });
      for (const block of untold) told.add(prefix + block.key);
      changed = true;
    }
    if (fresh.length > 0) this.#options.tell(describeLeftBlocks(folder, fresh));
    if (changed) void this.#save({ path: folder, told: [...told].slice(-this.#options.maxTold) });
  }

  #save(state: KeptFolder | null): Promise<void> {
    this.#saving = this.#saving.then(
      () => this.#options.state.set(state),
      () => this.#options.state.set(state),
    );
    // A failed write of the told list means the reader may be told again: say nothing more.
    this.#saving = this.#saving.catch(() => undefined);
    return this.#saving;
  }
}

/** "In your notes folder (…), “Essay.md” has 2 blocks you edited: …" */
export function describeLeftBlocks(folder: string, files: readonly { file: string; left: readonly LeftBlock[] }[]): string {
  const parts = files.map(({ file, left }) => {
    const edited = left.filter((block) => block.reason === 'edited').length;
    const damaged = left.filter((block) => block.reason === 'damaged').length;
    const copies = left.filter((block) => block.reason === 'duplicate').length;
    const what = [
      edited > 0 ? `${edited} block${edited === 1 ? '' : 's'} you edited` : '',
      damaged > 0 ? `${damaged} block${damaged === 1 ? '' : 's'} whose end marker is gone` : '',
      copies > 0 ? `${copies} copied block${copies === 1 ? '' : 's'}` : '',
    ].filter((part) => part !== '');
    return `“${file}” has ${what.join(' and ')}`;
  });
  const one = files.length === 1 && files[0]!.left.length === 1;
  const [it, is] = one ? ['it', 'it is'] : ['them', 'they are'];
  return (
    `In your notes folder (${folder}), ${parts.join('; ')}. Gloss leaves ${it} exactly as ${is} and no longer updates ${it}; ` +
    'undo the edit to let Gloss update the block again, or remove its gloss:begin and gloss:end markers to keep it as your own text.'
  );
}
