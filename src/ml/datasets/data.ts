/**
 * The encoded data set the model trains on: numbers only, already in the shape the
 * network reads. Built in the worker from a preset or a file; never sent whole to the page.
 */
import { msg } from '../../shared/message';
import type { ParseResult } from '../../shared/result';
import type { RegressionTarget } from '../../shared/types';

export interface LabelledSplit {
  /** Row-major features, shape [rows, featureCount]. */
  features: Float32Array;
  /** Class ids in [0, classCount), shape [rows]; all 0 for regression (one "class": the split code stays as it is). */
  labels: Int32Array;
  rows: number;
  /** Regression only: the standardised targets (y - target.mean) / target.sd, shape [rows]. */
  targets?: Float32Array;
}

export interface ClassificationData {
  name: string;
  featureNames: string[];
  /** The classes; for regression [target.name], so the output layer is one unit wide everywhere widths are derived. */
  classNames: string[];
  /** Present for regression (DNNRegressor): every split then has `targets`. */
  target?: RegressionTarget;
  train: LabelledSplit;
  test: LabelledSplit;
  /** MNIST's read_data_sets has one; evaluated beside train and test when present. */
  validation?: LabelledSplit;
}

export const PREVIEW_ROWS = 10;

/** A regression split's targets, which every regression data set's splits carry. */
export function requireTargets(split: LabelledSplit): Float32Array {
  if (split.targets === undefined) throw new Error('A regression split needs its targets.');
  return split.targets;
}

/** float32 -> the decimal the file had (6.4, not 6.400000095367432). */
export const shortNumber = (v: number): string => String(Number(v.toPrecision(7)));

/** Inputs that are the features themselves, as numbers (Iris). */
export function numericInputs(featureNames: string[], values: string[]): ParseResult<Float32Array> {
  if (values.length !== featureNames.length) {
    return { ok: false, reason: msg('app.value-count', { expected: featureNames.length, found: values.length }) };
  }
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i].trim());
    if (values[i].trim() === '' || !Number.isFinite(v)) return { ok: false, reason: msg('app.enter-number', { input: featureNames[i] }) };
    out[i] = v;
  }
  return { ok: true, value: out };
}

/** The first training rows as text: every feature, then the class name. */
export function previewRows(data: ClassificationData, rows = PREVIEW_ROWS): string[][] {
  const f = data.featureNames.length;
  const out: string[][] = [];
  for (let r = 0; r < Math.min(rows, data.train.rows); r++) {
    const cells = Array.from(data.train.features.subarray(r * f, (r + 1) * f), shortNumber);
    out.push([...cells, data.classNames[data.train.labels[r]]]);
  }
  return out;
}


