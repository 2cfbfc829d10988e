/**
 * The encoded data set the model trains on: numbers only, already in the shape the
 * network reads. Built in the worker from a preset or a file; never sent whole to the page.
 */
import type { DatasetSummary } from '../shared/protocol';

export interface LabelledSplit {
  /** Row-major features, shape [rows, featureCount]. */
  features: Float32Array;
  /** Class ids in [0, classCount), shape [rows]. */
  labels: Int32Array;
  rows: number;
}

export interface ClassificationData {
  name: string;
  featureNames: string[];
  classNames: string[];
  train: LabelledSplit;
  test: LabelledSplit;
}

const PREVIEW_ROWS = 10;

/** What the page shows of a data set: counts, names and the first training rows. */
export function summarize(data: ClassificationData): DatasetSummary {
  const f = data.featureNames.length;
  const preview = [];
  for (let r = 0; r < Math.min(PREVIEW_ROWS, data.train.rows); r++) {
    preview.push({
      // float32 -> the decimal the file had (6.4, not 6.400000095367432).
      features: Array.from(data.train.features.subarray(r * f, (r + 1) * f), (v) => Number(v.toPrecision(7))),
      label: data.classNames[data.train.labels[r]],
    });
  }
  return {
    name: data.name,
    featureNames: data.featureNames,
    classNames: data.classNames,
    trainRows: data.train.rows,
    testRows: data.test.rows,
    validationRows: 0,
    preview,
  };
}
