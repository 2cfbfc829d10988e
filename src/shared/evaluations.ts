/**
 * Evaluations added to a history outside a run (the page's Evaluate), on both sides of
 * the protocol: the worker's Session history and the page's state fold them the same way.
 * An evaluation of a split at a step replaces an earlier one of the same split and step
 * (the same weights give the same numbers), so pressing Evaluate twice, or after a run
 * that ended with an evaluation, never doubles a point on the charts.
 */
import type { Evaluation, MetricPoint } from './types';

export interface Evaluated {
  points: MetricPoint[];
  evaluations: Evaluation[];
}

/** `history` with `added` in, replacing the same split's evaluation (and evaluation point) at the same step. */
export function withEvaluations(history: Evaluated, added: Evaluated): Evaluated {
  const key = (split: string, step: number) => `${split}@${step}`;
  const replaced = new Set(added.evaluations.map((e) => key(e.split, e.globalStep)));
  // Evaluation points carry an accuracy; the training batches' loss points do not, and stay.
  const points = history.points.filter((p) => p.accuracy === undefined || !replaced.has(key(p.split, p.step)));
  const evaluations = history.evaluations.filter((e) => !replaced.has(key(e.split, e.globalStep)));
  return { points: [...points, ...added.points], evaluations: [...evaluations, ...added.evaluations] };
}
