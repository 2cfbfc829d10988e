/**
 * A dense classifier trained in plain Float32Arrays. At the model sizes of this
 * playground tfjs spends its time dispatching ~150-190 kernels per step, not on
 * arithmetic; this does the same step (forward, softmax cross-entropy, backward,
 * optimizer update) in a few loops over buffers allocated once per batch size.
 * Training may drop hidden units (inverted dropout, as tf.layers.dropout) and add an L2
 * penalty on the kernels (as Keras's regularizers.l2).
 *
 * Every op follows the tfjs cpu kernel it replaces (see matmul.ts, softmax.ts,
 * activations.ts, optimizers.ts), so from the same weights and batches it reaches the
 * same weights as a tfjs model built by buildClassifier. The tfjs model stays the
 * model of record: copy weights in and out with tfBridge.ts. No tfjs, no DOM here.
 */
import { activationBackward, addBiasActivate, type Activation } from './activations';
import { dropout, dropoutBackward } from './dropout';
import { createScratch, matMul, matMulTransposeA, matMulTransposeB, type MatMulScratch } from './matmul';
import type { FastOptimizer } from './optimizers';
import type { FusedLoops } from '../../shared/types';
import { mulberry32 } from '../model/rng';
import { simdKernels, type SimdKernels } from './simd';
import { softmaxCrossEntropyBackward, type LossReduction } from './softmax';
import { squaredErrorBackward } from './squaredError';

export interface FastDenseNetConfig {
  /** Layer widths [inputs, ...hidden, classes]; at least two. */
  widths: readonly number[];
  /** One per hidden layer (widths.length - 2); 'relu' for each when left out. The logits are linear. */
  activations?: readonly Activation[];
  optimizer: FastOptimizer;
  /** How step() reduces the per-example losses; 'sum' (tf.estimator's head) when left out. */
  reduction?: LossReduction;
  /** Fraction of each hidden layer's outputs dropped in a training step, in [0, 1); 0 when left out. */
  dropout?: number;
  /** L2 penalty: the loss gains l2 * sum(w^2) over every kernel (not the biases); 0 when left out. */
  l2?: number;
  /** Seeds the dropout masks' generator, so a seed repeats a run; 0 when left out. */
  seed?: number;
  /**
   * Which loops run the forward product and the kernel gradients: 'simd' (WebAssembly
   * SIMD, simd.ts) where the engine has it, else 'js' (matmul.ts); the same numbers
   * either way. 'simd' when left out.
   */
  kernels?: KernelChoice;
  /** Each class's weight in the training loss [classes] (model/classWeights.ts); unweighted when left out. */
  classWeights?: Float32Array | null;
  /**
   * The training loss on the output: 'softmax' cross-entropy against class ids (DNNClassifier,
   * the default) or 'squared-error' of one output against a number (DNNRegressor; widths end in 1).
   */
  head?: Head;
}

export type Head = 'softmax' | 'squared-error';

export type KernelChoice = FusedLoops;

/** Buffers for one batch size. outputs[l]: layer l's output [rows, widths[l + 1]]. */
interface Workspace {
  rows: number;
  outputs: Float32Array[];
  /** deltas[l]: gradient at layer l's output, then (in place) at its pre-activation. Training only. */
  deltas: Float32Array[];
  /**
   * Training with dropout only (else empty), one per hidden layer, [rows, widths[l + 1]]:
   * masks[l] holds each unit's multiplier this step (0 dropped, 1 / (1 - rate) kept) and
   * dropped[l] = outputs[l] * masks[l], what the next layer reads. outputs[l] keeps the
   * activation's output, which its derivative needs.
   */
  masks: Float32Array[];
  dropped: Float32Array[];
}

const f = Math.fround;

export class FastDenseNet {
  readonly widths: readonly number[];
  readonly activations: readonly Activation[];
  readonly reduction: LossReduction;
  readonly optimizer: FastOptimizer;
  readonly dropout: number;
  readonly l2: number;
  readonly classWeights: Float32Array | null;
  readonly head: Head;
  /** Uniform [0, 1) draws for the dropout masks; one generator per net, seeded. */
  private readonly random: () => number;
  /** kernels[l]: [widths[l], widths[l + 1]] row-major, a tfjs Dense kernel's layout. */
  private readonly kernels: Float32Array[] = [];
  /** biases[l]: [widths[l + 1]]. */
  private readonly biases: Float32Array[] = [];
  /** kernel0, bias0, kernel1, bias1, ...: tfjs's model.getWeights() order. */
  private readonly params: Float32Array[] = [];
  private readonly grads: Float32Array[] = [];
  /** Reused by the matrix products and the bias gradient (matmul.ts). */
  private readonly scratch: MatMulScratch;
  /** The WebAssembly SIMD products, or null for the JS loops (asked for, or no SIMD here). */
  private readonly simd: SimdKernels | null;
  private training: Workspace | null = null;
  private inference: Workspace | null = null;

  constructor(config: FastDenseNetConfig) {
    const { widths } = config;
    if (widths.length < 2 || widths.some((w) => !Number.isInteger(w) || w < 1)) {
      throw new Error(`Layer widths must be two or more positive integers, got [${widths.join(', ')}].`);
    }
    const activations = config.activations ?? widths.slice(2).map((): Activation => 'relu');
    if (activations.length !== widths.length - 2) {
      throw new Error(`${widths.length - 2} hidden layers need as many activations, got ${activations.length}.`);
    }
    this.widths = [...widths];
    this.activations = [...activations];
    this.reduction = config.reduction ?? 'sum';
    this.optimizer = config.optimizer;
    this.dropout = config.dropout ?? 0;
    this.l2 = config.l2 ?? 0;
    this.classWeights = config.classWeights ?? null;
    this.head = config.head ?? 'softmax';
    if (this.head === 'squared-error' && widths[widths.length - 1] !== 1) throw new Error(`A regression has one output, got ${widths[widths.length - 1]}.`);
    if (!(this.dropout >= 0 && this.dropout < 1)) throw new Error(`The dropout rate must be in [0, 1), got ${this.dropout}.`);
    if (!(this.l2 >= 0 && Number.isFinite(this.l2))) throw new Error(`The L2 penalty must be a finite number of at least 0, got ${this.l2}.`);
    this.random = mulberry32(config.seed ?? 0);
    for (let l = 0; l < this.layerCount; l++) {
      const kernel = new Float32Array(widths[l] * widths[l + 1]);
      const bias = new Float32Array(widths[l + 1]);
      this.kernels.push(kernel);
      this.biases.push(bias);
      this.params.push(kernel, bias);
      this.grads.push(new Float32Array(kernel.length), new Float32Array(bias.length));
    }
    this.scratch = createScratch(Math.max(...widths));
    this.simd = (config.kernels ?? 'simd') === 'simd' ? simdKernels() : null;
  }

  /** The loops this net's products run in: 'simd' only where WebAssembly SIMD is. */
  get loops(): KernelChoice {
    return this.simd ? 'simd' : 'js';
  }

  /** Dense layers, the logits layer included. */
  get layerCount(): number {
    return this.widths.length - 1;
  }

  get inputs(): number {
    return this.widths[0];
  }

  get classes(): number {
    return this.widths[this.widths.length - 1];
  }

  /** Copies weights in, in tfjs's model.getWeights() order (kernel0 [in*out], bias0 [out], ...). */
  setWeights(weights: readonly ArrayLike<number>[]): void {
    if (weights.length !== this.params.length) {
      throw new Error(`Expected ${this.params.length} weight arrays (a kernel and a bias per layer), got ${weights.length}.`);
    }
    weights.forEach((w, i) => {
      if (w.length !== this.params[i].length) {
        throw new Error(`Weight ${i} has ${w.length} values; this layer needs ${this.params[i].length}.`);
      }
    });
    weights.forEach((w, i) => this.params[i].set(w));
  }

  /** Copies of the weights, in tfjs's model.getWeights() order. */
  getWeights(): Float32Array[] {
    return this.params.map((p) => p.slice());
  }

  setLearningRate(learningRate: number): void {
    this.optimizer.setLearningRate(learningRate);
  }

  /**
   * One optimizer step, as the tfjs engine's step (tfjsEngine.ts): logits = net(x) with
   * hidden units dropped, loss = reduced softmax cross-entropy against labels plus the L2
   * penalty, gradients by backprop, one optimizer update. x [batch, inputs] row-major,
   * labels [batch] class ids, or for the squared-error head targets [batch] (the
   * standardised numbers; labels are then not read). Returns the loss ('sum' or 'mean'
   * over the batch, penalty included), computed before the update. Allocates only when
   * the batch size changes.
   */
  step(x: Float32Array, labels: Int32Array, batch: number, targets?: Float32Array): number {
    this.checkInput(x, batch);
    const regression = this.head === 'squared-error';
    const read = regression ? targets : labels;
    if (read === undefined) throw new Error('A regression step needs its targets.');
    if (read.length < batch) throw new Error(`${regression ? 'targets' : 'labels'} has ${read.length} values; a batch of ${batch} needs ${batch}.`);
    const ws = (this.training = this.workspace(this.training, batch, true));
    this.forward(x, ws);
    const L = this.layerCount;
    let loss =
      targets !== undefined && regression
        ? squaredErrorBackward(ws.outputs[L - 1], targets, batch, this.reduction, ws.deltas[L - 1])
        : softmaxCrossEntropyBackward(ws.outputs[L - 1], labels, batch, this.classes, this.reduction, ws.deltas[L - 1], this.classWeights);
    for (let l = L - 1; l >= 0; l--) this.backwardLayer(l, l === 0 ? x : this.layerInput(ws, l), ws);
    if (this.l2 > 0) loss = this.addL2(loss);
    this.optimizer.apply(this.params, this.grads);
    return loss;
  }

  /**
   * The L2 penalty, as tfjs's L1L2 regularizer and its gradient compute it: per kernel,
   * penalty = sum(fround(l2 * w²)) (a float64 sum, rounded once) added to the loss in
   * layer order, and grad += l2 * 2w. Returns the loss with the penalties.
   */
  private addL2(loss: number): number {
    const l2 = f(this.l2);
    const twice = 2 * l2; // exact: a power-of-two scaling of a float32
    for (let l = 0; l < this.layerCount; l++) {
      const w = this.kernels[l];
      const g = this.grads[2 * l];
      let penalty = 0;
      for (let k = 0; k < w.length; k++) {
        const wk = w[k];
        penalty += f(l2 * f(wk * wk));
        g[k] = f(g[k] + f(twice * wk));
      }
      loss = f(loss + f(penalty));
    }
    return loss;
  }

  /** Logits [rows, classes] of x [rows, inputs] (a new array), as the tfjs model's predict(). */
  predict(x: Float32Array, rows: number): Float32Array {
    this.checkInput(x, rows);
    // The inference workspace has no masks: predict() never drops a unit.
    const ws = (this.inference = this.workspace(this.inference, rows, false));
    this.forward(x, ws);
    return ws.outputs[this.layerCount - 1].slice(0, rows * this.classes);
  }

  /**
   * outputs[l] = act_l(input · kernel_l + bias_l) for every layer; the logits are linear.
   * With masks (training with dropout) each hidden output is also dropped into dropped[l].
   */
  private forward(x: Float32Array, ws: Workspace): void {
    const widths = this.widths;
    const rows = ws.rows;
    for (let l = 0; l < this.layerCount; l++) {
      const input = l === 0 ? x : this.layerInput(ws, l);
      const out = ws.outputs[l];
      const hidden = l < this.layerCount - 1;
      const act = hidden ? this.activations[l] : 'linear';
      if (this.simd && (act === 'relu' || act === 'linear')) {
        this.simd.forwardLayer(input, this.kernels[l], this.biases[l], out, rows, widths[l], widths[l + 1], act === 'relu');
      } else {
        if (this.simd) this.simd.matMul(input, this.kernels[l], out, rows, widths[l], widths[l + 1]);
        else matMul(input, this.kernels[l], out, rows, widths[l], widths[l + 1], this.scratch);
        addBiasActivate(out, this.biases[l], rows, widths[l + 1], act);
      }
      if (hidden && ws.masks.length > 0) dropout(out, ws.masks[l], ws.dropped[l], rows * widths[l + 1], this.dropout, this.random);
    }
  }

  /** What layer l (> 0) reads: the layer below's output, after dropout when there is dropout. */
  private layerInput(ws: Workspace, l: number): Float32Array {
    return ws.masks.length > 0 ? ws.dropped[l - 1] : ws.outputs[l - 1];
  }


  /**
   * Layer l's gradients from deltas[l] (the gradient at its pre-activation, [rows, out]):
   * dBias = sum over rows, dKernel = inputᵀ · delta, and, below the first layer, the
   * gradient at the previous layer's pre-activation: act'(delta · kernelᵀ).
   */
  private backwardLayer(l: number, input: Float32Array, ws: Workspace): void {
    const inW = this.widths[l];
    const outW = this.widths[l + 1];
    const rows = ws.rows;
    const delta = ws.deltas[l];
    const act = l > 0 ? this.activations[l - 1] : 'linear';
    // The whole layer in one wasm call where nothing sits between its ops (no dropout mask, ReLU or no activation below).
    if (this.simd && ws.masks.length === 0 && (act === 'relu' || act === 'linear')) {
      const below = l > 0 ? ws.deltas[l - 1] : null;
      this.simd.backwardLayer(input, delta, this.kernels[l], this.grads[2 * l], this.grads[2 * l + 1], below, rows, inW, outW, act === 'relu');
      return;
    }
    // tfjs's Sum over the batch axis: a float64 sum per column, rounded once.
    const acc = this.scratch.acc;
    acc.fill(0, 0, outW);
    for (let r = 0; r < rows; r++) {
      const o = r * outW;
      for (let j = 0; j < outW; j++) acc[j] += delta[o + j];
    }
    const gBias = this.grads[2 * l + 1];
    for (let j = 0; j < outW; j++) gBias[j] = acc[j];
    if (this.simd) this.simd.matMulTransposeA(input, delta, this.grads[2 * l], rows, inW, outW);
    else matMulTransposeA(input, delta, this.grads[2 * l], rows, inW, outW, this.scratch);
    if (l > 0) {
      const below = ws.deltas[l - 1];
      if (this.simd) this.simd.matMulTransposeB(delta, this.kernels[l], below, rows, inW, outW);
      else matMulTransposeB(delta, this.kernels[l], below, rows, inW, outW);
      if (ws.masks.length > 0) dropoutBackward(below, ws.masks[l - 1], rows * inW);
      activationBackward(below, ws.outputs[l - 1], rows * inW, this.activations[l - 1]);
    }
  }

  private checkInput(x: Float32Array, rows: number): void {
    if (!Number.isInteger(rows) || rows < 1) throw new Error(`The row count must be a positive integer, got ${rows}.`);
    if (x.length < rows * this.inputs) {
      throw new Error(`x has ${x.length} values; ${rows} rows of ${this.inputs} inputs need ${rows * this.inputs}.`);
    }
  }

  /** The workspace for `rows`, reusing `current` when it already fits. */
  private workspace(current: Workspace | null, rows: number, training: boolean): Workspace {
    if (current !== null && current.rows === rows) return current;
    const sizes = this.widths.slice(1).map((w) => rows * w);
    const hidden = training && this.dropout > 0 ? sizes.slice(0, -1) : [];
    return {
      rows,
      outputs: sizes.map((n) => new Float32Array(n)),
      deltas: training ? sizes.map((n) => new Float32Array(n)) : [],
      masks: hidden.map((n) => new Float32Array(n)),
      dropped: hidden.map((n) => new Float32Array(n)),
    };
  }
}
