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

export async function computeBaselines(data: ClassificationData, { seed = 42, pace = NO_PAUSE, now = () => performance.now() }: BaselineOptions = {}): Promise<ClassificationBaselines | null> {
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
export function baselinesFor(data: ClassificationData, options: BaselineOptions = {}): Promise<Baselines | null> {
  return isRegression(data) ? computeRegressionBaselines(data, options) : computeBaselines(data, options);
}
