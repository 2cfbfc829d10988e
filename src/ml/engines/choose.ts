/**
 * Which engine runs a model, and building it. `auto` takes the fused loops (their matrix
 * products in WebAssembly SIMD where the engine has it), unless a large network runs on
 * WebGL or WebGPU on a real GPU, where tfjs's big matrix products win. `auto` picks those
 * backends only on a hardware GPU; one asked for by name (`?backend=webgl`) may be a
 * software renderer, and there the fused loops still train (MNIST on SwiftShader's WebGL:
 * tfjs 18 steps/s, the fused SIMD loops about 170).
 */
import * as tf from '@tensorflow/tfjs';
import { msg, type Message } from '../../shared/message';
import type { BackendName, EngineChoice, EngineName, FusedLoops, ModelConfig } from '../../shared/types';
import type { ClassificationData } from '../datasets/data';
import { initialWeights } from '../model/model';
import { parameterCount } from '../model/shape';
import type { Engine } from './engine';
import { simdSupported } from '../fast/simd';
import { FusedEngine } from './fused';
import { TfjsEngine } from './tfjs';

/**
 * Multiply-adds per step (batch x weights) above which `auto` leaves training to tfjs
 * on a GPU. Measured without a GPU: fused runs the Iris network (66k a step) 3-5x faster
 * than tfjs wasm and MNIST's 784-128-32-10 at batch 100 (10.5M) about 1.8x faster, so on
 * wasm and cpu the fused loops always win.
 */
export const GPU_WORK = 2_000_000;

/** tfjs backends that run on a GPU (the worker picks them in `auto` only on a hardware one). */
const GPU_BACKENDS: readonly string[] = ['webgl', 'webgpu'] satisfies readonly BackendName[];

/** Whether the GPU backend in use runs on a hardware GPU: the worker says so when it picks the backend (its renderer-name rule). */
let hardwareGpu = true;
export function setHardwareGpu(hardware: boolean): void {
  hardwareGpu = hardware;
}

export interface EngineChoiceResult {
  name: EngineName;
  /** The fused engine's loops ('js' for the tfjs engine, which does not use them). */
  loops: FusedLoops;
  reason: Message;
}

export function chooseEngine(
  data: ClassificationData,
  config: ModelConfig,
  choice: EngineChoice,
  backend = tf.getBackend(),
  simd = simdSupported(),
  hardware = hardwareGpu,
): EngineChoiceResult {
  const loops: FusedLoops = simd ? 'simd' : 'js';
  if (choice === 'fused-js') return { name: 'fused', loops: 'js', reason: msg('train.engine-asked', { engine: choice }) };
  if (choice === 'fused') return { name: 'fused', loops, reason: msg('train.engine-asked', { engine: choice }) };
  if (choice === 'tfjs') return { name: 'tfjs', loops: 'js', reason: msg('train.engine-asked', { engine: choice }) };
  const work = config.batchSize * parameterCount(data.featureNames.length, config.hiddenUnits, data.classNames.length);
  if (GPU_BACKENDS.includes(backend) && hardware && work > GPU_WORK) return { name: 'tfjs', loops: 'js', reason: msg('train.engine-gpu', { work }) };
  return { name: 'fused', loops, reason: msg(loops === 'simd' ? 'train.engine-fused-simd' : 'train.engine-fused', { work }) };
}

/** A fresh model at step 0. Both engines start from the same seeded initial weights (tfjs's initializers). */
export function createEngine(data: ClassificationData, config: ModelConfig, name: EngineName, loops: FusedLoops = 'simd'): Engine {
  const inputs = data.featureNames.length;
  const classes = data.classNames.length;
  return name === 'fused' ? new FusedEngine(data, config, initialWeights(inputs, classes, config), loops) : new TfjsEngine(data, config);
}
