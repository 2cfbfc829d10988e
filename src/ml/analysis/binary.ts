/**
 * The binary view: on a data set of exactly two classes, the test split's scores (the
 * model's probability of the `positive` class, from the newest weights) and the ROC and
 * precision-recall curves over them (model/roc.ts). The page counts the 2x2 matrix at
 * its threshold from the same scores.
 */
import type { BinaryCurves } from '../../shared/analysis';
import { MessageError, msg } from '../../shared/message';
import type { ClassificationData } from '../datasets/data';
import { averagePrecision, precisionRecallCurve, rocAuc, rocCurve, thinCurve } from '../model/roc';

/** Points per drawn curve: a few hundred, whatever the size of the test split. */
export const CURVE_POINTS = 300;

/** The curves of `data`'s test split, given its rows' class probabilities [rows, 2] row-major. */
export function binaryCurves(data: ClassificationData, probabilities: Float32Array, positive: number, globalStep: number): BinaryCurves {
  const { test } = data;
  const scores = new Float32Array(test.rows);
  const positives = new Uint8Array(test.rows);
  for (let r = 0; r < test.rows; r++) {
    scores[r] = probabilities[r * 2 + positive];
    positives[r] = test.labels[r] === positive ? 1 : 0;
  }
  const roc = rocCurve(scores, positives);
  const pr = precisionRecallCurve(scores, positives);
  return {
    globalStep,
    positive,
    roc: roc && thinCurve(roc, CURVE_POINTS),
    auc: rocAuc(scores, positives),
    pr: pr && thinCurve(pr, CURVE_POINTS),
    averagePrecision: averagePrecision(scores, positives),
    scores,
    positives,
  };
}

/** Refuses what has no binary curves: more (or fewer) than two classes, no test rows, a class index out of range. */
export function checkBinary(data: ClassificationData, positive: number): void {
  const classes = data.classNames.length;
  if (classes !== 2) throw new MessageError(msg('app.not-binary', { classes }));
  if (positive !== 0 && positive !== 1) throw new MessageError(msg('app.no-class', { classId: positive }));
  if (data.test.rows === 0) throw new MessageError(msg('app.no-test-rows'));
}
