/**
 * A training engine: who runs the steps of a model. Two exist. `tfjs` runs each step
 * as tfjs kernels on the backend (WebGL, wasm or cpu): the right choice for large
 * layers or a real GPU. `fused` runs the same math in Float32Array loops
 * (src/ml/fast): at the sizes of the Iris network tfjs spends its time dispatching
 * ~150 kernels a step, not computing. Either way the tfjs model is the model of record
 * for prediction, evaluation and export; sync() brings it up to date.
 */
import * as tf from '@tensorflow/tfjs';
import type { EngineChoice, EngineName, ModelConfig } from '../../shared/types';
import type { ClassificationData, LabelledSplit } from '../datasets/data';
import type { PerExample } from '../model/metrics';
import { FusedEngine } from './fused';
import { parameterCount } from '../model/model';
import { TfjsEngine } from './tfjs';

import type { SplitTensors } from '../model/splits';

/** The weights (and step) to go back to after a non-finite loss. */
export interface Snapshot {
  step: number;
  /** Put the engine back to these weights and this step, with fresh optimizer slots. */
  restore(): void;
  dispose(): void;
}

export interface Engine {
  readonly name: EngineName;
  /** The model of record; holds the newest weights after sync(). */
  readonly model: tf.Sequential;
  /** The training split on the backend, for evaluation. */
  readonly trainSplit: SplitTensors;
  readonly config: ModelConfig;
  globalStep: number;
  /** Run `count` steps; each step's loss as the model defines it (summed or mean over the batch). */
  steps(count: number): Promise<Float32Array>;
  /** Make `model` hold the weights of the newest step. */
  sync(): void;
  /**
   * Class probabilities of features [rows, inputs] -> [rows, classes], from the newest
   * weights, without syncing the model (the analysis views ask for them mid-run).
   */
  probabilities(features: Float32Array, rows: number): Promise<Float32Array>;
  /** Each row's loss and predicted class on a split (given as numbers and as tensors on the backend). */
  perExample(split: LabelledSplit, tensors: SplitTensors): Promise<PerExample>;
  snapshot(): Snapshot;
  /**
   * The model's weights were replaced (a restored checkpoint, an imported model): train on
   * from them at `step`, with fresh optimizer slots (checkpoints keep weights, not slots).
   */
  adopt(step: number): void;
  /** Change the learning rate from the next step on (a setting that needs no new model). */
  setLearningRate(learningRate: number): void;
  /** The newest weights if they live in JS memory (the fused engine), in getWeights() order; else null. */
  weightsInMemory(): Float32Array[] | null;
  dispose(): void;
}

/**
 * Multiply-adds per step (batch x weights) above which `auto` leaves training to tfjs
 * when the backend is WebGL on a real GPU (the worker only picks WebGL then), where
 * big matrix products win. Measured without a GPU: fused runs the Iris network
 * (66k a step) 3-5x faster than tfjs wasm and MNIST's 784-128-32-10 at batch 100
 * (10.5M) about 1.8x faster, so on wasm and cpu the fused loops always win.
 */
export const GPU_WORK = 2_000_000;

export function chooseEngine(data: ClassificationData, config: ModelConfig, choice: EngineChoice, backend = tf.getBackend()): { name: EngineName; reason: string } {
  if (choice !== 'auto') return { name: choice, reason: `asked for ${choice} in the URL` };
  const work = config.batchSize * parameterCount(data.featureNames.length, config.hiddenUnits, data.classNames.length);
  const size = `${work.toLocaleString('en')} multiply-adds a step`;
  if (backend === 'webgl' && work > GPU_WORK) return { name: 'tfjs', reason: `a large network (${size}) on a GPU: tfjs kernels` };
  return { name: 'fused', reason: `fused JS loops: at ${size} tfjs would spend its time dispatching kernels` };
}

export function createEngine(data: ClassificationData, config: ModelConfig, name: EngineName): Engine {
  return name === 'fused' ? new FusedEngine(data, config) : new TfjsEngine(data, config);
}
