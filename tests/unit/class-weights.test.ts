/**
 * Balanced class weights (issue #14): the weights themselves (scikit-learn's
 * compute_class_weight('balanced')), the weighted loss and gradient of the fused loops,
 * and the two engines through the Engine interface: with class weights on, on an
 * imbalanced data set, they take the same steps within the parity tolerance of
 * engine-parity.test.ts, the reported training loss is the weighted one (Keras' loss
 * with class_weight), and held-out losses stay unweighted (Keras' val_loss).
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/ml/engines/choose';
import type { Engine } from '../../src/ml/engines/engine';
import type { ClassificationData, LabelledSplit } from '../../src/ml/datasets/data';
import { softmaxCrossEntropyBackward } from '../../src/ml/fast/softmax';
import { classWeights } from '../../src/ml/model/classWeights';
import { mulberry32 } from '../../src/ml/model/rng';
import type { ModelConfig } from '../../src/shared/types';
import { runPlan } from '../../src/client/runPlan';
import { DEFAULTS, modelConfig } from '../../src/client/settings';
import { CrossValidation, standardizedSlots } from '../../src/ml/app/crossValidation';
import { loadCsv } from '../../src/ml/csv/index';
import { reasonError } from '../../src/shared/result';
import { imbalancedCsv } from '../e2e/fixtures/imbalanced';
import { IRIS_CONFIG } from './helpers';

const TOLERANCE = 1e-5;

/** Three overlapping 2-D blobs of 80 / 16 / 4 rows (and a test split of the same mix): strongly imbalanced. */
function imbalanced(seed: number): ClassificationData {
  const random = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = [
    [0, 0],
    [1.2, 0.4],
    [0.3, 1.3],
  ];
  const split = (counts: number[]): LabelledSplit => {
    const labels = counts.flatMap((n, c) => Array.from({ length: n }, () => c));
    const features = new Float32Array(labels.length * 2);
    labels.forEach((c, i) => {
      features[2 * i] = centres[c][0] + gauss();
      features[2 * i + 1] = centres[c][1] + gauss();
    });
    return { features, labels: Int32Array.from(labels), rows: labels.length };
  };
  return { name: 'imbalanced', featureNames: ['x', 'y'], classNames: ['big', 'mid', 'rare'], train: split([80, 16, 4]), test: split([40, 8, 2]) };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return d;
}

async function weightDiff(a: Engine, b: Engine): Promise<number> {
  const [wa, wb] = [await a.weights(), await b.weights()];
  return Math.max(...wa.map((w, i) => maxDiff(w, wb[i])));
}

describe('classWeights', () => {
  it('is n / (k * n_class) over the classes present, 1 for an absent class, null for none', () => {
    const labels = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1]);
    expect(classWeights('none', labels, 3)).toBeNull();
    // scikit-learn: compute_class_weight('balanced', classes=[0, 1], y) = [8 / (2 * 6), 8 / (2 * 2)].
    expect(Array.from(classWeights('balanced', labels, 3)!)).toEqual([Math.fround(8 / 12), 2, 1]);
  });

  it('gives every class weight 1 when the classes are balanced', () => {
    expect(Array.from(classWeights('balanced', Int32Array.from([0, 1, 2, 2, 1, 0]), 3)!)).toEqual([1, 1, 1]);
  });
});

describe('softmaxCrossEntropyBackward with class weights', () => {
  it.each(['sum', 'mean'] as const)('weighs each example’s loss and gradient by its class’s weight (%s)', (reduction) => {
    // Zero logits: every example's loss is ln 3 and its gradient 1/3 - onehot.
    const logits = new Float32Array(3 * 3);
    const labels = Int32Array.from([0, 1, 2]);
    const w = Float32Array.from([0.5, 2, 4]);
    const plain = new Float32Array(9);
    const weighted = new Float32Array(9);
    const lossPlain = softmaxCrossEntropyBackward(logits, labels, 3, 3, reduction, plain);
    const loss = softmaxCrossEntropyBackward(logits, labels, 3, 3, reduction, weighted, w);
    const div = reduction === 'sum' ? 1 : 3;
    expect(lossPlain).toBeCloseTo((3 * Math.log(3)) / div, 6);
    // Keras' class_weight: a 'mean' divides by the batch size, not by the weights' sum.
    expect(loss).toBeCloseTo(((0.5 + 2 + 4) * Math.log(3)) / div, 5);
    for (let b = 0; b < 3; b++) for (let j = 0; j < 3; j++) expect(weighted[3 * b + j]).toBeCloseTo(plain[3 * b + j] * w[b], 6);
  });
});

describe.each<[string, ModelConfig, number]>([
  ['sum, Adagrad (the CSV defaults)', { ...IRIS_CONFIG, classWeight: 'balanced', batchSize: 32 }, 50],
  ['mean, SGD, tanh', { ...IRIS_CONFIG, classWeight: 'balanced', reduction: 'mean', optimizer: 'sgd', learningRate: 0.5, activation: 'tanh', hiddenUnits: [8], batchSize: 25 }, 40],
])('balanced class weights, fused and tfjs through Engine: %s', (_, config, steps) => {
  it('take the same steps; the weights change the run; held-out losses stay unweighted', async () => {
    const data = imbalanced(3);
    const before = tf.memory().numTensors;
    const fused = createEngine(data, config, 'fused');
    const tfjs = createEngine(data, config, 'tfjs');
    const plain = createEngine(data, { ...config, classWeight: 'none' }, 'fused');

    // The first step's loss, from the same initial weights: the weighted one (Keras reports the loss with class_weight).
    const [lf, lt, lp] = [await fused.steps(steps), await tfjs.steps(steps), await plain.steps(steps)];
    expect(lf.every(Number.isFinite)).toBe(true);
    expect(maxDiff(lf, lt)).toBeLessThanOrEqual(TOLERANCE);
    expect(await weightDiff(fused, tfjs)).toBeLessThanOrEqual(TOLERANCE);
    // Not a no-op: unweighted, the same batches give other losses and other weights.
    expect(Math.abs(lf[0] - lp[0])).toBeGreaterThan(1e-3);
    expect(await weightDiff(fused, plain)).toBeGreaterThan(1e-3);

    // Held-out: the same weights give the same per-row losses with and without class weights.
    plain.load(await fused.weights(), steps);
    const [ef, et, ep] = [await fused.evaluate(data.test), await tfjs.evaluate(data.test), await plain.evaluate(data.test)];
    expect(maxDiff(ef.losses, ep.losses)).toBe(0);
    expect(maxDiff(ef.losses, et.losses)).toBeLessThanOrEqual(TOLERANCE);

    for (const e of [fused, tfjs, plain]) e.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the first step’s loss with balanced weights', () => {
  it('is the class-weighted sum of the unweighted per-row losses (the batch is the whole split)', async () => {
    const data = imbalanced(5);
    const config: ModelConfig = { ...IRIS_CONFIG, classWeight: 'balanced', batchSize: data.train.rows };
    const weighted = createEngine(data, config, 'fused');
    const plain = createEngine(data, { ...config, classWeight: 'none' }, 'fused');
    // Before any step: the per-row losses of the initial weights on the training rows.
    const rows = await plain.evaluate(data.train);
    const w = classWeights('balanced', data.train.labels, 3)!;
    let expected = 0;
    for (let i = 0; i < data.train.rows; i++) expected += rows.losses[i] * w[data.train.labels[i]];
    const [loss] = await weighted.steps(1);
    expect(loss).toBeCloseTo(expected, 2);
    expect(Math.abs(loss - Array.from(rows.losses).reduce((a, v) => a + v, 0))).toBeGreaterThan(1);
  });
});

describe('cross-validation with balanced class weights', () => {
  it('weighs each fold by its own training rows: the folds say "rare" for many rows (accuracy down, not all "rare")', async () => {
    const loaded = loadCsv(new TextEncoder().encode(imbalancedCsv(1)), 'imbalanced.csv', { testFraction: 0.2, validationFraction: 0.2, seed: 42 });
    if (!loaded.ok) throw reasonError(loaded.reason);
    const { data, schema } = loaded.value;
    const summary = async (classWeight: 'none' | 'balanced') => {
      const settings = { ...DEFAULTS.csv, classWeight };
      const plan = runPlan(settings, data.train.rows);
      const cv = new CrossValidation(
        data,
        modelConfig(settings),
        'fused',
        { runId: 1, folds: 5, steps: plan.steps, evalEvery: plan.evalEvery, patience: plan.patience },
        { yieldToEvents: () => new Promise<void>((resolve) => setImmediate(resolve)) },
        standardizedSlots(schema, data.featureNames.length),
      );
      const outcome = await cv.run();
      if (outcome.end !== 'done') throw new Error(`cross-validation ended ${outcome.end}`);
      return outcome.summary;
    };
    const [none, balanced] = [await summary('none'), await summary('balanced')];
    // Unweighted, every fold reads every row as "common": accuracy 10/11, macro F1 (0.95 + 0) / 2.
    expect(none.accuracy.mean).toBeCloseTo(10 / 11, 2);
    expect(none.macroF1.mean).toBeLessThan(0.5);
    // Balanced, the boundary moves well into the common class: "rare" is said for many rows, yet not for all of them
    // (all "rare" would be macro F1 (0 + 0.17) / 2). Macro F1 itself hardly moves: at the balanced boundary (a ≈ 0.3)
    // the rare class's F1 gained is about what the common class's loses (0.49 in theory against 0.476).
    expect(balanced.accuracy.mean).toBeLessThan(0.85);
    expect(balanced.macroF1.mean).toBeGreaterThan(0.4);
  });
});
