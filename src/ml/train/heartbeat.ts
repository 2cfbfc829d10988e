/**
 * Telling the page the worker is alive while it works on something long (a chunked
 * evaluation, a checkpoint's IndexedDB write), so its watchdog (client/workerClient.ts:
 * 10 s of silence during a run means hung) fires only on a real hang. A beat is sent at
 * most every BEAT_MS; while a promise is pending a timer beats too, which works because
 * the worker's thread is free while IndexedDB writes.
 */

/** Least time between two beats: the watchdog allows 10 s, so a beat a second leaves room for a slow machine. */
export const BEAT_MS = 1000;

export class Heartbeat {
  private last = -Infinity;

  constructor(private readonly send: (() => void) | undefined) {}

  /** A beat, unless one went out less than BEAT_MS ago. */
  beat(): void {
    const now = performance.now();
    if (!this.send || now - this.last < BEAT_MS) return;
    this.last = now;
    this.send();
  }

  /** Await `work`, beating every BEAT_MS while it is pending. */
  async during<T>(work: Promise<T>): Promise<T> {
    if (!this.send) return work;
    this.beat();
    const timer = setInterval(() => this.beat(), BEAT_MS);
    try {
      return await work;
    } finally {
      clearInterval(timer);
    }
  }
}
