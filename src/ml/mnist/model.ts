/**
 * mnist.py's inference(), loss() and do_eval() counting (TensorFlow Mechanics 101) in tfjs:
 * two ReLU layers and linear logits, truncated-normal weights with stddev 1/sqrt(fan-in),
 * zero biases. Kept apart from ../model.ts, whose DNNClassifier uses Glorot kernels.
 */
import * as tf from '@tensorflow/tfjs';
import { MNIST_CLASSES } from './dataset';

export interface MnistModelConfig {
  /** Pixels per image (IMAGE_PIXELS, 784). */
  inputs: number;
  /** FLAGS.hidden1 (128). */
  hidden1: number;
  /** FLAGS.hidden2 (32). */
  hidden2: number;
  classes: number;
  /** Layer i's initializer uses seed + i, so a seed reproduces the initial weights. */
  seed: number;
}

export const MNIST_MODEL_DEFAULTS: MnistModelConfig = { inputs: 784, hidden1: 128, hidden2: 32, classes: MNIST_CLASSES, seed: 0 };

/**
 * The tutorial's network: [batch, inputs] -> hidden1 (ReLU) -> hidden2 (ReLU) ->
 * softmax_linear: [batch, classes] logits (no softmax). Layers are named like mnist.py's
 * name scopes. The caller disposes the model.
 */
export function inference(config: Partial<MnistModelConfig> = {}): tf.Sequential {
  const c = { ...MNIST_MODEL_DEFAULTS, ...config };
  const layers = [
    { name: 'hidden1', units: c.hidden1, fanIn: c.inputs, activation: 'relu' },
    { name: 'hidden2', units: c.hidden2, fanIn: c.hidden1, activation: 'relu' },
    { name: 'softmax_linear', units: c.classes, fanIn: c.hidden2, activation: 'linear' },
  ] as const;
  const model = tf.sequential({ name: 'mnist' });
  layers.forEach((layer, i) => {
    model.add(
      tf.layers.dense({
        name: layer.name,
        units: layer.units,
        activation: layer.activation,
        // tf.truncated_normal re-draws beyond 2 stddev, as tfjs's truncatedNormal does.
        kernelInitializer: tf.initializers.truncatedNormal({ mean: 0, stddev: 1 / Math.sqrt(layer.fanIn), seed: c.seed + i }),
        biasInitializer: 'zeros',
        ...(i === 0 ? { inputShape: [c.inputs] } : {}),
      }),
    );
  });
  return model;
}

/** Weights and biases of inference(config): 104,938 for 784-128-32-10. */
export function mnistParameterCount(config: Partial<MnistModelConfig> = {}): number {
  const c = { ...MNIST_MODEL_DEFAULTS, ...config };
  return (c.inputs + 1) * c.hidden1 + (c.hidden1 + 1) * c.hidden2 + (c.hidden2 + 1) * c.classes;
}

/**
 * mnist.py's loss(): sparse softmax cross-entropy, mean over the batch.
 * logits [batch, classes] float, labels [batch] int32 class ids -> scalar. Caller disposes.
 */
export function sparseSoftmaxLoss(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const onehot = tf.oneHot(labels.toInt(), logits.shape[1]);
    return tf.losses.softmaxCrossEntropy(onehot, logits, undefined, undefined, tf.Reduction.MEAN) as tf.Scalar;
  });
}

/** What do_eval() prints for one split. */
export interface PrecisionAt1 {
  examples: number;
  correct: number;
  /** correct / examples, 0 when there are no examples. */
  precision: number;
}

/**
 * do_eval()'s count: an example is correct when tf.nn.in_top_k(logits, label, 1) holds,
 * i.e. no logit is larger than the true class's (a tie at the top counts as correct, as
 * in TensorFlow; a non-finite true logit or a label outside [0, classes) does not).
 * `logits` is [examples, classes] row-major, `labels` [examples]. Note that do_eval itself
 * only looks at whole batches (examples // batch_size * batch_size); pass that many rows
 * to reproduce its numbers exactly.
 * Throws a RangeError when the lengths disagree: that is a bug in the caller, not bad data.
 */
export function precisionAt1(logits: ArrayLike<number>, labels: ArrayLike<number>, classes = MNIST_CLASSES): PrecisionAt1 {
  const examples = labels.length;
  if (logits.length !== examples * classes) {
    throw new RangeError(`precisionAt1: logits.length ${logits.length} !== labels.length ${examples} * classes ${classes}`);
  }
  let correct = 0;
  for (let i = 0; i < examples; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= classes) continue;
    const row = i * classes;
    const target = logits[row + label];
    if (!Number.isFinite(target)) continue;
    let inTop = true;
    for (let c = 0; c < classes && inTop; c++) if (logits[row + c] > target) inTop = false;
    if (inTop) correct++;
  }
  return { examples, correct, precision: examples > 0 ? correct / examples : 0 };
}

/** do_eval()'s line: `Num examples: 5000  Num correct: 4522  Precision @ 1: 0.9044`. */
export function formatPrecision(p: PrecisionAt1): string {
  return `Num examples: ${p.examples}  Num correct: ${p.correct}  Precision @ 1: ${p.precision.toFixed(4)}`;
}
