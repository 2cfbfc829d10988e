/**
 * The baselines of a data set (see README.md): ZeroR, softmax regression and a random
 * forest, fitted on the training split and scored on the test split, in that order
 * (cheapest first). Null when there is no test row to score on. A regression's (mean,
 * least squares) are in regression.ts; baselinesFor picks by the data set's task.
 */
import type { Baselines, ClassificationBaselines } from '../../shared/types';
import type { ClassificationData } from '../datasets/data';
import { forestBaseline } from './forest';
import { logisticBaseline } from './logistic';
import { majorityBaseline } from './majority';
import { NO_PAUSE } from './pace';
import { computeRegressionBaselines, isRegression } from './regression';
import { partTimer, type BaselineOptions } from './timing';

export { Superseded, NO_PAUSE, type Pace } from './pace';
export { computeRegressionBaselines, isRegression, type RegressionData } from './regression';
export type { BaselineOptions } from './timing';

/**
 * What the baselines read of a data set: its training and test splits and their shape.
 * Plain arrays, so a structured-clone copy goes to the baselines worker as it is.
 */
export type BaselineData = Pick<ClassificationData, 'featureNames' | 'classNames' | 'target' | 'train' | 'test'>;

/** The part of `data` the baselines read (no validation split, no name): what the baselines worker is sent. */
export function baselineData(data: ClassificationData): BaselineData {
  const { featureNames, classNames, target, train, test } = data;
  return target === undefined ? { featureNames, classNames, train, test } : { featureNames, classNames, target, train, test };
}

export async function computeBaselines(data: BaselineData, { seed = 42, pace = NO_PAUSE, now = () => performance.now() }: BaselineOptions = {}): Promise<ClassificationBaselines | null> {
  const { train, test } = data;
  if (test.rows === 0 || train.rows === 0) return null;
  const inputs = data.featureNames.length;
  const classes = data.classNames.length;
  const { pace: timed, lap } = partTimer(pace, now);
  const majority = { ...majorityBaseline(train, test, classes), ms: lap() };
  await timed.pause();
  lap();
  const logistic = { ...(await logisticBaseline(train, test, inputs, classes, seed, timed)), ms: lap() };
  await timed.pause();
  lap();
  const forest = { ...(await forestBaseline(train, test, inputs, classes, seed, timed)), ms: lap() };
  return { testRows: test.rows, trainRows: train.rows, majority, logistic, forest };
}

/**
 * The baselines that fit the data set's task: mean and least squares for a regression
 * (`data.target` present), else majority, logistic and forest. What the worker calls.
 */
export function baselinesFor(data: BaselineData, options: BaselineOptions = {}): Promise<Baselines | null> {
  return isRegression(data) ? computeRegressionBaselines(data, options) : computeBaselines(data, options);
}
