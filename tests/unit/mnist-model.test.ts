/** mnist.py's inference(), loss() and do_eval() counting, and a short training run on the real digits. */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMnistBinary, splitMnist } from '../../src/ml/mnist/binary';
import { fakeData } from '../../src/ml/mnist/fake';
import { formatPrecision, inference, mnistParameterCount, precisionAt1, sparseSoftmaxLoss } from '../../src/ml/mnist/model';
import { reasonError } from '../../src/shared/result';

await tf.setBackend('cpu');

describe('inference()', () => {
  it('is 784 -> 128 ReLU -> 32 ReLU -> 10 linear logits, 104,938 parameters', () => {
    const model = inference();
    expect(model.layers.map((l) => l.name)).toEqual(['hidden1', 'hidden2', 'softmax_linear']);
    expect(model.layers.map((l) => l.outputShape)).toEqual([
      [null, 128],
      [null, 32],
      [null, 10],
    ]);
    expect(model.layers.map((l) => l.getConfig().activation)).toEqual(['relu', 'relu', 'linear']);
    expect(model.countParams()).toBe(104_938);
    expect(mnistParameterCount()).toBe(104_938);
    const logits = tf.tidy(() => (model.predict(tf.zeros([5, 784])) as tf.Tensor).shape);
    expect(logits).toEqual([5, 10]);
    model.dispose();
  });

  it.each([
    [{ hidden1: 16, hidden2: 8 }, 784 * 16 + 16 + 16 * 8 + 8 + 8 * 10 + 10],
    [{ inputs: 4, hidden1: 3, hidden2: 2, classes: 3 }, 4 * 3 + 3 + 3 * 2 + 2 + 2 * 3 + 3],
  ])('takes other sizes: %j has %i parameters', (config, parameters) => {
    const model = inference(config);
    expect(model.countParams()).toBe(parameters);
    expect(mnistParameterCount(config)).toBe(parameters);
    model.dispose();
  });

  it.each([
    [0, 784],
    [1, 128],
    [2, 32],
  ])('layer %i: truncated-normal weights with stddev 1/sqrt(%i), zero biases', (layer, fanIn) => {
    const model = inference({ seed: 3 });
    const [kernel, bias] = model.layers[layer].getWeights();
    const w = kernel.dataSync();
    const stddev = 1 / Math.sqrt(fanIn);
    let sq = 0;
    let largest = 0;
    for (const v of w) {
      sq += v * v;
      largest = Math.max(largest, Math.abs(v));
    }
    // A normal truncated at 2 stddev has standard deviation 0.88 stddev.
    expect(largest).toBeLessThanOrEqual(2 * stddev + 1e-6);
    expect(Math.sqrt(sq / w.length)).toBeGreaterThan(0.75 * stddev);
    expect(Math.sqrt(sq / w.length)).toBeLessThan(1.0 * stddev);
    expect(Array.from(bias.dataSync()).every((b) => b === 0)).toBe(true);
    model.dispose();
  });

  it('is seeded: the same seed gives the same weights, another seed others', () => {
    const weights = (seed: number) => {
      const model = inference({ seed });
      const w = Array.from(model.layers[1].getWeights()[0].dataSync());
      model.dispose();
      return w;
    };
    expect(weights(5)).toEqual(weights(5));
    expect(weights(5)).not.toEqual(weights(6));
  });
});

describe('sparseSoftmaxLoss', () => {
  it('is the mean cross-entropy of the true classes', () => {
    const before = tf.memory().numTensors;
    const logits = tf.tensor2d([
      [0, 0, 0],
      [Math.log(3), 0, 0],
    ]);
    const labels = tf.tensor1d([2, 0], 'int32');
    const loss = sparseSoftmaxLoss(logits, labels);
    // -(log(1/3) + log(3/5)) / 2
    expect(loss.dataSync()[0]).toBeCloseTo((Math.log(3) + Math.log(5 / 3)) / 2, 5);
    tf.dispose([logits, labels, loss]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('precisionAt1', () => {
  it.each<[string, number[], number[], number, number]>([
    ['all right', [9, 1, 0, 0, 2, 8], [0, 2], 3, 2],
    ['one wrong', [9, 1, 0, 0, 9, 8], [0, 2], 3, 1],
    ['a tie at the top counts, as in_top_k does', [5, 5, 0, 1, 1, 1], [1, 2], 3, 2],
    ['a NaN true logit does not count', [NaN, 0, 0], [0], 3, 0],
    ['a label outside the classes does not count', [1, 0, 0], [3], 3, 0],
    ['no examples', [], [], 10, 0],
  ])('%s', (_, logits, labels, classes, correct) => {
    const p = precisionAt1(Float32Array.from(logits), Int32Array.from(labels), classes);
    expect(p).toEqual({ examples: labels.length, correct, precision: labels.length ? correct / labels.length : 0 });
  });

  it('prints do_eval()\'s line', () => {
    expect(formatPrecision({ examples: 5000, correct: 4522, precision: 0.9044 })).toBe(
      'Num examples: 5000  Num correct: 4522  Precision @ 1: 0.9044',
    );
  });

  it('refuses logits that do not match the labels', () => {
    expect(() => precisionAt1(new Float32Array(7), new Int32Array(1))).toThrow(RangeError);
  });
});

describe('fakeData', () => {
  it('is seeded, shaped like MNIST, and learnable', () => {
    const a = fakeData(50, 1);
    expect(a.features).toHaveLength(50 * 784);
    expect(a.labels).toHaveLength(50);
    expect(fakeData(50, 1)).toEqual(a);
    expect(fakeData(50, 2).labels).not.toEqual(a.labels);
    expect(Math.min(...a.labels)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a.labels)).toBeLessThanOrEqual(9);
    expect(a.features.every((v) => v >= 0 && v <= 1)).toBe(true);
    // Class c lights rows 4 + 2c and 5 + 2c.
    const c = a.labels[0];
    expect(a.features[(4 + 2 * c) * 28 + 10]).toBe(1);
  });
});

describe('training on the real digits', () => {
  it('SGD(0.01), batch 100: the mean loss falls and precision @ 1 rises well above chance', async () => {
    const file = await decodeMnistBinary(readFileSync(new URL('../../public/data/mnist-10k.bin.gz', import.meta.url)));
    if (!file.ok) throw reasonError(file.reason);
    const split = splitMnist(file.value);
    if (!split.ok) throw reasonError(split.reason);
    const { train, validation } = split.value;
    const before = tf.memory().numTensors;

    // Smaller hidden layers than the tutorial's 128/32 keep this a few seconds on a busy
    // machine; the property (SGD at 0.01 on real digits learns) is the same.
    const model = inference({ hidden1: 32, hidden2: 16, seed: 1 });
    const optimizer = tf.train.sgd(0.01);
    const x = tf.tensor2d(train.features, [train.rows, 784]);
    const y = tf.tensor1d(train.labels, 'int32');
    const batch = 100;
    const steps = 250;
    const losses: number[] = [];
    for (let step = 0; step < steps; step++) {
      // next_batch: the next 100 examples, wrapping round the training split.
      const start = (step * batch) % train.rows;
      const loss = optimizer.minimize(() => sparseSoftmaxLoss(model.apply(x.slice(start, batch)) as tf.Tensor2D, y.slice(start, batch)), true);
      losses.push(loss!.dataSync()[0]);
      loss!.dispose();
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const first = mean(losses.slice(0, 20));
    const last = mean(losses.slice(-20));
    expect(first).toBeGreaterThan(2);
    expect(last).toBeLessThan(0.85 * first); // 2.31 -> 1.88 with seed 1

    const logits = tf.tidy(() => model.predict(tf.tensor2d(validation.features, [validation.rows, 784])) as tf.Tensor);
    const p = precisionAt1(await logits.data(), validation.labels);
    expect(p.examples).toBe(1000);
    expect(p.precision).toBeGreaterThan(0.4); // 0.608 with seed 1; chance is 0.1

    tf.dispose([logits, x, y]);
    optimizer.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    console.log(`loss ${first.toFixed(2)} -> ${last.toFixed(2)}; validation ${formatPrecision(p)}`);
  });
});
