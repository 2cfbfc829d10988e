import { describe, expect, it } from 'vitest';
import { IRIS_DEFAULTS } from '../../src/client/settings';
import { answered, asked, initialState, reduce, type AppState } from '../../src/client/state';

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

  it('a new model takes away the form’s refused-row message with the prediction', () => {
    const refused = { ...training(1), state: 'done' as const, predictError: 'Enter a number for sepal width.' };
    const s = reduce(refused, { type: 'model', config: IRIS_DEFAULTS, globalStep: 0, parameters: 513, tensors: 12, engine: 'fused', engineReason: 'small' }, 5);
    expect(s).toMatchObject({ prediction: null, predictError: null });
  });

  it('Play’s run has no end step, and its progress keeps the global step growing', () => {
    const playing: AppState = { ...training(4), run: { runId: 4, startStep: 0, targetStep: Infinity, startedAt: 0, updatedAt: 0, kind: 'play' } };
    const s = reduce(playing, { type: 'progress', runId: 4, globalStep: 2500, points: [], evaluations: [], log: [] }, 9);
    expect(s).toMatchObject({ state: 'training', globalStep: 2500, run: { kind: 'play', targetStep: Infinity } });
  });
});

describe('runs kept for comparison', () => {
  it('a new model archives the trained one with its settings, curves and last test evaluation', () => {
    const dataset = { source: 'iris', name: 'Iris', inputs: [], classNames: ['a'], trainRows: 1, testRows: 1, validationRows: 0, splitNote: '', preview: [] } as const;
    const evaluation = { split: 'test' as const, accuracy: 0.9, averageLoss: 0.2, loss: 6, globalStep: 100, examples: 30, correct: 27 };
    const trained: AppState = {
      ...training(1),
      state: 'done',
      dataset: { ...dataset, inputs: [], preview: [], classNames: ['a'] },
      model: IRIS_DEFAULTS,
      globalStep: 100,
      points: [{ step: 100, split: 'test', loss: 0.2, accuracy: 0.9 }],
      evaluations: [evaluation],
    };
    const next = reduce(trained, { type: 'model', config: { ...IRIS_DEFAULTS, hiddenUnits: [4] }, globalStep: 0, parameters: 1, tensors: 1, engine: 'fused', engineReason: '' }, 5);
    expect(next.runs).toHaveLength(1);
    expect(next.runs[0]).toMatchObject({ id: 1, dataset: 'Iris', globalStep: 100, test: evaluation, config: { hiddenUnits: [10, 20, 10] } });
    expect(next.points).toEqual([]);
    // An untrained model is not a run.
    expect(reduce(next, { type: 'model', config: IRIS_DEFAULTS, globalStep: 0, parameters: 1, tensors: 1, engine: 'fused', engineReason: '' }, 6).runs).toHaveLength(1);
  });
});

describe('analysis views asked of the worker', () => {
  const network = { globalStep: 100, widths: [4, 3], inputNames: [], classNames: [], activation: 'relu' as const, kernels: null };
  const idle = (): AppState => ({ ...initialState(IRIS_DEFAULTS, []), state: 'idle' });
  const modelEvent = { type: 'model', config: IRIS_DEFAULTS, globalStep: 0, parameters: 1, tensors: 1, engine: 'fused', engineReason: '' } as const;

  it('keeps the answer to the pending request and records what was asked', () => {
    const sent = asked(idle(), 'network', 7, 'k1');
    expect(sent.analysis.network).toMatchObject({ pending: { requestId: 7, generation: 0 }, asked: 'k1' });
    const other = answered(sent, 'network', 6, { value: network });
    expect(other).toBe(sent);
    const got = answered(sent, 'network', 7, { value: network });
    expect(got.analysis.network).toMatchObject({ value: network, pending: null, error: null, asked: 'k1' });
  });

  it('shows a failed view request in its panel, not as the page’s alert', () => {
    const sent = asked(idle(), 'boundary', 3, 'k');
    const failed = answered(sent, 'boundary', 3, { error: 'categorical' });
    expect(failed.error).toBeNull();
    expect(failed.analysis.boundary).toMatchObject({ error: 'categorical', pending: null });
    // A failure that is not a call's answer is still the page's.
    expect(reduce(sent, { type: 'error', message: 'other' }, 0).error).toBe('other');
  });

  it('settles an answer asked of a model that has since been replaced as stale: nothing of it is kept', () => {
    const sent = asked(answered(asked(idle(), 'network', 1, 'k0'), 'network', 1, { value: network }), 'network', 2, 'k');
    const reset = reduce(sent, modelEvent, 0);
    expect(reset.generation).toBe(sent.generation + 1);
    expect(reset.analysis.network.pending).not.toBeNull(); // until the store's aborted call settles
    const late = answered(reset, 'network', 2, { value: network });
    expect(late.analysis.network).toMatchObject({ value: null, pending: null, error: null });
  });
});

describe('a failed save is an alert, other notices stay notices', () => {
  const base = initialState(IRIS_DEFAULTS, []);
  it('storage full: the page error (role="alert"), not a status', () => {
    const message = { code: 'checkpoint.quota', params: { what: 'checkpoint', step: 1000, bytes: 4096 } } as const;
    const s = reduce(base, { type: 'notice', message }, 1);
    expect(s.error).toEqual(message);
    expect(s.notices).toEqual([]);
  });
  it('a reopened store is a notice', () => {
    const message = { code: 'checkpoint.reopened', params: { step: 1000 } } as const;
    const s = reduce(base, { type: 'notice', message }, 1);
    expect(s.error).toBeNull();
    expect(s.notices).toEqual([{ kind: 'text', text: message }]);
  });
});
