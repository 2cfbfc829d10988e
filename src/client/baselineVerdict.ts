/**
 * What the page says of the network against the baselines: the simplest baseline its test
 * accuracy does not beat (the majority class first: not beating it is the plainest
 * failure), or that it beats them all and the best of them. Pure, for the panel and tests.
 */
import type { ClassificationBaselines, RegressionBaselines } from '../shared/types';

export type BaselineName = 'majority' | 'logistic' | 'forest';

/** Simplest first. */
export const BASELINE_NAMES: readonly BaselineName[] = ['majority', 'logistic', 'forest'];

export type Verdict = { beaten: false; baseline: BaselineName; score: number } | { beaten: true; baseline: BaselineName; score: number };

export function baselineVerdict(baselines: ClassificationBaselines, networkAccuracy: number): Verdict {
  for (const name of BASELINE_NAMES) {
    const score = baselines[name].accuracy;
    // Accuracies on the same test rows: equal means as many rows right, which is not better.
    if (networkAccuracy <= score) return { beaten: false, baseline: name, score };
  }
  let best: BaselineName = 'majority';
  for (const name of BASELINE_NAMES) if (baselines[name].accuracy > baselines[best].accuracy) best = name;
  return { beaten: true, baseline: best, score: baselines[best].accuracy };
}

export type RegressionBaselineName = 'mean' | 'linear';
export const REGRESSION_BASELINE_NAMES: readonly RegressionBaselineName[] = ['mean', 'linear'];

/** A regression's verdict, by test R² (higher is better): the simplest baseline the network does not beat, or the best it beats. */
export function regressionVerdict(baselines: RegressionBaselines, networkR2: number): { beaten: boolean; baseline: RegressionBaselineName; score: number } {
  for (const name of REGRESSION_BASELINE_NAMES) {
    const score = baselines[name].r2;
    if (networkR2 <= score) return { beaten: false, baseline: name, score };
  }
  const best = baselines.linear.r2 >= baselines.mean.r2 ? 'linear' : 'mean';
  return { beaten: true, baseline: best, score: baselines[best].r2 };
}
