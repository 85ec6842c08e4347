/**
 * What the window puts off until its first frame is drawn: a gate that opens once, and parts
 * built only after it opened, on their first use. renderer/main.ts loads the reading tools
 * (highlights, find, export, the library) this way, so the page neither fetches nor runs their
 * code on the way to the article's first frame, yet nothing asked of them meanwhile is lost or
 * reordered.
 */

/** Opens once; work asked for before runs when it opens, work asked for after runs at once. */
export class Gate {
  private wasOpened = false;
  private release: () => void = () => undefined;
  /** Resolves when the gate opens. */
  readonly opened = new Promise<void>((resolve) => (this.release = resolve));

  /** Opens the gate (again is harmless). */
  open(): void {
    this.wasOpened = true;
    this.release();
  }

  /** Whether the gate has opened. */
  get isOpen(): boolean {
    return this.wasOpened;
  }

  /**
   * Runs `work` once the gate is open: synchronously when it already is (a request made at
   * once loses no time), else when it opens. Resolves with what `work` returns, awaited.
   */
  after<T>(work: () => T): Promise<Awaited<T>> {
    return (this.isOpen ? Promise.resolve(work()) : this.opened.then(work)) as Promise<Awaited<T>>;
  }
}

/**
 * Parts built once, by `build`, the first time they are used. Uses are served in the order they
 * were asked for, each once the one before has been made (not finished): a document shown and
 * then closed before the parts exist is shown and cleared in that order.
 */
export class DeferredParts<T> {
  private built: T | null = null;
  private building: Promise<T> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly build: () => Promise<T>) {}

  /** The parts once built, else null: for questions that have an answer before (is the library shown? no). */
  get value(): T | null {
    return this.built;
  }

  /** Builds the parts (once); resolves with them, or rejects when they could not be built. */
  load(): Promise<T> {
    this.building ??= this.build().then((parts) => (this.built = parts));
    return this.building;
  }

  /**
   * Calls `use` with the parts, after every use asked for before it. Resolves with what `use`
   * returns (awaited); only the call is queued, not what it then waits for. A use that throws,
   * or parts that cannot be built, reject this use only: later ones still run.
   */
  use<R>(use: (parts: T) => R): Promise<Awaited<R>> {
    const called = this.queue.then(() => this.load()).then((parts) => ({ value: use(parts) }));
    this.queue = called.catch(() => undefined);
    return called.then(({ value }) => value) as Promise<Awaited<R>>;
  }
}
