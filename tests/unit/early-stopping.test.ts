/**
 * Early stopping (tf.estimator's stop_if_no_decrease_hook): the rule on its own, then in
 * a Session on cases built to plateau (a learning rate of 0) and to overfit (random
 * labels a large network memorises).
 */
import { describe, expect, it } from 'vitest';
import { english, thrown } from './words';
import { EarlyStopping } from '../../src/ml/train/earlyStopping';
import { pageCallbacks } from '../../src/ml/app/events';
import type { EarlyStop } from '../../src/shared/types';
import { mulberry32 } from '../../src/ml/model/rng';
import { Session } from '../../src/ml/train/session';
import type { ClassificationData, LabelledSplit } from '../../src/ml/datasets/data';
import type { WorkerEvent } from '../../src/shared/protocol';
import type { EngineChoice, Evaluation, ModelConfig, Split } from '../../src/shared/types';
import { collectingHooks, IRIS_CONFIG, loadIris, ofType } from './helpers';

const evaluation = (split: Split, globalStep: number, averageLoss: number): Evaluation => ({
  split,
  globalStep,
  averageLoss,
  accuracy: 0.5,
  loss: averageLoss,
  examples: 10,
  correct: 5,
});

/** Feeds test losses at steps 100, 200, ...; returns the early stop and the step it came at, or null. */
function run(losses: number[], patience: number): { step: number; stop: EarlyStop } | null {
  const stopper = new EarlyStopping('test', patience);
  for (let i = 0; i < losses.length; i++) {
    const step = (i + 1) * 100;
    const stop = stopper.observe([evaluation('train', step, 0), evaluation('test', step, losses[i])]);
    if (stop !== null) return { step, stop };
  }
  return null;
}

describe('the early-stopping rule', () => {
  it.each<[string, number[], number, number | null]>([
    ['keeps improving', [1, 0.9, 0.8, 0.7, 0.6], 1, null],
    ['plateaus (equal is no improvement)', [1, 0.5, 0.5, 0.5, 0.5], 3, 500],
    ['rises after a best', [1, 0.5, 0.6, 0.7, 0.8], 2, 400],
    ['improves by any amount just in time', [1, 0.5, 0.6, 0.7, 0.4999999, 0.6, 0.7], 3, null],
    ['patience 1 stops at the first miss', [1, 0.5, 0.5000001], 1, 300],
    ['NaN is no improvement', [1, Number.NaN, Number.NaN], 2, 300],
  ])('%s', (_, losses, patience, stopsAt) => {
    expect(run(losses, patience)?.step ?? null).toBe(stopsAt);
  });

  it('names the step, the split, the patience and the best', () => {
    // Data, worded by the page in its language (Alerts).
    expect(run([0.2, 0.0612, 0.07, 0.08, 0.09], 3)?.stop).toEqual({ step: 500, split: 'test', patience: 3, bestStep: 200, bestLoss: 0.0612 });
    expect(run([0.2, 0.3], 1)?.stop).toEqual({ step: 200, split: 'test', patience: 1, bestStep: 100, bestLoss: 0.2 });
  });

  it('watches only its split', () => {
    const stopper = new EarlyStopping('validation', 1);
    expect(stopper.observe([evaluation('test', 100, 1), evaluation('validation', 100, 1)])).toBeNull();
    expect(stopper.observe([evaluation('test', 200, 9), evaluation('validation', 200, 0.5)])).toBeNull();
    expect(stopper.observe([evaluation('test', 300, 0.1)])).toBeNull();
    expect(stopper.observe([evaluation('validation', 400, 0.5)])).toEqual({ step: 400, split: 'validation', patience: 1, bestStep: 200, bestLoss: 0.5 });
  });

  it.each([0, -1, 1.5])('refuses patience %f', (patience) => {
    expect(thrown(() => new EarlyStopping('test', patience))).toMatch(/Patience/);
  });
});

/** A Session whose checkpoint hook records the step of every checkpoint. */
function makeSession(config: ModelConfig, data: ClassificationData, engine: EngineChoice = 'fused') {
  const events: WorkerEvent[] = [];
  const checkpoints: number[] = [];
  const hooks = collectingHooks(events);
  const session = new Session(data, config, { ...pageCallbacks(hooks.post, hooks.yieldToEvents, async (s) => void checkpoints.push(s.globalStep)) }, engine);
  return { session, events, checkpoints };
}

const PLATEAU: ModelConfig = { ...IRIS_CONFIG, optimizer: 'sgd', learningRate: 0 };

/** Iris with its test rows copied as a validation split too: early stopping watches validation only. */
function irisWithValidation(): ClassificationData {
  const iris = loadIris();
  return { ...iris, validation: { ...iris.test, features: iris.test.features.slice(), labels: iris.test.labels.slice() } };
}

/** Random features and labels: nothing to learn, so a large network memorises the training rows and the test loss rises. */
function noise(rows: number, seed: number): LabelledSplit {
  const random = mulberry32(seed);
  return {
    features: Float32Array.from({ length: rows * 4 }, () => random() * 2 - 1),
    labels: Int32Array.from({ length: rows }, () => Math.floor(random() * 3)),
    rows,
  };
}

describe.each<EngineChoice>(['fused', 'tfjs'])('early stopping in a Session (%s engine)', (engine) => {
  it('ends a plateau as done after `patience` evaluations without a lower validation loss, with the message and a final checkpoint', async () => {
    const { session, events, checkpoints } = makeSession(PLATEAU, irisWithValidation(), engine);
    await session.train(1, 2000, 100, 3);
    expect(session.globalStep).toBe(400);
    const [end] = ofType(events, 'run-end');
    expect(end).toMatchObject({ end: 'done', globalStep: 400 });
    expect(end.earlyStop).toMatchObject({ step: 400, split: 'validation', patience: 3, bestStep: 100 });
    expect(checkpoints).toEqual([400]);
    session.dispose();
  });
});

describe('early stopping in a Session', () => {
  it('patience 0 never stops early', async () => {
    const { session, events } = makeSession(PLATEAU, loadIris());
    await session.train(1, 1500, 100, 0);
    expect(ofType(events, 'run-end')).toEqual([expect.objectContaining({ end: 'done', globalStep: 1500 })]);
    expect(ofType(events, 'run-end')[0].earlyStop).toBeUndefined();
    session.dispose();
  });

  it('stops a network that overfits near its best validation loss and puts the best weights back', async () => {
    const data: ClassificationData = {
      name: 'noise',
      featureNames: ['a', 'b', 'c', 'd'],
      classNames: ['x', 'y', 'z'],
      train: noise(24, 1),
      validation: noise(60, 2),
      test: noise(60, 4),
    };
    const config: ModelConfig = { ...IRIS_CONFIG, hiddenUnits: [64, 64], optimizer: 'adam', learningRate: 0.01, batchSize: 24 };
    const { session, events } = makeSession(config, data);
    await session.train(1, 5000, 50, 4);
    const [end] = ofType(events, 'run-end');
    const all = ofType(events, 'progress').flatMap((e) => e.evaluations);
    const trained = all.filter((e) => e.restoredFrom === undefined);
    const validations = trained.filter((e) => e.split === 'validation');
    const best = validations.reduce((a, b) => (b.averageLoss < a.averageLoss ? b : a));
    expect(end.end).toBe('done');
    expect(end.globalStep).toBeLessThan(5000);
    expect(end.globalStep).toBe(best.globalStep + 4 * 50);
    expect(end.earlyStop).toEqual({ step: end.globalStep, split: 'validation', patience: 4, bestStep: best.globalStep, bestLoss: best.averageLoss });
    // It did overfit: the training loss kept falling while the validation loss rose.
    const trainEvals = trained.filter((e) => e.split === 'train');
    expect(trainEvals[trainEvals.length - 1].averageLoss).toBeLessThan(trainEvals.find((e) => e.globalStep === best.globalStep)?.averageLoss ?? 0);
    expect(validations[validations.length - 1].averageLoss).toBeGreaterThan(best.averageLoss);
    // restore_best_weights: the model now is the best step's, evaluated again at the step the run ended.
    expect(end.restoredStep).toBe(best.globalStep);
    const restored = all.filter((e) => e.restoredFrom !== undefined);
    expect(restored.map((e) => [e.split, e.globalStep, e.restoredFrom])).toEqual([
      ['train', end.globalStep, best.globalStep],
      ['validation', end.globalStep, best.globalStep],
      ['test', end.globalStep, best.globalStep],
    ]);
    expect(restored[1].averageLoss).toBeCloseTo(best.averageLoss, 5);
    const testAtBest = trained.find((e) => e.split === 'test' && e.globalStep === best.globalStep);
    expect(restored[2].accuracy).toBeCloseTo(testAtBest?.accuracy ?? -1, 6);
    // The restored evaluations add no curve points: the curves show what training did.
    const points = ofType(events, 'progress').flatMap((e) => e.points).filter((p) => p.split === 'validation' && p.step === end.globalStep);
    expect(points).toHaveLength(1);
    // And the global step keeps counting from where the run ended.
    expect(session.globalStep).toBe(end.globalStep);
    session.dispose();
  });

  it('Stop keeps the newest weights (nothing is restored)', async () => {
    const { session, events } = makeSession(PLATEAU, irisWithValidation());
    const run = session.train(1, 100_000, 100, 50);
    await new Promise((r) => setTimeout(r, 50));
    session.stop(1);
    await run;
    const [end] = ofType(events, 'run-end');
    expect(end.end).toBe('stopped');
    expect(end.restoredStep).toBeUndefined();
    expect(ofType(events, 'progress').flatMap((e) => e.evaluations).some((e) => e.restoredFrom !== undefined)).toBe(false);
    session.dispose();
  });

  it('watches the validation split when there is one, and names it', async () => {
    const iris = loadIris();
    const { session, events } = makeSession(PLATEAU, { ...iris, validation: noise(20, 3) });
    await session.train(1, 2000, 100, 2);
    expect(ofType(events, 'run-end')[0].earlyStop).toMatchObject({ step: 300, split: 'validation', patience: 2 });
    session.dispose();
  });

  it('a new run counts afresh', async () => {
    const { session, events } = makeSession(PLATEAU, irisWithValidation());
    await session.train(1, 2000, 100, 2);
    await session.train(2, 2000, 100, 2);
    expect(ofType(events, 'run-end').map((e) => [e.end, e.globalStep])).toEqual([
      ['done', 300],
      ['done', 600],
    ]);
    expect(ofType(events, 'run-end')[1].earlyStop).toMatchObject({ step: 600, bestStep: 400 });
    session.dispose();
  });

  it('with no validation split it says so, never watches the test rows, and trains to the last step', async () => {
    const { session, events } = makeSession(PLATEAU, loadIris());
    await session.train(1, 500, 100, 1);
    expect(english(ofType(events, 'notice')[0].message)).toMatch(/Early stopping watches a validation split, never the test rows/);
    expect(ofType(events, 'run-end')[0]).toMatchObject({ end: 'done', globalStep: 500 });
    expect(ofType(events, 'run-end')[0].earlyStop).toBeUndefined();
    session.dispose();
  });
});
