/**
 * The optimizers of model.ts's makeOptimizer, as plain loops over Float32Arrays that
 * follow tfjs-core 4.22's applyGradients op for op (each op rounded to float32, every
 * scalar hyperparameter stored as a float32 tensor). With the same gradients they
 * give the same weights as tfjs bit for bit. Slots are allocated on the first update,
 * as tfjs does, and never again.
 */
import type { OptimizerName } from '../../shared/types';

/** tfjs's backend epsilon on float32 backends (cpu, wasm, WebGL with float textures). */
export const TFJS_EPSILON = 1e-7;

const f = Math.fround;

export interface FastOptimizer {
  readonly name: OptimizerName;
  /** Updates every params[i] in place from grads[i] (same lengths), as one tfjs minimize() does. */
  apply(params: readonly Float32Array[], grads: readonly Float32Array[]): void;
  /** Takes effect from the next apply(), as assigning tfjs's optimizer.learningRate does. */
  setLearningRate(learningRate: number): void;
  /** Forgets the slots (accumulators, moments): the state of a freshly made optimizer. */
  reset(): void;
}

/** Per-parameter slot arrays, allocated on the first apply. */
function slots(params: readonly Float32Array[], fill: number): Float32Array[] {
  return params.map((p) => new Float32Array(p.length).fill(fill));
}

/** tf.train.sgd: p = fround(fround(-lr) * g) + p. */
export class SgdOptimizer implements FastOptimizer {
  readonly name: OptimizerName = 'sgd';
  private c = 0;
  constructor(learningRate: number) {
    this.setLearningRate(learningRate);
  }
  setLearningRate(learningRate: number): void {
    this.c = f(-learningRate);
  }
  reset(): void {}
  apply(params: readonly Float32Array[], grads: readonly Float32Array[]): void {
    const c = this.c;
    params.forEach((p, i) => {
      const g = grads[i];
      for (let k = 0; k < p.length; k++) p[k] = f(c * g[k]) + p[k];
    });
  }
}

/** tf.train.momentum(lr, momentum), not Nesterov: a = m·a + g; p = fround(-lr)·a + p. */
export class MomentumOptimizer implements FastOptimizer {
  readonly name: OptimizerName = 'momentum';
  private c = 0;
  private readonly m: number;
  private accumulations: Float32Array[] | null = null;
  constructor(learningRate: number, momentum = 0.9) {
    this.m = f(momentum);
    this.setLearningRate(learningRate);
  }
  setLearningRate(learningRate: number): void {
    this.c = f(-learningRate);
  }
  reset(): void {
    this.accumulations = null;
  }
  apply(params: readonly Float32Array[], grads: readonly Float32Array[]): void {
    const acc = (this.accumulations ??= slots(params, 0));
    const { c, m } = this;
    params.forEach((p, i) => {
      const g = grads[i];
      const a = acc[i];
      for (let k = 0; k < p.length; k++) {
        const ak = f(f(m * a[k]) + g[k]);
        a[k] = ak;
        p[k] = f(c * ak) + p[k];
      }
    });
  }
}

/** tf.train.adagrad(lr, initial): s = s + g²; p = (g / sqrt(s + eps))·(-lr) + p. */
export class AdagradOptimizer implements FastOptimizer {
  readonly name: OptimizerName = 'adagrad';
  private negLr = 0;
  private readonly eps: number;
  private accumulated: Float32Array[] | null = null;
  constructor(
    learningRate: number,
    private readonly initialAccumulatorValue = 0.1,
    epsilon = TFJS_EPSILON,
  ) {
    this.eps = f(epsilon);
    this.setLearningRate(learningRate);
  }
  setLearningRate(learningRate: number): void {
    this.negLr = f(-learningRate);
  }
  reset(): void {
    this.accumulated = null;
  }
  apply(params: readonly Float32Array[], grads: readonly Float32Array[]): void {
    const acc = (this.accumulated ??= slots(params, this.initialAccumulatorValue));
    const { negLr, eps } = this;
    params.forEach((p, i) => {
      const g = grads[i];
      const s = acc[i];
      for (let k = 0; k < p.length; k++) {
        const gk = g[k];
        const sk = f(s[k] + f(gk * gk));
        s[k] = sk;
        p[k] = f(f(gk / f(Math.sqrt(f(sk + eps)))) * negLr) + p[k];
      }
    });
  }
}

/**
 * tf.train.adam(lr, beta1, beta2): m = m·β1 + g·(1-β1); v = v·β2 + g²·(1-β2);
 * p = (m / (1-β1ᵗ)) / (sqrt(v / (1-β2ᵗ)) + eps)·(-lr) + p, with β1ᵗ and β2ᵗ kept as
 * float32 products (tfjs's accBeta1 / accBeta2 variables), stepped after each update.
 */
export class AdamOptimizer implements FastOptimizer {
  readonly name: OptimizerName = 'adam';
  private negLr = 0;
  private readonly b1: number;
  private readonly b2: number;
  private readonly oneMinusB1: number;
  private readonly oneMinusB2: number;
  private readonly eps: number;
  private accB1 = 0;
  private accB2 = 0;
  private moments: { m: Float32Array[]; v: Float32Array[] } | null = null;
  constructor(learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = TFJS_EPSILON) {
    this.b1 = f(beta1);
    this.b2 = f(beta2);
    // tfjs passes `1 - this.beta1` (a float64 difference) to mul, which stores it as float32.
    this.oneMinusB1 = f(1 - beta1);
    this.oneMinusB2 = f(1 - beta2);
    this.eps = f(epsilon);
    this.setLearningRate(learningRate);
    this.reset();
  }
  setLearningRate(learningRate: number): void {
    this.negLr = f(-learningRate);
  }
  reset(): void {
    this.moments = null;
    this.accB1 = this.b1;
    this.accB2 = this.b2;
  }
  apply(params: readonly Float32Array[], grads: readonly Float32Array[]): void {
    const moments = (this.moments ??= { m: slots(params, 0), v: slots(params, 0) });
    const { negLr, b1, b2, oneMinusB1, oneMinusB2, eps } = this;
    const c1 = f(1 - this.accB1);
    const c2 = f(1 - this.accB2);
    params.forEach((p, i) => {
      const g = grads[i];
      const m = moments.m[i];
      const v = moments.v[i];
      for (let k = 0; k < p.length; k++) {
        const gk = g[k];
        const mk = f(f(m[k] * b1) + f(gk * oneMinusB1));
        const vk = f(f(v[k] * b2) + f(f(gk * gk) * oneMinusB2));
        m[k] = mk;
        v[k] = vk;
        const mHat = f(mk / c1);
        const vHat = f(vk / c2);
        p[k] = f(f(mHat / f(f(Math.sqrt(vHat)) + eps)) * negLr) + p[k];
      }
    });
    this.accB1 = f(this.accB1 * b1);
    this.accB2 = f(this.accB2 * b2);
  }
}

/**
 * tf.train.rmsprop(lr, decay, momentum), not centered: s = s·ρ + g²·(1-ρ);
 * u = u·μ + (g·lr) / sqrt(s + eps); p = p - u.
 */
export class RmspropOptimizer implements FastOptimizer {
  readonly name: OptimizerName = 'rmsprop';
  private lr = 0;
  private readonly decay: number;
  private readonly oneMinusDecay: number;
  private readonly momentum: number;
  private readonly eps: number;
  private state: { ms: Float32Array[]; mom: Float32Array[] } | null = null;
  constructor(learningRate: number, decay = 0.9, momentum = 0, epsilon = TFJS_EPSILON) {
    this.decay = f(decay);
    this.oneMinusDecay = f(1 - decay);
    this.momentum = f(momentum);
    this.eps = f(epsilon);
    this.setLearningRate(learningRate);
  }
  setLearningRate(learningRate: number): void {
    this.lr = f(learningRate);
  }
  reset(): void {
    this.state = null;
  }
  apply(params: readonly Float32Array[], grads: readonly Float32Array[]): void {
    const state = (this.state ??= { ms: slots(params, 0), mom: slots(params, 0) });
    const { lr, decay, oneMinusDecay, momentum, eps } = this;
    params.forEach((p, i) => {
      const g = grads[i];
      const ms = state.ms[i];
      const mom = state.mom[i];
      for (let k = 0; k < p.length; k++) {
        const gk = g[k];
        const sk = f(f(ms[k] * decay) + f(f(gk * gk) * oneMinusDecay));
        const uk = f(f(mom[k] * momentum) + f(f(gk * lr) / f(Math.sqrt(f(sk + eps)))));
        ms[k] = sk;
        mom[k] = uk;
        p[k] = p[k] - uk;
      }
    });
  }
}

/** The FastOptimizer for a run's optimizer name, with makeOptimizer's (tf.estimator's) settings. */
export function makeFastOptimizer(name: OptimizerName, learningRate: number, epsilon = TFJS_EPSILON): FastOptimizer {
  switch (name) {
    case 'adagrad':
      return new AdagradOptimizer(learningRate, 0.1, epsilon);
    case 'sgd':
      return new SgdOptimizer(learningRate);
    case 'momentum':
      return new MomentumOptimizer(learningRate, 0.9);
    case 'adam':
      return new AdamOptimizer(learningRate, 0.9, 0.999, epsilon);
    case 'rmsprop':
      return new RmspropOptimizer(learningRate, 0.9, 0, epsilon);
    default: {
      const unknown: never = name;
      throw new Error(`Unknown optimizer ${String(unknown)}`);
    }
  }
}
