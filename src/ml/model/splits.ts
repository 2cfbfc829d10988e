/** Splits uploaded once to the tfjs backend, so no step or evaluation re-uploads rows. */
import * as tf from '@tensorflow/tfjs';
import type { LabelledSplit } from '../datasets/data';

/** x [rows, features] float32, y [rows] int32. */
export interface SplitTensors {
  x: tf.Tensor2D;
  y: tf.Tensor1D;
  rows: number;
}

export function uploadSplit(split: LabelledSplit, featureCount: number): SplitTensors {
  return {
    x: tf.tensor2d(split.features, [split.rows, featureCount], 'float32'),
    y: tf.tensor1d(split.labels, 'int32'),
    rows: split.rows,
  };
}

export function disposeSplit(split: SplitTensors): void {
  split.x.dispose();
  split.y.dispose();
}
