/** A run's steps, evaluation rhythm and patience from the settings and the data's size (src/client/runPlan.ts). */
import { describe, expect, it } from 'vitest';
import { epochOf, runPlan } from '../../src/client/runPlan';
import { DEFAULTS, IRIS_DEFAULTS, MNIST_DEFAULTS } from '../../src/client/settings';

/** read_data_sets' training split. */
const MNIST_TRAIN_ROWS = 55000;
const LARGE_FILE_ROWS = 100000;

describe('the run plan', () => {
  it('keeps the tutorials exactly: 2000 steps, evaluations every 100 (Iris) and 1000 (MNIST), no early stopping', () => {
    expect(runPlan(IRIS_DEFAULTS, 120)).toEqual({ steps: 2000, evalEvery: 100, patience: 0, stepsPerEpoch: 120 / 128 });
    expect(runPlan(MNIST_DEFAULTS, MNIST_TRAIN_ROWS)).toMatchObject({ steps: 2000, evalEvery: 1000, patience: 0 });
  });

  it('sizes a CSV run in epochs: the same epochs are few steps on a small file and many on a large one', () => {
    const csv = DEFAULTS.csv;
    // 96 training rows, batch 128: a step is 1.33 epochs.
    const small = runPlan(csv, 96);
    expect(small.steps).toBe(Math.ceil(2000 * 0.75));
    expect(small.evalEvery).toBe(3); // 1500 steps / 500 evaluations at most
    expect(small.patience).toBe(Math.ceil((50 * 0.75) / 3));
    // 6,400 training rows: 50 steps an epoch, an evaluation each epoch, patience 50 epochs = 50 evaluations.
    const large = runPlan(csv, 6400);
    expect(large).toMatchObject({ steps: 2000 * 50, evalEvery: 200, patience: Math.ceil((50 * 50) / 200) });
  });

  it('steps typed by the person win (epochs 0), and patience is at least one evaluation', () => {
    expect(runPlan({ ...DEFAULTS.csv, epochs: 0, steps: 300 }, 1000)).toMatchObject({ steps: 300 });
    expect(runPlan({ ...DEFAULTS.csv, patience: 1 }, LARGE_FILE_ROWS).patience).toBe(1);
  });

  it('says the epoch of a step', () => {
    expect(epochOf(15, 128, 96)).toBeCloseTo(20, 10);
    expect(epochOf(0, 128, 0)).toBe(0);
  });
});
