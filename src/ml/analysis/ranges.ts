/**
 * Each numeric input's range over the training rows, in the units the person types
 * (inputView.ts decodes a CSV's standardised columns), so the form can say when a typed
 * value lies far outside what the model was trained on. Pure.
 */
import type { DatasetSummary, InputRange } from '../../shared/types';
import type { InputView } from './inputView';

/** min, max, mean and population sd of the finite values; null when there are none. */
export function rangeOf(values: Float64Array): InputRange | null {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return null;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) if (Number.isFinite(v)) squares += (v - mean) ** 2;
  return { min, max, mean, sd: Math.sqrt(squares / n) };
}

/** The summary with each numeric input's training range (inputs in the same order as the view's). */
export function withInputRanges(summary: DatasetSummary, view: InputView): DatasetSummary {
  if (summary.inputs.length === 0) return summary;
  const inputs = summary.inputs.map((input, i) => {
    const values = input.kind === 'numeric' ? view.numbers('train', i) : null;
    const range = values ? rangeOf(values) : null;
    return range ? { ...input, range } : input;
  });
  return { ...summary, inputs };
}
