/**
 * One model-replacing request at a time (the store's). A load, a re-read of the CSV, a
 * reset, a restore or an import is answered by the worker with a `model` event (or an
 * `error`). Until it is, what the person asks that must follow it waits here and is
 * replayed in order once it is in: a run begun meanwhile would otherwise be wiped by that
 * model event, or train the model being replaced (a CI failure on a busy machine). No
 * control is disabled for it, so the keyboard focus never drops.
 */
import type { CsvChoices } from '../shared/types';
import type { WorkerEvent } from '../shared/protocol';

/**
 * An action that waits: re-read choices (merged, so a run of arrow keys on the label select
 * is one re-read), a run (Train, Play, Step: Stop and a replaced worker drop these), or a
 * load (kept: what the person dropped or picked is still what they asked for).
 */
type Waiting = { kind: 'choices'; change: CsvChoices } | { kind: 'run' | 'load'; go: () => void };

export class ModelQueue {
  /** A model-replacing request is on its way (no `model` or `error` event for it yet). */
  awaiting = false;
  private waiting: Waiting[] = [];

  /** A request whose answer is a new model (or an error) was sent. */
  sent(): void {
    this.awaiting = true;
  }

  /** A worker event: a model or an error settles the request on its way. */
  settle(event: WorkerEvent): void {
    if (event.type === 'model' || event.type === 'error') this.awaiting = false;
  }

  /** The worker was replaced: its model never comes. The new one re-opens the session; loads still go, no run it did not start itself. */
  workerReplaced(): void {
    this.awaiting = false;
    this.dropRuns();
  }

  /** While a model is on its way: keep `go` for when it is in, and say so (the caller returns). */
  held(kind: 'run' | 'load', go: () => void): boolean {
    if (!this.awaiting) return false;
    this.push(kind, go);
    return true;
  }

  /** Keep `go` whatever is on its way (a CSV dropped while the page is still starting). */
  push(kind: 'run' | 'load', go: () => void): void {
    this.waiting.push({ kind, go });
  }

  /** Re-read choices asked while a model is on its way merge into the newest waiting ones. */
  heldChoices(change: CsvChoices): boolean {
    if (!this.awaiting) return false;
    const last = this.waiting[this.waiting.length - 1];
    if (last?.kind === 'choices') last.change = { ...last.change, ...change };
    else this.waiting.push({ kind: 'choices', change });
    return true;
  }

  /** Stop: no run that was waiting starts after all. */
  dropRuns(): void {
    this.waiting = this.waiting.filter((w) => w.kind !== 'run');
  }

  /**
   * What waited, in order, as far as it can go (`ready`: the page can load or train now): a
   * replayed request that awaits a model of its own, or a run that starts, holds back the
   * rest until its own end.
   */
  replay(ready: () => boolean, configure: (change: CsvChoices) => void): void {
    while (this.waiting.length > 0 && !this.awaiting && ready()) {
      const next = this.waiting.shift();
      if (next?.kind === 'choices') configure(next.change);
      else next?.go();
    }
  }
}
