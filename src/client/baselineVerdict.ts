/**
 * What the page says of the network against the baselines: the simplest baseline its test
 * accuracy does not beat (the majority class first: not beating it is the plainest
 * failure), or that it beats them all and the best of them. Pure, for the panel and tests.
 */
import type { ClassificationBaselines } from '../shared/types';

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
