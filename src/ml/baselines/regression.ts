/**
 * A regression data set's baselines (DNNRegressor's references): the training targets'
 * mean (scikit-learn's DummyRegressor: R² 0 on the rows it was fitted on, about 0 or a
 * little below on test) and ordinary least squares on the encoded features (linear.ts:
 * LinearRegression). Both are fitted on the training split's standardised targets
 * z = (y - mean) / sd and scored on the test split in the label's units, ŷ = ẑ · sd + mean,
 * with regressionMetrics as the network's evaluations are. Null without test or training rows.
 */
import type { RegressionBaselines, RegressionMetrics, RegressionTarget } from '../../shared/types';
import { requireTargets, type ClassificationData, type LabelledSplit } from '../datasets/data';
import { regressionMetrics, unstandardize } from '../model/regression';
import { fitLinear, predictLinear } from './linear';
import { NO_PAUSE, type Pace } from './pace';
import { partTimer, type BaselineOptions } from './timing';

/** A data set whose label is a number: `target` present, and `targets` on every split. */
export type RegressionData = Pick<ClassificationData, 'featureNames' | 'classNames' | 'train' | 'test'> & { target: RegressionTarget };

export function isRegression<D extends Pick<ClassificationData, 'target'>>(data: D): data is D & { target: RegressionTarget } {
  return data.target !== undefined;
}

export async function computeRegressionBaselines(data: RegressionData, { pace = NO_PAUSE, now = () => performance.now() }: BaselineOptions = {}): Promise<RegressionBaselines | null> {
  const { train, test, target } = data;
  if (test.rows === 0 || train.rows === 0) return null;
  const { pace: timed, lap } = partTimer(pace, now);
  const mean = { ...meanBaseline(train, test, target), ms: lap() };
  await timed.pause();
  lap();
  const linear = { ...(await linearBaseline(train, test, data.featureNames.length, target, timed)), ms: lap() };
  // No seed: both are deterministic fits.
  return { task: 'regression', testRows: test.rows, trainRows: train.rows, mean, linear };
}

/** A split's standardised targets [rows]; a regression data set has them on every split. */
function targetsOf(split: LabelledSplit): Float32Array {
  return requireTargets(split).subarray(0, split.rows);
}

/** The split's labels in their own units, float64 [rows]. */
export function actualValues(split: LabelledSplit, target: RegressionTarget): Float64Array {
  return Float64Array.from(targetsOf(split), (z) => unstandardize(z, target));
}

/** RMSE, MAE and R² of the training targets' mean on `test`. */
export function meanBaseline(train: LabelledSplit, test: LabelledSplit, target: RegressionTarget): RegressionMetrics {
  const z = targetsOf(train);
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i];
  const guess = unstandardize(sum / z.length, target);
  const { rmse, mae, r2 } = regressionMetrics(new Float64Array(test.rows).fill(guess), actualValues(test, target));
  return { rmse, mae, r2 };
}

/** RMSE, MAE and R² on `test` of least squares fitted on `train`. */
export async function linearBaseline(train: LabelledSplit, test: LabelledSplit, inputs: number, target: RegressionTarget, pace: Pace): Promise<RegressionMetrics> {
  const fit = await fitLinear(train.features, targetsOf(train), train.rows, inputs, pace);
  const predicted = predictLinear(fit, test.features, test.rows).map((z) => unstandardize(z, target));
  const { rmse, mae, r2 } = regressionMetrics(predicted, actualValues(test, target));
  return { rmse, mae, r2 };
}
