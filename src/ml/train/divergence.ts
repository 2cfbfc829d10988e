/**
 * Divergence: a run whose training loss climbs far above where it started, or whose
 * accuracy falls below chance, is going nowhere; a NaN is only the last stage of it (a
 * learning rate of 10 ended "done" with test loss 289 before this). Watches the
 * training split's evaluations, never the test split's, so stopping chooses nothing on
 * test rows. Pure: fed evaluation rounds, it says when a run has diverged and why.
 */
import type { DivergenceInfo as Divergence, Evaluation } from '../../shared/types';

/** Evaluations before "below chance" counts: the first ones of a fresh model may be near it. */
const CHANCE_AFTER = 3;

export class DivergenceWatch {
  private start: number | null = null;
  private seen = 0;

  /**
   * `classes`: the data set's class count (chance = 1 / classes). `variance`: a regression's
   * (its target's variance in the label's units, the loss of predicting the mean, which
   * takes the place of a uniform guess's ln(classes)); there is no chance level then.
   */
  constructor(
    private readonly classes: number,
    private readonly variance: number | null = null,
  ) {}

  /**
   * Where the run started: its first step's training loss per example. A learning rate
   * far too high blows the loss up before the first evaluation (gradient descent at 10 on
   * Iris: 644 at step 100), so the first evaluation is no start to measure from.
   */
  begin(loss: number): void {
    if (this.start === null && Number.isFinite(loss)) this.start = loss;
  }

  /**
   * One evaluation round. Diverged when the training loss exceeds both 3x its first value
   * and that value plus 3 ln(classes) (three times a uniform guess's loss above it), or,
   * from the third round on, the training accuracy is below 1/classes while the loss is
   * above its start: a model that learned nothing would sit at chance, not under it.
   */
  observe(evaluations: readonly Evaluation[]): Divergence | null {
    const e = evaluations.find((x) => x.split === 'train');
    if (!e || !Number.isFinite(e.averageLoss)) return null;
    this.seen++;
    if (this.start === null) {
      // Not begun: the first evaluation is the start.
      this.start = e.averageLoss;
      return null;
    }
    const start = this.start;
    const chance = 1 / Math.max(2, this.classes);
    const base = { step: e.globalStep, loss: e.averageLoss, start, accuracy: e.accuracy, chance };
    const uniform = this.variance ?? Math.log(Math.max(2, this.classes));
    if (e.averageLoss > 3 * start && e.averageLoss > start + 3 * uniform) return { ...base, kind: 'loss' };
    if (this.variance === null && this.seen >= CHANCE_AFTER && e.accuracy < chance && e.averageLoss > start) return { ...base, kind: 'chance' };
    return null;
  }
}
