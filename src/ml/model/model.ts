/**
 * The network of both tutorials: dense hidden layers (ReLU by default; tanh, sigmoid or
 * linear by choice) and a linear logits layer with zero biases. tf.estimator's
 * DNNClassifier draws kernels Glorot-uniform (tfjs's Dense defaults to Glorot-normal, so
 * it is set here); Mechanics 101's inference() draws them from a truncated normal with
 * stddev 1/sqrt(fan-in). Optional dropout after each hidden layer and an L2 penalty on
 * the kernels. Also the training loss and the optimizers.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig, OptimizerName } from '../../shared/types';
import type { Head } from '../fast/net';
import { msg } from '../../shared/message';
import { reasonError, type ParseResult } from '../../shared/result';

/**
 * inputs -> hidden[0] (-> dropout) -> ... -> hidden[n-1] (-> dropout) -> classes logits.
 * Input shape [batch, inputs]; output shape [batch, classes] (logits, no softmax).
 * Each layer's initializer gets its own seed derived from `config.seed`, so a seed
 * reproduces the initial weights exactly. Dropout layers act only in apply(x,
 * {training: true}) and hold no weights, so getWeights() stays kernel0, bias0, kernel1, ...
 * With l2 > 0 every Dense kernel (the logits' too, not the biases) carries Keras's
 * regularizers.l2: it travels with an export, and trainingLoss() adds it to the loss.
 */
export function buildClassifier(inputs: number, classes: number, config: ModelConfig): tf.Sequential {
  const model = tf.sequential();
  const widths = [...config.hiddenUnits, classes];
  widths.forEach((units, i) => {
    const last = i === widths.length - 1;
    model.add(
      tf.layers.dense({
        units,
        activation: last ? 'linear' : config.activation,
        kernelInitializer: kernelInitializer(config, i === 0 ? inputs : widths[i - 1], i),
        biasInitializer: 'zeros',
        ...(config.l2 > 0 ? { kernelRegularizer: tf.regularizers.l2({ l2: config.l2 }) } : {}),
        name: last ? 'logits' : `hiddenlayer_${i}`,
        ...(i === 0 ? { inputShape: [inputs] } : {}),
      }),
    );
    // No seed: tfjs's dropout would then draw the same mask at every step.
    if (!last && config.dropout > 0) model.add(tf.layers.dropout({ rate: config.dropout, name: `dropout_${i}` }));
  });
  return model;
}

/**
 * The loss a training step minimizes: softmax cross-entropy of logits [batch, classes]
 * against one-hot labels [batch, classes], each example's weighted by its class's weight
 * when `weights` [batch] is given, summed or averaged over the batch, plus each
 * layer's regularization penalty (l2 * sum(kernel^2) per kernel, added in layer order).
 * With head 'squared-error' (DNNRegressor) the loss is the squared error of the one output
 * against yb [batch, 1], the standardised targets, reduced the same way.
 * tfjs's fit() would add the penalties itself; a custom optimizer.minimize() does not,
 * so here they are counted exactly once. Call inside minimize()/tidy().
 */
export function trainingLoss(model: tf.LayersModel, xb: tf.Tensor2D, yb: tf.Tensor2D, reduction: ModelConfig['reduction'], weights?: tf.Tensor1D, head: Head = 'softmax'): tf.Scalar {
  const logits = model.apply(xb, { training: true }) as tf.Tensor2D; // [batch, classes]
  let loss: tf.Scalar;
  if (head === 'squared-error') {
    // DNNRegressor: yb [batch, 1] the standardised targets, logits [batch, 1] the output; no class weights.
    loss = tf.losses.meanSquaredError(yb, logits, undefined, reduction === 'sum' ? tf.Reduction.SUM : tf.Reduction.MEAN) as tf.Scalar;
  } else if (weights) {
    // Class weights [batch], as Keras' class_weight: each example's loss times its class's
    // weight, then summed, or divided by the batch size (not by the weights' sum, which is
    // what tf.losses' MEAN with weights would do).
    const weighted = tf.mul(tf.losses.softmaxCrossEntropy(yb, logits, undefined, undefined, tf.Reduction.NONE), weights);
    loss = reduction === 'sum' ? tf.sum(weighted) : tf.mean(weighted);
  } else {
    const tfReduction = reduction === 'sum' ? tf.Reduction.SUM : tf.Reduction.MEAN;
    loss = tf.losses.softmaxCrossEntropy(yb, logits, undefined, undefined, tfReduction) as tf.Scalar;
  }
  // Layer-level: Sequential.calculateLosses() finds none (tfjs 4.22 keys them by the inner model's nodes).
  for (const penalty of model.layers.flatMap((layer) => layer.calculateLosses())) loss = tf.add(loss, penalty);
  return loss;
}

function kernelInitializer(config: ModelConfig, fanIn: number, layer: number) {
  const seed = config.seed + layer;
  return config.initializer === 'truncated-normal'
    ? tf.initializers.truncatedNormal({ mean: 0, stddev: 1 / Math.sqrt(fanIn), seed })
    : tf.initializers.glorotUniform({ seed });
}

export { parameterCount } from './shape';

/**
 * The seeded initial weights of a fresh network, as JS arrays in getWeights() order: the
 * same values buildClassifier's initializers draw, so both engines start alike.
 */
export function initialWeights(inputs: number, classes: number, config: ModelConfig): Float32Array[] {
  const model = buildClassifier(inputs, classes, config);
  try {
    return model.getWeights().map((w) => (w.dataSync() as Float32Array).slice());
  } finally {
    model.dispose();
  }
}

/** A tfjs model of the config's shape holding `weights` (for export and checkpoints); the caller disposes it. */
export function modelFromWeights(inputs: number, classes: number, config: ModelConfig, weights: readonly Float32Array[]): tf.Sequential {
  const model = buildClassifier(inputs, classes, config);
  const fitted = setWeights(model, weights);
  if (!fitted.ok) {
    model.dispose();
    throw reasonError(fitted.reason);
  }
  return model;
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
export function setWeights(model: tf.LayersModel, weights: readonly Float32Array[]): ParseResult<undefined> {
  const current = model.getWeights();
  if (current.length !== weights.length || current.some((w, i) => w.size !== weights[i].length)) {
    return { ok: false, reason: msg('train.weights-misfit', { expected: current.length, found: weights.length }) };
  }
  tf.tidy(() => model.setWeights(current.map((w, i) => tf.tensor(weights[i], w.shape))));
  return { ok: true, value: undefined };
}
