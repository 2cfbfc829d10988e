/** The page's side of the baselines: what the verdict names, and that a new data set clears them. */
import { describe, expect, it } from 'vitest';
import { baselineVerdict } from '../../src/client/baselineVerdict';
import { IRIS_DEFAULTS } from '../../src/client/settings';
import { initialState, reduce } from '../../src/client/state';
import type { ClassificationBaselines, DatasetSummary } from '../../src/shared/types';

const baselines = (majority: number, logistic: number, forest: number): ClassificationBaselines => ({
  testRows: 1000,
  trainRows: 4000,
  majority: { accuracy: majority, classIndex: 0, ms: 1 },
  logistic: { accuracy: logistic, steps: 500, epochs: 32, ms: 100 },
  forest: { accuracy: forest, trees: 30, rows: 4000, features: 4, ms: 500 },
});

describe('the verdict', () => {
  it.each([
    // The bird-strike table: the network under the majority class, which is named, not the best baseline.
    [baselines(0.894, 0.9, 0.91), 0.89, { beaten: false, baseline: 'majority', score: 0.894 }],
    [baselines(0.894, 0.9, 0.91), 0.894, { beaten: false, baseline: 'majority', score: 0.894 }],
    [baselines(0.3, 0.95, 0.91), 0.94, { beaten: false, baseline: 'logistic', score: 0.95 }],
    [baselines(0.3, 0.9, 0.96), 0.95, { beaten: false, baseline: 'forest', score: 0.96 }],
    [baselines(0.3, 0.9, 0.96), 0.97, { beaten: true, baseline: 'forest', score: 0.96 }],
    [baselines(0.3, 0.96, 0.96), 0.97, { beaten: true, baseline: 'logistic', score: 0.96 }],
  ] as const)('%#: network %s', (b, network, expected) => {
    expect(baselineVerdict(b, network)).toEqual(expected);
  });
});

describe('page state', () => {
  const summary = { source: 'csv', name: 'birds.csv' } as DatasetSummary;

  it('keeps the baselines of the loaded data set until another loads', () => {
    let s = initialState(IRIS_DEFAULTS, []);
    expect(s.baselines).toEqual({ status: 'computing' });
    s = reduce(s, { type: 'baselines', baselines: baselines(0.5, 0.8, 0.9) }, 0);
    expect(s.baselines).toMatchObject({ status: 'ready', baselines: { forest: { accuracy: 0.9 } } });
    // A new model on the same data keeps them.
    s = reduce(s, { type: 'model', config: IRIS_DEFAULTS, globalStep: 0, parameters: 1, tensors: 0, engine: 'fused', engineReason: '' }, 0);
    expect(s.baselines.status).toBe('ready');
    s = reduce(s, { type: 'dataset', summary }, 0);
    expect(s.baselines).toEqual({ status: 'computing' });
    s = reduce(s, { type: 'baselines', baselines: null }, 0);
    expect(s.baselines).toEqual({ status: 'none' });
  });
});
