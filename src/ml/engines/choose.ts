/**
 * Which engine runs a model, and building it. `auto` takes the fused loops, unless a
 * large network runs on WebGL on a real GPU (the worker only picks WebGL then), where
 * tfjs's big matrix products win.
 */
import * as tf from '@tensorflow/tfjs';
import { msg, type Message } from '../../shared/message';
import type { EngineChoice, EngineName, ModelConfig } from '../../shared/types';
import type { ClassificationData } from '../datasets/data';
import { initialWeights } from '../model/model';
import { parameterCount } from '../model/shape';
import type { Engine } from './engine';
import { FusedEngine } from './fused';
import { TfjsEngine } from './tfjs';

/**
 * Multiply-adds per step (batch x weights) above which `auto` leaves training to tfjs
 * on a GPU. Measured without a GPU: fused runs the Iris network (66k a step) 3-5x faster
 * than tfjs wasm and MNIST's 784-128-32-10 at batch 100 (10.5M) about 1.8x faster, so on
 * wasm and cpu the fused loops always win.
 */
export const GPU_WORK = 2_000_000;

export function chooseEngine(data: ClassificationData, config: ModelConfig, choice: EngineChoice, backend = tf.getBackend()): { name: EngineName; reason: Message } {
  if (choice !== 'auto') return { name: choice, reason: msg('train.engine-asked', { engine: choice }) };
  const work = config.batchSize * parameterCount(data.featureNames.length, config.hiddenUnits, data.classNames.length);
  if (backend === 'webgl' && work > GPU_WORK) return { name: 'tfjs', reason: msg('train.engine-gpu', { work }) };
  return { name: 'fused', reason: msg('train.engine-fused', { work }) };
}

/** A fresh model at step 0. Both engines start from the same seeded initial weights (tfjs's initializers). */
export function createEngine(data: ClassificationData, config: ModelConfig, name: EngineName): Engine {
  const inputs = data.featureNames.length;
  const classes = data.classNames.length;
  return name === 'fused' ? new FusedEngine(data, config, initialWeights(inputs, classes, config)) : new TfjsEngine(data, config);
}
