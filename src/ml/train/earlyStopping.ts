/**
 * Early stopping, as tf.estimator's stop_if_no_decrease_hook: a run ends when the
 * held-out loss (mean cross-entropy per example) has not decreased, by any amount, for
 * `patience` evaluations in a row. The best loss is the best of this run only. It watches
 * a validation split only: choosing when to stop on the test rows would make the test
 * score a selected one (the session refuses patience without validation). Pure:
 * fed the evaluations of one split, it says when to stop and why.
 */
import { MessageError, msg } from '../../shared/message';
import type { EarlyStop, Evaluation, Split } from '../../shared/types';

export class EarlyStopping {
  private best: { loss: number; step: number } | null = null;
  private since = 0;

  /** The step of the best evaluation so far (restore-best keeps its weights), or null before the first. */
  get bestStep(): number | null {
    return this.best?.step ?? null;
  }

  /** `split`: the held-out split it watches (validation). patience >= 1. */
  constructor(
    readonly split: Split,
    readonly patience: number,
  ) {
    if (!Number.isInteger(patience) || patience < 1) throw new MessageError(msg('train.bad-patience', { patience }));
  }

  /**
   * One evaluation round (any splits; only the watched one counts). Returns why the run
   * ends when the loss has gone `patience` evaluations without a new best, else null.
   * A NaN loss is no improvement.
   */
  observe(evaluations: readonly Evaluation[]): EarlyStop | null {
    const e = evaluations.find((x) => x.split === this.split);
    if (!e) return null;
    if (this.best === null || e.averageLoss < this.best.loss) {
      this.best = { loss: e.averageLoss, step: e.globalStep };
      this.since = 0;
      return null;
    }
    this.since++;
    if (this.since < this.patience) return null;
    return { step: e.globalStep, split: this.split, patience: this.patience, bestStep: this.best.step, bestLoss: this.best.loss };
  }
}
