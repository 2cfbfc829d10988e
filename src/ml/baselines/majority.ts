/**
 * ZeroR: always answer the most frequent training class. Its test accuracy is the
 * floor a classifier must clear: on a table where 89 % of the rows are one class,
 * a network at 0.89 has learned nothing.
 */
import type { LabelledSplit } from '../datasets/data';

export interface MajorityBaseline {
  /** The most frequent class of the training split (the lowest id among equals). */
  classIndex: number;
  /** Share of the test rows of that class, in [0, 1]. */
  accuracy: number;
}

/** Class counts of a split, [classes]. */
export function classCounts(labels: Int32Array, classes: number): Int32Array {
  const counts = new Int32Array(classes);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return counts;
}

/** ZeroR fitted on `train` and scored on `test` (at least one row). */
export function majorityBaseline(train: LabelledSplit, test: LabelledSplit, classes: number): MajorityBaseline {
  const counts = classCounts(train.labels.subarray(0, train.rows), classes);
  let classIndex = 0;
  for (let c = 1; c < classes; c++) if (counts[c] > counts[classIndex]) classIndex = c;
  let correct = 0;
  for (let r = 0; r < test.rows; r++) if (test.labels[r] === classIndex) correct++;
  return { classIndex, accuracy: correct / test.rows };
}
