/**
 * A training engine: who runs the steps of a model, and its forward pass. Two exist:
 * `fused` (Float32Array loops in src/ml/fast, no tfjs: at the Iris network's size tfjs
 * spends a step dispatching ~150 kernels, not computing) and `tfjs` (tfjs kernels on the
 * backend: the choice for large layers on a real GPU). Nothing here names a tfjs type:
 * data goes in and out as JS arrays, and a tfjs model is built only where one is needed
 * (the tfjs engine itself, export, checkpoints).
 */
import type { EngineName, ModelConfig } from '../../shared/types';
import type { LabelledSplit } from '../datasets/data';
import type { PerExample } from '../model/metrics';

/** The weights (and step) to go back to after a non-finite loss. */
export interface Snapshot {
  step: number;
  /** Put the engine back to these weights and this step, with fresh optimizer slots. */
  restore(): void;
  dispose(): void;
}

export interface Engine {
  readonly name: EngineName;
  readonly config: ModelConfig;
  /** Steps taken since the model was built (tf.estimator's global_step). */
  readonly globalStep: number;
  /** Run `count` steps; each step's loss as the model defines it (summed or mean over the batch), [count]. */
  steps(count: number): Promise<Float32Array>;
  /** Each row's loss and predicted class on a labelled split, from the newest weights. */
  evaluate(split: LabelledSplit): Promise<PerExample>;
  /** Logits of encoded rows: features [rows, inputs] -> [rows, classes] row-major. */
  logits(features: Float32Array, rows: number): Promise<Float32Array>;
  /** Softmax of the logits: features [rows, inputs] -> [rows, classes] row-major. */
  probabilities(features: Float32Array, rows: number): Promise<Float32Array>;
  /** Copies of the newest weights: kernel0 [in * out], bias0 [out], kernel1, ... (tfjs's getWeights() order). */
  weights(): Promise<Float32Array[]>;
  /**
   * Replace the weights (a restored checkpoint, an imported model, weights that survived a
   * backend) and go on at `step` with fresh optimizer slots (checkpoints keep weights, not
   * slots). Throws a MessageError when they do not fit the network.
   */
  load(weights: readonly Float32Array[], step: number): void;
  snapshot(): Snapshot;
  /** Change the learning rate from the next step on (a setting that needs no new model). */
  setLearningRate(learningRate: number): void;
  /** True when the newest weights live in JS memory and survive the backend going away (the fused engine). */
  readonly weightsInJs: boolean;
  dispose(): void;
}
