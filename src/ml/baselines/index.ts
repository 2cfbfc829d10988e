/**
 * The baselines of a data set (see README.md): ZeroR, softmax regression and a random
 * forest, fitted on the training split and scored on the test split, in that order
 * (cheapest first). Null when there is no test row to score on.
 */
import type { ClassificationBaselines } from '../../shared/types';
import type { ClassificationData } from '../datasets/data';
import { forestBaseline } from './forest';
import { logisticBaseline } from './logistic';
import { majorityBaseline } from './majority';
import { NO_PAUSE, type Pace } from './pace';

export { Superseded, NO_PAUSE, type Pace } from './pace';

export interface BaselineOptions {
  seed?: number;
  pace?: Pace;
  /** Milliseconds now, for the timings (performance.now in the worker). */
  now?: () => number;
}

export async function computeBaselines(data: ClassificationData, { seed = 42, pace = NO_PAUSE, now = () => performance.now() }: BaselineOptions = {}): Promise<ClassificationBaselines | null> {
  const { train, test } = data;
  if (test.rows === 0 || train.rows === 0) return null;
  const inputs = data.featureNames.length;
  const classes = data.classNames.length;
  // Each part's own time: what the worker did for others while paused is not counted.
  let t = now();
  let paused = 0;
  const timed: Pace = {
    pause: async () => {
      const start = now();
      try {
        await pace.pause();
      } finally {
        paused += now() - start;
      }
    },
  };
  const lap = () => {
    const next = now();
    const ms = next - t - paused;
    t = next;
    paused = 0;
    return ms;
  };
  const majority = { ...majorityBaseline(train, test, classes), ms: lap() };
  await timed.pause();
  lap();
  const logistic = { ...(await logisticBaseline(train, test, inputs, classes, seed, timed)), ms: lap() };
  await timed.pause();
  lap();
  const forest = { ...(await forestBaseline(train, test, inputs, classes, seed, timed)), ms: lap() };
  return { testRows: test.rows, trainRows: train.rows, majority, logistic, forest };
}
