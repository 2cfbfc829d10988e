import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { EVAL_EVERY } from '../../src/ml/session';
import { IRIS_CONFIG, makeSession, ofType } from './helpers';

describe('a training session', () => {
  it('lowers the loss in a short run and reports evaluate() keys', async () => {
    const { session, events } = makeSession();
    await session.train(1, 300);
    const points = ofType(events, 'progress').flatMap((e) => e.points);
    const batchLoss = points.filter((p) => p.split === 'train' && p.accuracy === undefined);
    expect(batchLoss.length).toBe(30);
    expect(batchLoss[batchLoss.length - 1].loss).toBeLessThan(batchLoss[0].loss * 0.6);
    const evaluations = ofType(events, 'progress').flatMap((e) => (e.evaluation ? [e.evaluation] : []));
    expect(evaluations.map((e) => e.globalStep)).toEqual([100, 200, 300]);
    const last = evaluations[evaluations.length - 1];
    expect(last).toMatchObject({ split: 'test', examples: 30, globalStep: 300 });
    expect(last.accuracy).toBeCloseTo(last.correct / 30, 10);
    // One test batch of 30 rows: the TF1 head's loss is the batch's summed loss.
    expect(last.loss).toBeCloseTo(last.averageLoss * 30, 3);
    expect(ofType(events, 'run-end')).toEqual([expect.objectContaining({ end: 'done', globalStep: 300 })]);
    session.dispose();
  });

  it('reaches the tutorial accuracy (>= 0.9) after 2000 steps with the default seed', async () => {
    const { session, events } = makeSession();
    await session.train(1, 2000);
    const final = ofType(events, 'progress').flatMap((e) => (e.evaluation ? [e.evaluation] : [])).pop();
    expect(final?.globalStep).toBe(2000);
    expect(final?.accuracy).toBeGreaterThanOrEqual(0.9);
    const versicolor = await session.predict([6.4, 3.2, 4.5, 1.5]);
    expect(versicolor.className).toBe('versicolor');
    expect(versicolor.probabilities.reduce((a, b) => a + b)).toBeCloseTo(1, 5);
    expect(versicolor.logits).toHaveLength(3);
    session.dispose();
  });

  it('continues from the global step: train(100) twice equals train(200) once', async () => {
    const twice = makeSession();
    await twice.session.train(1, 100);
    await twice.session.train(2, 100);
    const once = makeSession();
    await once.session.train(1, 200);
    expect(twice.session.globalStep).toBe(200);
    const a = await twice.session.predict([5.8, 3.1, 5.0, 1.7]);
    const b = await once.session.predict([5.8, 3.1, 5.0, 1.7]);
    expect(a.probabilities).toEqual(b.probabilities);
    twice.session.dispose();
    once.session.dispose();
  });

  it('leaks no tensors across train, stop and reset', async () => {
    const { session } = makeSession();
    const start = tf.memory().numTensors;
    await session.train(1, 150);
    const afterFirstRun = tf.memory().numTensors; // + the optimizer's slots, made on the first step
    await session.train(2, 150);
    expect(tf.memory().numTensors).toBe(afterFirstRun);
    const run = session.train(3, 100_000);
    setTimeout(() => session.stop(3), 20);
    await run;
    expect(session.globalStep).toBeLessThan(100_300);
    expect(tf.memory().numTensors).toBe(afterFirstRun);
    session.reset(IRIS_CONFIG);
    expect(tf.memory().numTensors).toBe(start);
    session.dispose();
  });

  it('Stop ends the run as stopped at a chunk boundary, not at the target', async () => {
    const { session, events } = makeSession();
    const run = session.train(7, 1_000_000);
    await new Promise((r) => setTimeout(r, 30));
    session.stop(7);
    session.stop(99); // a stale run id changes nothing
    await run;
    const end = ofType(events, 'run-end')[0];
    expect(end.end).toBe('stopped');
    expect(end.globalStep).toBeGreaterThan(0);
    expect(end.globalStep).toBeLessThan(1_000_000);
    // The final evaluation is at the step where it stopped.
    const last = ofType(events, 'progress').pop();
    expect(last?.evaluation?.globalStep).toBe(end.globalStep);
    session.dispose();
  });

  it('stops on a non-finite loss, names the step and keeps the last good weights', async () => {
    const { session, events } = makeSession({ ...IRIS_CONFIG, optimizer: 'sgd', learningRate: 1e6 });
    await session.train(1, 500);
    const end = ofType(events, 'run-end')[0];
    expect(end.end).toBe('error');
    expect(end.message).toMatch(/loss became (NaN|Infinity|-Infinity) at step \d+/);
    expect(end.message).toMatch(/lower learning rate/);
    const at = Number(/at step (\d+)/.exec(end.message ?? '')?.[1]);
    expect(end.globalStep).toBeLessThan(at);
    // The weights it went back to still give finite predictions.
    const p = await session.predict([6.4, 3.2, 4.5, 1.5]);
    expect(p.probabilities.every(Number.isFinite)).toBe(true);
    session.dispose();
  });

  it(`evaluates every ${EVAL_EVERY} steps even when a run starts off a boundary`, async () => {
    const { session, events } = makeSession();
    await session.train(1, 50);
    await session.train(2, 120);
    const steps = ofType(events, 'progress').flatMap((e) => (e.evaluation ? [e.evaluation.globalStep] : []));
    expect(steps).toEqual([50, 100, 170]);
    session.dispose();
  });
});
