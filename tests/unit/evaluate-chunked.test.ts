/**
 * Long work in the worker answers Stop and keeps the page's watchdog fed (#19, #15):
 * a split evaluated in chunks gives the same rows as one call, pauses between chunks,
 * samples a large training split evenly, beats while it works, and a Stop during a run's
 * evaluation ends the run without finishing it. Also the step budget (#19 item 3).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCallbacks } from '../../src/ml/app/events';
import type { ClassificationData, LabelledSplit } from '../../src/ml/datasets/data';
import { createEngine, chooseEngine } from '../../src/ml/engines/choose';
import { nextChunkSize } from '../../src/ml/train/curves';
import { evaluateChunked, evenSample, firstChunkRows, nextChunkRows, SAMPLE_ROWS } from '../../src/ml/train/evaluateChunked';
import { Heartbeat } from '../../src/ml/train/heartbeat';
import { Session } from '../../src/ml/train/session';
import { firstChunkSteps, MAX_STEP_WORK, stepWork, tooLarge } from '../../src/ml/train/stepBudget';
import { parameterCount } from '../../src/ml/model/shape';
import type { WorkerEvent } from '../../src/shared/protocol';
import type { ModelConfig } from '../../src/shared/types';
import { IRIS_CONFIG, ofType } from './helpers';

const FEATURES = 8;
const CLASSES = 3;

/** `rows` rows of FEATURES values whose class is which of the first three features is largest (seeded, no Math.random). */
function split(rows: number, seed: number): LabelledSplit {
  const features = new Float32Array(rows * FEATURES);
  const labels = new Int32Array(rows);
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  for (let r = 0; r < rows; r++) {
    for (let f = 0; f < FEATURES; f++) features[r * FEATURES + f] = next();
    const o = r * FEATURES;
    labels[r] = features[o] > features[o + 1] ? (features[o] > features[o + 2] ? 0 : 2) : features[o + 1] > features[o + 2] ? 1 : 2;
  }
  return { features, labels, rows };
}

/** Test rows of the chunked-evaluation cases: enough for several chunks (row counts, not times). */
const MANY_TEST_ROWS = 40_000;
const LARGE_RUN_TEST_ROWS = 30_000;

function data(trainRows: number, testRows: number): ClassificationData {
  return {
    name: 'generated',
    featureNames: Array.from({ length: FEATURES }, (_, i) => `x${i}`),
    classNames: ['a', 'b', 'c'],
    train: split(trainRows, 1),
    test: split(testRows, 2),
  };
}

const CONFIG: ModelConfig = { ...IRIS_CONFIG, hiddenUnits: [32, 16], batchSize: 32 };

afterEach(() => {
  vi.useRealTimers();
});

describe('evaluation in chunks', () => {
  it('gives the rows one call gives, with pauses between chunks', async () => {
    const d = data(1000, MANY_TEST_ROWS);
    const engine = createEngine(d, CONFIG, chooseEngine(d, CONFIG, 'fused').name);
    await engine.steps(20);
    const whole = await engine.evaluate(d.test);
    let pauses = 0;
    const parameters = parameterCount(FEATURES, CONFIG.hiddenUnits, CLASSES);
    const chunked = await evaluateChunked(engine, d.test, FEATURES, parameters, async () => void pauses++);
    expect(Array.from(chunked.losses)).toEqual(Array.from(whole.losses));
    expect(Array.from(chunked.predictions)).toEqual(Array.from(whole.predictions));
    // The first chunk is firstChunkRows(parameters) rows and each next at most 4x the last.
    const first = firstChunkRows(parameters);
    expect(first).toBeLessThan(MANY_TEST_ROWS);
    expect(pauses).toBeGreaterThanOrEqual(2);
    engine.dispose();
  });

  it('sizes chunks by the network and by their time, never under one row', () => {
    expect(firstChunkRows(10)).toBe(1_000_000);
    expect(firstChunkRows(8_400_000)).toBe(1);
    expect(nextChunkRows(1000, 80)).toBe(500);
    expect(nextChunkRows(100, 0)).toBe(400);
    expect(nextChunkRows(1, 5000)).toBe(1);
  });

  it('samples a training split of more than SAMPLE_ROWS rows evenly, and keeps a smaller one whole', () => {
    const small = split(SAMPLE_ROWS, 3);
    expect(evenSample(small, FEATURES)).toBe(small);
    const big = split(250, 4);
    const sample = evenSample(big, FEATURES, 100);
    expect(sample.rows).toBe(100);
    // Row floor(i * 250 / 100): 0, 2, 5, 7, 10, ...
    for (const [i, r] of [[0, 0], [1, 2], [2, 5], [3, 7], [99, 247]]) {
      expect(sample.labels[i]).toBe(big.labels[r]);
      expect(Array.from(sample.features.subarray(i * FEATURES, (i + 1) * FEATURES))).toEqual(Array.from(big.features.subarray(r * FEATURES, (r + 1) * FEATURES)));
    }
  });
});

/** A session whose yieldToEvents advances the fake clock by `tick` ms and may run `onYield`. */
function session(d: ClassificationData, onYield: () => void = () => {}, tick = 300) {
  const events: WorkerEvent[] = [];
  const yieldToEvents = async () => {
    vi.advanceTimersByTime(tick);
    onYield();
  };
  const s = new Session(d, CONFIG, pageCallbacks((e) => events.push(e), yieldToEvents, async () => {}), 'fused');
  return { session: s, events };
}

describe('a run over a large training split', () => {
  it('evaluates an even sample of the training rows, says of how many, and beats while it evaluates', async () => {
    vi.useFakeTimers({ toFake: ['performance', 'setInterval', 'clearInterval', 'Date'] });
    const d = data(SAMPLE_ROWS + 50_000, LARGE_RUN_TEST_ROWS);
    const { session: s, events } = session(d);
    await s.train(1, 10, 10);
    const evaluations = ofType(events, 'progress').flatMap((e) => e.evaluations);
    const train = evaluations.find((e) => e.split === 'train');
    expect(train).toMatchObject({ examples: SAMPLE_ROWS, ofRows: SAMPLE_ROWS + 50_000, globalStep: 10 });
    const test = evaluations.find((e) => e.split === 'test');
    expect(test).toMatchObject({ examples: LARGE_RUN_TEST_ROWS, globalStep: 10 });
    expect(test?.ofRows).toBeUndefined();
    // Chunks of the 130,000 evaluated rows, each pause 300 ms on the fake clock: a beat at most every second, and several.
    expect(ofType(events, 'heartbeat').length).toBeGreaterThanOrEqual(2);
    expect(ofType(events, 'run-end')).toEqual([expect.objectContaining({ end: 'done', globalStep: 10 })]);
    s.dispose();
  });

  it('ends the run soon after a Stop that comes during an evaluation, without finishing it', async () => {
    vi.useFakeTimers({ toFake: ['performance', 'setInterval', 'clearInterval', 'Date'] });
    const d = data(SAMPLE_ROWS + 50_000, 2_000);
    let yields = 0;
    let stoppedAt = -1;
    const { session: s, events } = session(d, () => {
      yields++;
      // The first pause after the chunk of 10 steps is inside the step-10 evaluation.
      if (yields === 2 && stoppedAt < 0) {
        stoppedAt = yields;
        s.stop(1);
      }
    });
    await s.train(1, 1000, 10);
    expect(ofType(events, 'run-end')).toEqual([expect.objectContaining({ end: 'stopped', globalStep: 10 })]);
    const evaluations = ofType(events, 'progress').flatMap((e) => e.evaluations);
    // The training split's evaluation was abandoned; the held-out split was evaluated at the stopped step.
    expect(evaluations.filter((e) => e.split === 'train')).toEqual([]);
    expect(evaluations.filter((e) => e.split === 'test').map((e) => e.globalStep)).toEqual([10]);
    s.dispose();
  });
});

describe('a Stop with large held-out splits', () => {
  it('answers at once: held-out splits of more than SAMPLE_ROWS rows are not evaluated after it', async () => {
    vi.useFakeTimers({ toFake: ['performance', 'setInterval', 'clearInterval', 'Date'] });
    const d = data(2_000, SAMPLE_ROWS + 10_000);
    const holder: { session?: Session } = {};
    const built = session(d, () => {
      if ((holder.session?.globalStep ?? 0) >= 20) holder.session?.stop(1);
    });
    const s = (holder.session = built.session);
    await s.train(1, 1000, 1000);
    expect(ofType(built.events, 'run-end')).toEqual([expect.objectContaining({ end: 'stopped' })]);
    expect(ofType(built.events, 'progress').flatMap((e) => e.evaluations)).toEqual([]);
    s.dispose();
  });
});

describe('the step budget', () => {
  const mnistParameters = (hidden: number[]) => parameterCount(784, hidden, 10);

  it('refuses the largest networks the URL accepts and trains the ones under the budget', () => {
    const big = mnistParameters(Array(8).fill(1024));
    expect(stepWork(100, big)).toBeGreaterThan(MAX_STEP_WORK);
    expect(tooLarge(100, big)).toMatchObject({ code: 'train.too-large', params: { parameters: big, batch: 100, limit: MAX_STEP_WORK } });
    expect(tooLarge(100, mnistParameters([1024, 1024, 1024]))).toBeNull();
    expect(tooLarge(100, mnistParameters([128, 32]))).toBeNull();
  });

  it('starts a run with one step when ten would be slow, and keeps chunks of slow steps short', () => {
    expect(firstChunkSteps(100, mnistParameters([128, 32]))).toBe(10);
    expect(firstChunkSteps(100, mnistParameters([1024, 1024, 1024]))).toBe(1);
    expect(nextChunkSize(10, 5)).toBeGreaterThanOrEqual(10);
    expect(nextChunkSize(1, 3000, true)).toBe(1);
    expect(nextChunkSize(10, 3000, true)).toBe(3);
    // A network that started with LOG_EVERY steps keeps whole multiples of them, however slow the machine.
    expect(nextChunkSize(10, 3000)).toBe(10);
  });

  it('ends a run of a too large network at once as an error naming its size', async () => {
    const d = data(200, 50);
    const events: WorkerEvent[] = [];
    const wide = { ...CONFIG, hiddenUnits: [1024, 1024], batchSize: 4096 };
    // The model is never trained, so build it cheaply: the check runs before any step.
    const s = new Session(d, wide, pageCallbacks((e) => events.push(e), async () => {}, async () => {}), 'fused');
    await s.train(1, 10, 10);
    const [end] = ofType(events, 'run-end');
    expect(end).toMatchObject({ end: 'error', globalStep: 0, message: { code: 'train.too-large' } });
    expect(s.running).toBe(false);
    s.dispose();
  });
});

describe('the heartbeat', () => {
  it('beats at most once a second, and every second while a promise is pending', async () => {
    vi.useFakeTimers({ toFake: ['performance', 'setInterval', 'clearInterval'] });
    let beats = 0;
    const heart = new Heartbeat(() => void beats++);
    heart.beat();
    heart.beat();
    expect(beats).toBe(1);
    let finish = () => {};
    const work = heart.during(new Promise<void>((resolve) => (finish = resolve)));
    vi.advanceTimersByTime(3500);
    expect(beats).toBe(4);
    finish();
    await work;
    vi.advanceTimersByTime(5000);
    expect(beats).toBe(4);
  });
});
