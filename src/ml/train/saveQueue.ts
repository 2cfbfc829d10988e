/**
 * The order of a session's checkpoint writes (session.ts): one at a time, each after the one
 * before. A write reads what it saves as it begins (Persistence.save), so a run's steps may
 * go on while IndexedDB writes; `settled` is what the next run, or a new data set, waits for.
 * Why a class: the run's last save is held before run-end is told and begun after it, and the
 * mid-run saves must not overlap it.
 */
export class SaveQueue {
  /** The newest write, begun or held, until it is done. */
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: () => Promise<void>,
    /** A write that threw: the run goes on (or has ended), so it is told, not thrown. */
    private readonly failed: (error: unknown) => void,
  ) {}

  /** Settles when every write begun or held so far is done. */
  get settled(): Promise<void> {
    return this.last;
  }

  /**
   * After the writes before it, one write, begun before this resolves: a caller that awaits
   * this saves the state it sees. `written` settles when the write is done.
   */
  async begin(): Promise<{ written: Promise<void> }> {
    await this.last;
    const written = this.write().catch((error: unknown) => void this.failed(error));
    this.last = written;
    return { written };
  }

  /**
   * Holds a place for one write: `settled` waits for it from now on. The returned function
   * begins it, after the writes before (or, given false, only lets the queue go on).
   */
  hold(): (write: boolean) => Promise<void> {
    const before = this.last;
    let release = () => {};
    this.last = new Promise<void>((resolve) => (release = resolve));
    return async (write) => {
      await before;
      if (write) await this.write().catch((error: unknown) => void this.failed(error));
      release();
    };
  }
}
