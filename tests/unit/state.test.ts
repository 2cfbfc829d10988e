import { describe, expect, it } from 'vitest';
import { IRIS_DEFAULTS } from '../../src/client/settings';
import { initialState, reduce, type AppState } from '../../src/client/state';

const training = (runId: number): AppState => ({
  ...initialState(IRIS_DEFAULTS, []),
  state: 'training',
  run: { runId, startStep: 0, targetStep: 100, startedAt: 0, updatedAt: 0 },
});

describe('folding worker events into page state', () => {
  it('appends the new points of the current run', () => {
    const s = reduce(training(2), { type: 'progress', runId: 2, globalStep: 10, points: [{ step: 10, split: 'train', loss: 1 }], evaluations: [], log: [] }, 5);
    expect(s.points).toHaveLength(1);
    expect(s.globalStep).toBe(10);
    expect(s.run?.updatedAt).toBe(5);
  });

  it('drops events of a run it no longer follows', () => {
    const before = training(2);
    expect(reduce(before, { type: 'progress', runId: 1, globalStep: 10, points: [], evaluations: [], log: [] }, 5)).toBe(before);
    expect(reduce(before, { type: 'run-end', runId: 1, end: 'done', globalStep: 10, tensors: 1 }, 5)).toBe(before);
  });

  it('shows a failed run as an error with its message', () => {
    const s = reduce(training(3), { type: 'run-end', runId: 3, end: 'error', globalStep: 40, tensors: 1, message: 'The loss became NaN at step 45.' }, 5);
    expect(s.state).toBe('error');
    expect(s.error).toContain('step 45');
  });

  it('a new model clears the curves, the evaluation and the global step', () => {
    const trained = { ...training(1), state: 'done' as const, globalStep: 2000, points: [{ step: 10, split: 'train' as const, loss: 1 }] };
    const s = reduce(trained, { type: 'model', config: IRIS_DEFAULTS, globalStep: 0, parameters: 513, tensors: 12, engine: 'fused', engineReason: 'small' }, 5);
    expect(s).toMatchObject({ state: 'idle', globalStep: 0, points: [], evaluations: [], parameters: 513, engine: { name: 'fused' } });
  });
});
