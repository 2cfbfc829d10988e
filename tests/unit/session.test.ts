import { english } from './words';
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseEngine } from '../../src/ml/engines/choose';
import { pageCallbacks } from '../../src/ml/app/events';
import { Session, type Restore } from '../../src/ml/train/session';
import type { WorkerEvent } from '../../src/shared/protocol';
import { IRIS_CONFIG, loadIris, makeSession, ofType, predict } from './helpers';

const EVAL_EVERY = 100;
const evaluationsOf = (events: Parameters<typeof ofType>[0], split = 'test') =>
  ofType(events, 'progress').flatMap((e) => e.evaluations.filter((x) => x.split === split));

describe.each(['tfjs', 'fused'] as const)('a training session on the %s engine', (engine) => {
  const makeSession_ = (config = IRIS_CONFIG) => makeSession(config, engine);
  it('lowers the loss in a short run and reports evaluate() keys', async () => {
    const { session, events } = makeSession_();
    await session.train(1, 300, EVAL_EVERY);
    const points = ofType(events, 'progress').flatMap((e) => e.points);
    const batchLoss = points.filter((p) => p.split === 'train' && p.accuracy === undefined);
    expect(batchLoss.length).toBe(30);
    expect(batchLoss[batchLoss.length - 1].loss).toBeLessThan(batchLoss[0].loss * 0.6);
    const evaluations = evaluationsOf(events);
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
    const { session, events } = makeSession_();
    await session.train(1, 2000, EVAL_EVERY);
    const final = evaluationsOf(events).pop();
    expect(final?.globalStep).toBe(2000);
    expect(final?.accuracy).toBeGreaterThanOrEqual(0.9);
    const versicolor = await predict(session, ['6.4', '3.2', '4.5', '1.5']);
    expect(versicolor.className).toBe('versicolor');
    expect(versicolor.probabilities.reduce((a, b) => a + b)).toBeCloseTo(1, 5);
    expect(versicolor.logits).toHaveLength(3);
    session.dispose();
  });

  it('continues from the global step: train(100) twice equals train(200) once', async () => {
    const twice = makeSession_();
    await twice.session.train(1, 100, EVAL_EVERY);
    await twice.session.train(2, 100, EVAL_EVERY);
    const once = makeSession_();
    await once.session.train(1, 200, EVAL_EVERY);
    expect(twice.session.globalStep).toBe(200);
    const a = await predict(twice.session, ['5.8', '3.1', '5.0', '1.7']);
    const b = await predict(once.session, ['5.8', '3.1', '5.0', '1.7']);
    expect(a.probabilities).toEqual(b.probabilities);
    twice.session.dispose();
    once.session.dispose();
  });

  it('leaks no tensors across train, stop and reset', async () => {
    const { session } = makeSession_();
    const start = tf.memory().numTensors;
    await session.train(1, 150, EVAL_EVERY);
    const afterFirstRun = tf.memory().numTensors; // + the optimizer's slots, made on the first step
    await session.train(2, 150, EVAL_EVERY);
    expect(tf.memory().numTensors).toBe(afterFirstRun);
    const run = session.train(3, 100_000, EVAL_EVERY);
    setTimeout(() => session.stop(3), 20);
    await run;
    expect(session.globalStep).toBeLessThan(100_300);
    expect(tf.memory().numTensors).toBe(afterFirstRun);
    session.reset(IRIS_CONFIG);
    expect(tf.memory().numTensors).toBe(start);
    session.dispose();
  });

  it('Stop ends the run as stopped at a chunk boundary, not at the target', async () => {
    const { session, events } = makeSession_();
    const run = session.train(7, 1_000_000, EVAL_EVERY);
    await new Promise((r) => setTimeout(r, 30));
    session.stop(7);
    session.stop(99); // a stale run id changes nothing
    await run;
    const end = ofType(events, 'run-end')[0];
    expect(end.end).toBe('stopped');
    expect(end.globalStep).toBeGreaterThan(0);
    expect(end.globalStep).toBeLessThan(1_000_000);
    // The final evaluation is at the step where it stopped.
    expect(evaluationsOf(events).pop()?.globalStep).toBe(end.globalStep);
    session.dispose();
  });

  it('stops on a non-finite loss, names the step and keeps the last good weights', async () => {
    const { session, events } = makeSession_({ ...IRIS_CONFIG, optimizer: 'sgd', learningRate: 1e6 });
    await session.train(1, 500, EVAL_EVERY);
    const end = ofType(events, 'run-end')[0];
    expect(end.end).toBe('error');
    expect(english(end.message)).toMatch(/loss became (NaN|Infinity|-Infinity) at step \d+/);
    expect(english(end.message)).toMatch(/lower learning rate/);
    const at = Number(/at step (\d+)/.exec(english(end.message))?.[1]);
    expect(end.globalStep).toBeLessThan(at);
    // The weights it went back to still give finite predictions.
    const p = await predict(session, ['6.4', '3.2', '4.5', '1.5']);
    expect(p.probabilities.every(Number.isFinite)).toBe(true);
    session.dispose();
  });

  it(`evaluates every ${EVAL_EVERY} steps even when a run starts off a boundary`, async () => {
    const { session, events } = makeSession_();
    await session.train(1, 50, EVAL_EVERY);
    await session.train(2, 120, EVAL_EVERY);
    const steps = evaluationsOf(events).map((e) => e.globalStep);
    expect(steps).toEqual([50, 100, 170]);
    session.dispose();
  });
});

describe('the two engines', () => {
  it('train the same model: same predictions after the same steps (the fused path is the same math)', async () => {
    const tfjs = makeSession(IRIS_CONFIG, 'tfjs');
    const fused = makeSession(IRIS_CONFIG, 'fused');
    await tfjs.session.train(1, 200, EVAL_EVERY);
    await fused.session.train(1, 200, EVAL_EVERY);
    const a = await predict(tfjs.session, ['5.8', '3.1', '5.0', '1.7']);
    const b = await predict(fused.session, ['5.8', '3.1', '5.0', '1.7']);
    a.probabilities.forEach((p, i) => expect(b.probabilities[i]).toBeCloseTo(p, 4));
    expect(ofType(fused.events, 'model')[0]).toMatchObject({ engine: 'fused' });
    tfjs.session.dispose();
    fused.session.dispose();
  });

  it('auto picks fused loops without a GPU, and tfjs for large layers on WebGL', () => {
    const { events, session } = makeSession(IRIS_CONFIG, 'auto');
    expect(ofType(events, 'model')[0].engine).toBe('fused');
    const data = loadIris();
    const big = { ...IRIS_CONFIG, hiddenUnits: [1024, 1024] };
    expect(chooseEngine(data, big, 'auto', 'cpu').name).toBe('fused');
    expect(chooseEngine(data, big, 'auto', 'webgl').name).toBe('tfjs');
    expect(chooseEngine(data, IRIS_CONFIG, 'auto', 'webgl').name).toBe('fused');
    expect(chooseEngine(data, big, 'tfjs', 'cpu')).toEqual({ name: 'tfjs', loops: 'js', reason: { code: 'train.engine-asked', params: { engine: 'tfjs' } } });
    session.dispose();
  });

  it('leaks nothing with any optimizer through train and reset', async () => {
    for (const optimizer of ['adagrad', 'sgd', 'momentum', 'adam', 'rmsprop'] as const) {
      const { session } = makeSession({ ...IRIS_CONFIG, optimizer, learningRate: 0.01 }, 'tfjs');
      const start = tf.memory().numTensors;
      await session.train(1, 20, EVAL_EVERY);
      session.reset({ ...IRIS_CONFIG, optimizer });
      expect(tf.memory().numTensors).toBe(start);
      session.dispose();
    }
  });
});

describe.each(['tfjs', 'fused'] as const)('changing the learning rate (%s engine)', (engine) => {
  it.each(['adagrad', 'sgd', 'momentum', 'adam', 'rmsprop'] as const)('takes effect at once with %s: at 0 the weights stop moving', async (optimizer) => {
    const { session } = makeSession({ ...IRIS_CONFIG, optimizer, learningRate: 0.01 }, engine);
    await session.train(1, 50, EVAL_EVERY);
    session.setLearningRate(0);
    const before = await predict(session, ['5.8', '3.1', '5.0', '1.7']);
    await session.train(2, 50, EVAL_EVERY);
    const after = await predict(session, ['5.8', '3.1', '5.0', '1.7']);
    after.probabilities.forEach((p, i) => expect(p).toBeCloseTo(before.probabilities[i], 6));
    expect(session.modelConfig.learningRate).toBe(0);
    session.dispose();
  });
});

describe('training time on every curve point (MetricPoint.seconds)', () => {
  afterEach(() => vi.useRealTimers());

  /**
   * A session on a fake clock: only performance.now() is faked, and each chunk of steps
   * "takes" 50 ms (the hook advances the clock where the loop yields), so the seconds are exact.
   */
  function clockedSession(restore?: Restore) {
    vi.useFakeTimers({ toFake: ['performance'] });
    const events: WorkerEvent[] = [];
    const hooks = {
      post: (e: WorkerEvent) => events.push(e),
      yieldToEvents: () => {
        vi.advanceTimersByTime(50);
        return new Promise<void>((resolve) => setImmediate(resolve));
      },
    };
    const session = new Session(loadIris(), IRIS_CONFIG, pageCallbacks(hooks.post, hooks.yieldToEvents, async () => {}), 'fused', restore);
    session.announce();
    const points = () => ofType(events, 'progress').flatMap((e) => e.points);
    return { session, events, points };
  }

  const chunks = (events: WorkerEvent[]) => ofType(events, 'progress').length;

  it('counts the training time since the model was built, summed over runs; the time between runs does not count', async () => {
    const { session, points } = clockedSession();
    await session.train(1, 300, EVAL_EVERY);
    const first = points();
    expect(first.every((p) => p.seconds !== undefined && p.seconds >= 0)).toBe(true);
    const seconds = first.map((p) => p.seconds ?? NaN);
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
    const endOfFirst = seconds[seconds.length - 1];
    expect(endOfFirst).toBeGreaterThan(0);
    vi.advanceTimersByTime(60_000); // a minute between the runs
    await session.train(2, 300, EVAL_EVERY);
    const second = points().slice(first.length);
    expect(second[0].seconds).toBeGreaterThanOrEqual(endOfFirst);
    expect(second[0].seconds).toBeLessThanOrEqual(endOfFirst + 0.05);
    const last = second[second.length - 1].seconds ?? NaN;
    expect(last).toBeGreaterThan(endOfFirst);
    expect(last).toBeLessThan(60);
    session.dispose();
  });

  it('a restored model goes on from its history, and a history stored without seconds still loads', async () => {
    const trained = clockedSession();
    await trained.session.train(1, 300, EVAL_EVERY);
    const history = structuredClone(trained.session.history);
    const weights = await trained.session.weights();
    const endSeconds = Math.max(...history.points.map((p) => p.seconds ?? 0));
    trained.session.dispose();
    vi.useRealTimers();

    const restored = clockedSession({ weights, globalStep: 300, history });
    expect(ofType(restored.events, 'history')[0].points).toEqual(history.points);
    await restored.session.train(1, 100, EVAL_EVERY);
    const next = restored.points();
    expect(next[0].seconds).toBeGreaterThanOrEqual(endSeconds);
    expect(next[0].seconds).toBeLessThanOrEqual(endSeconds + 0.05 * chunks(restored.events));
    restored.session.dispose();
    vi.useRealTimers();

    const old = { points: history.points.map(({ step, split, loss, accuracy }) => ({ step, split, loss, accuracy })), evaluations: history.evaluations };
    const fromOld = clockedSession({ weights, globalStep: 300, history: old });
    expect(ofType(fromOld.events, 'history')[0].points).toEqual(old.points);
    await fromOld.session.train(1, 100, EVAL_EVERY);
    expect(fromOld.points()[0].seconds).toBeLessThanOrEqual(0.05 * chunks(fromOld.events));
    expect(fromOld.session.globalStep).toBe(400);
    fromOld.session.dispose();
  });

  it('a reset starts the clock at 0 again', async () => {
    const { session, points } = clockedSession();
    await session.train(1, 200, EVAL_EVERY);
    const before = points().length;
    expect(points()[before - 1].seconds).toBeGreaterThan(0);
    session.reset(IRIS_CONFIG);
    await session.train(2, 10, EVAL_EVERY);
    // The fake clock stands still inside a chunk: the new model's first chunk is at 0 s.
    expect(points()[before].seconds).toBe(0);
    session.dispose();
  });
});
