/**
 * The charts' history as a CSV file, the way TensorBoard's scalars dashboard offers a
 * run's curve for download: one row per point, `step,split,loss,accuracy,seconds`
 * (seconds: training time since the model was built, TensorBoard's relative time). A
 * regressor's history (its evaluations carry `mae`, never `accuracy`) has `mae` in the label's units instead.
 */
import type { MetricPoint, Split } from '../../shared/types';

/** Row order within a step: the order the evaluation runs the splits. */
const SPLIT_ORDER: Record<Split, number> = { train: 0, validation: 1, test: 2 };

/** A number as the shortest text that reads back to it; empty when absent or not finite. */
const cell = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? String(v) : '');

/**
 * `step,split,loss,accuracy,seconds` rows sorted by step, then split (train, validation,
 * test), keeping the given order otherwise. Accuracy is empty for the training
 * batches' loss points, which have none; seconds for histories saved before it was kept. LF line ends, a final newline, ASCII only.
 */
export function historyCsv(points: readonly MetricPoint[]): string {
  const regression = points.some((p) => p.mae !== undefined);
  const metric = (p: MetricPoint) => cell(regression ? p.mae : p.accuracy);
  const rows = points
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.step - b.p.step || SPLIT_ORDER[a.p.split] - SPLIT_ORDER[b.p.split] || a.i - b.i)
    .map(({ p }) => `${p.step},${p.split},${cell(p.loss)},${metric(p)},${cell(p.seconds)}`);
  return [`step,split,loss,${regression ? 'mae' : 'accuracy'},seconds`, ...rows].join('\n') + '\n';
}
