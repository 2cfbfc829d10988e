import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildClassifier, makeOptimizer, parameterCount } from '../../src/ml/model/model';
import { IRIS_CONFIG } from './helpers';

describe('the DNNClassifier network', () => {
  it('has the tutorial shapes: 4 -> 10 -> 20 -> 10 -> 3 logits, 513 parameters', () => {
    const model = buildClassifier(4, 3, IRIS_CONFIG);
    expect(model.layers.map((l) => l.outputShape)).toEqual([
      [null, 10],
      [null, 20],
      [null, 10],
      [null, 3],
    ]);
    expect(model.countParams()).toBe(513);
    expect(parameterCount(4, [10, 20, 10], 3)).toBe(513);
    model.dispose();
  });

  it('uses ReLU hidden layers, linear logits, Glorot-uniform kernels and zero biases', () => {
    const model = buildClassifier(4, 3, IRIS_CONFIG);
    const activations = model.layers.map((l) => (l.getConfig().activation as string) ?? '');
    expect(activations).toEqual(['relu', 'relu', 'relu', 'linear']);
    const [kernel, bias] = model.layers[1].getWeights();
    // Glorot uniform: |w| <= sqrt(6 / (fan_in + fan_out)) = sqrt(6 / 30).
    const limit = Math.sqrt(6 / 30);
    const k = kernel.dataSync();
    expect(Math.max(...Array.from(k, Math.abs))).toBeLessThanOrEqual(limit);
    // Uniform, not normal: values spread to near the limit.
    expect(Math.max(...Array.from(k, Math.abs))).toBeGreaterThan(limit * 0.8);
    expect(Array.from(bias.dataSync()).every((b) => b === 0)).toBe(true);
    model.dispose();
  });

  it('is seeded: the same seed gives the same weights, another seed others', () => {
    const weights = (seed: number) => {
      const m = buildClassifier(4, 3, { ...IRIS_CONFIG, seed });
      const w = Array.from(m.layers[0].getWeights()[0].dataSync());
      m.dispose();
      return w;
    };
    expect(weights(1)).toEqual(weights(1));
    expect(weights(1)).not.toEqual(weights(2));
  });

  it.each(['adagrad', 'sgd', 'momentum', 'adam', 'rmsprop'] as const)('makes the %s optimizer', (name) => {
    const opt = makeOptimizer(name, 0.01);
    expect(opt).toBeInstanceOf(tf.Optimizer);
    opt.dispose();
  });
});
