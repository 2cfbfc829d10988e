/**
 * Early stopping, as tf.estimator's stop_if_no_decrease_hook: a run ends when the
 * held-out loss (mean cross-entropy per example) has not decreased, by any amount, for
 * `patience` evaluations in a row. The best loss is the best of this run only. Pure:
 * fed the evaluations of one split, it says when to stop and why, in words.
 */
import type { Evaluation, Split } from '../shared/protocol';

export class EarlyStopping {
  private best: { loss: number; step: number } | null = null;
  private since = 0;

  /** `split`: the held-out split it watches (validation when there is one, else test). patience >= 1. */
  constructor(
    readonly split: Split,
    readonly patience: number,
  ) {
    if (!Number.isInteger(patience) || patience < 1) throw new Error(`Patience must be a whole number of at least 1, got ${patience}.`);
  }

  /**
   * One evaluation round (any splits; only the watched one counts). Returns the message
   * to end the run with when the loss has gone `patience` evaluations without a new
   * best, else null. A NaN loss is no improvement.
   */
  observe(evaluations: readonly Evaluation[]): string | null {
    const e = evaluations.find((x) => x.split === this.split);
    if (!e) return null;
    if (this.best === null || e.averageLoss < this.best.loss) {
      this.best = { loss: e.averageLoss, step: e.globalStep };
      this.since = 0;
      return null;
    }
    this.since++;
    if (this.since < this.patience) return null;
    const times = this.patience === 1 ? '1 evaluation' : `${this.patience} evaluations`;
    return `Early stopping at step ${e.globalStep}: the ${this.split} loss has not improved for ${times} (best ${this.best.loss.toFixed(4)} at step ${this.best.step}).`;
  }
}
