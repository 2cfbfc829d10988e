/**
 * Where the fused net meets a tfjs model, for the tests and the bench (the app itself moves
 * weights as JS arrays through the Engine interface). Not in any hot loop.
 *
 * Optimizer slots are not carried across: tfjs and FastOptimizer each keep their own.
 */
import * as tf from '@tensorflow/tfjs';
import type { ParseResult } from '../src/shared/result';
import { ACTIVATIONS } from '../src/shared/modelConfig';
import type { Activation } from '../src/ml/fast/activations';
import type { FastDenseNet } from '../src/ml/fast/net';

export interface DenseShape {
  /** [inputs, ...hidden, classes] */
  widths: number[];
  /** One per hidden layer. */
  activations: Activation[];
  /** The rate of the Dropout layer after every hidden layer, or 0 when there is none. */
  dropout: number;
}


/**
 * The FastDenseNet shape of a model, or why the fused path cannot train it: Dense layers
 * with a bias, hidden activations among Activation, linear logits, and either no Dropout
 * or one of the same rate after every hidden layer (what buildClassifier makes).
 */
export function denseShapeOf(model: tf.LayersModel): ParseResult<DenseShape> {
  const widths: number[] = [];
  const activations: Activation[] = [];
  const rates: number[] = [];
  const layers = model.layers;
  if (layers.length === 0) return { ok: false, reason: 'The model has no layers.' };
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i];
    const config = layer.getConfig();
    const last = i === layers.length - 1;
    if (layer.getClassName() === 'Dropout' && !last && rates.length < activations.length) {
      rates.push(Number(config.rate));
      continue;
    }
    if (layer.getClassName() !== 'Dense' || config.useBias !== true) {
      return { ok: false, reason: `Layer ${layer.name} is not a Dense layer with a bias, nor one Dropout after a hidden layer.` };
    }
    const [inputs, units] = layer.getWeights()[0].shape; // the kernel, [inputs, units]
    if (i === 0) widths.push(inputs);
    else if (inputs !== widths[widths.length - 1]) return { ok: false, reason: `Layer ${layer.name} is not stacked.` };
    widths.push(units);
    const activation = String(config.activation);
    if (last ? activation !== 'linear' : !(ACTIVATIONS as readonly string[]).includes(activation)) {
      return { ok: false, reason: `Layer ${layer.name} has activation ${activation}, which the fused path lacks.` };
    }
    if (!last) activations.push(activation as Activation);
  }
  const dropout = rates[0] ?? 0;
  if (rates.length > 0 && (rates.length !== activations.length || rates.some((r) => r !== dropout))) {
    return { ok: false, reason: `The fused path drops units after every hidden layer at one rate; this model has rates [${rates.join(', ')}] for ${activations.length} hidden layers.` };
  }
  return { ok: true, value: { widths, activations, dropout } };
}

/** net's weights = the model's (the model's variables are read, not changed). */
export function copyModelToNet(model: tf.LayersModel, net: FastDenseNet): void {
  net.setWeights(model.getWeights().map((w) => w.dataSync()));
}

/** The model's variables = net's weights. Leaves tf.memory().numTensors unchanged. */
export function copyNetToModel(net: FastDenseNet, model: tf.LayersModel): void {
  const shapes = model.getWeights().map((w) => w.shape);
  const weights = net.getWeights();
  if (weights.length !== shapes.length) {
    throw new Error(`The model has ${shapes.length} weights; the net has ${weights.length}.`);
  }
  tf.tidy(() => model.setWeights(weights.map((w, i) => tf.tensor(w, shapes[i], 'float32'))));
}
