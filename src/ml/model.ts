/**
 * The network of both tutorials: dense ReLU hidden layers and a linear logits layer
 * with zero biases. tf.estimator's DNNClassifier draws kernels Glorot-uniform (tfjs's
 * Dense defaults to Glorot-normal, so it is set here); Mechanics 101's inference()
 * draws them from a truncated normal with stddev 1/sqrt(fan-in). Also the optimizers.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig, OptimizerName } from '../shared/protocol';
import type { ParseResult } from './tfCsv';

/**
 * inputs -> hidden[0] -> ... -> hidden[n-1] -> classes logits.
 * Input shape [batch, inputs]; output shape [batch, classes] (logits, no softmax).
 * Each layer's initializer gets its own seed derived from `config.seed`, so a seed
 * reproduces the initial weights exactly.
 */
export function buildClassifier(inputs: number, classes: number, config: ModelConfig): tf.Sequential {
  const model = tf.sequential();
  const widths = [...config.hiddenUnits, classes];
  widths.forEach((units, i) => {
    const last = i === widths.length - 1;
    model.add(
      tf.layers.dense({
        units,
        activation: last ? 'linear' : 'relu',
        kernelInitializer: kernelInitializer(config, i === 0 ? inputs : widths[i - 1], i),
        biasInitializer: 'zeros',
        name: last ? 'logits' : `hiddenlayer_${i}`,
        ...(i === 0 ? { inputShape: [inputs] } : {}),
      }),
    );
  });
  return model;
}

function kernelInitializer(config: ModelConfig, fanIn: number, layer: number) {
  const seed = config.seed + layer;
  return config.initializer === 'truncated-normal'
    ? tf.initializers.truncatedNormal({ mean: 0, stddev: 1 / Math.sqrt(fanIn), seed })
    : tf.initializers.glorotUniform({ seed });
}

/** Weights and biases in a dense stack of the given widths. */
export function parameterCount(inputs: number, hiddenUnits: number[], classes: number): number {
  const widths = [inputs, ...hiddenUnits, classes];
  let total = 0;
  for (let i = 1; i < widths.length; i++) total += widths[i - 1] * widths[i] + widths[i];
  return total;
}

/** The optimizers a run can use, with tf.estimator's defaults (Adagrad starts its accumulators at 0.1). */
export function makeOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'adagrad':
      return tf.train.adagrad(learningRate, 0.1);
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, 0.9);
    case 'adam':
      return tf.train.adam(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    default: {
      const unknown: never = name;
      throw new Error(`Unknown optimizer ${String(unknown)}`);
    }
  }
}

/**
 * optimizer.dispose(), plus what tfjs 4.22 forgets: MomentumOptimizer.dispose() does
 * not call SGD's, so its -learning-rate scalar would stay behind, one tensor per reset.
 */
export function disposeOptimizer(optimizer: tf.Optimizer): void {
  optimizer.dispose();
  if (optimizer.getClassName() === 'Momentum') (optimizer as unknown as { c?: tf.Tensor }).c?.dispose();
}

/** Weights from JS arrays into a model, in getWeights() order. */
export function setWeights(model: tf.LayersModel, weights: Float32Array[]): ParseResult<undefined> {
  const current = model.getWeights();
  if (current.length !== weights.length || current.some((w, i) => w.size !== weights[i].length)) {
    return { ok: false, reason: 'The surviving weights do not fit the model.' };
  }
  tf.tidy(() => model.setWeights(current.map((w, i) => tf.tensor(weights[i], w.shape))));
  return { ok: true, value: undefined };
}
