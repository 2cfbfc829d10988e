/**
 * The whole-layer WebAssembly calls (assembly/layers.ts through simd.ts's forwardLayer and
 * backwardLayer) against the JS ops they replace in net.ts (a product, then
 * addBiasActivate; the bias gradient's float64 column sums, two products, then
 * activationBackward): the same bits, signed zeros and NaNs included, on shapes that
 * leave every SIMD loop a tail. And nets that mix ReLU with tanh, or train with dropout
 * (which keep the separate calls for the layers they touch): SIMD and JS loops still
 * reach the same weights.
 */
import { describe, expect, it } from 'vitest';
import { activationBackward, addBiasActivate } from '../../src/ml/fast/activations';
import { createScratch, matMul, matMulTransposeA, matMulTransposeB } from '../../src/ml/fast/matmul';
import { FastDenseNet, type FastDenseNetConfig } from '../../src/ml/fast/net';
import { makeFastOptimizer } from '../../src/ml/fast/optimizers';
import { simdKernels } from '../../src/ml/fast/simd';
import { mulberry32 } from '../../src/ml/model/rng';
import { operand } from './operands';

/** Where two arrays differ as bits would (Object.is: -0 is not 0, NaN is NaN), or -1. */
function firstDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

const SHAPES: [rows: number, inner: number, cols: number][] = [
  [1, 1, 1],
  [3, 5, 7],
  [128, 4, 10],
  [128, 10, 20],
  [128, 10, 3],
  [49, 48, 11],
  [7, 130, 33],
];

describe('whole-layer WebAssembly calls', () => {
  const simd = simdKernels()!;

  it.each(SHAPES)('forwardLayer is the product, bias and activation of the JS loops, bit for bit (%i x %i x %i)', (rows, inner, cols) => {
    const scratch = createScratch(Math.max(inner, cols));
    for (const relu of [true, false]) {
      for (const special of [false, true]) {
        const a = operand(rows * inner, 0.3, rows + inner, special);
        const w = operand(inner * cols, 0, cols);
        const bias = operand(cols, 0.2, 3 * cols, special);
        const js = new Float32Array(rows * cols);
        matMul(a, w, js, rows, inner, cols, scratch);
        addBiasActivate(js, bias, rows, cols, relu ? 'relu' : 'linear');
        const wasm = new Float32Array(rows * cols).fill(7);
        simd.forwardLayer(a, w, bias, wasm, rows, inner, cols, relu);
        expect(firstDifference(wasm, js)).toBe(-1);
      }
    }
  });

  it.each(SHAPES)('backwardLayer gives the gradients of the JS loops, bit for bit (%i x %i x %i)', (rows, inner, cols) => {
    const scratch = createScratch(Math.max(inner, cols));
    for (const relu of [true, false]) {
      for (const special of [false, true]) {
        // The layer's input, as the layer below's ReLU output (zeros where it was off) or anything.
        const raw = operand(rows * inner, 0, 11 * inner, special);
        const a = relu ? raw.map((v) => (v < 0 ? 0 : v)) : raw;
        const delta = operand(rows * cols, 0.2, 5 * cols, special);
        const w = operand(inner * cols, 0, inner + 2 * cols);
        const jsBias = new Float32Array(cols);
        const acc = new Float64Array(cols);
        for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) acc[j] += delta[r * cols + j];
        jsBias.set(acc);
        const jsKernel = new Float32Array(inner * cols);
        matMulTransposeA(a, delta, jsKernel, rows, inner, cols, scratch);
        const jsBelow = new Float32Array(rows * inner);
        matMulTransposeB(delta, w, jsBelow, rows, inner, cols);
        activationBackward(jsBelow, a, rows * inner, relu ? 'relu' : 'linear');

        const [gKernel, gBias, below] = [inner * cols, cols, rows * inner].map((n) => new Float32Array(n).fill(7));
        simd.backwardLayer(a, delta, w, gKernel, gBias, below, rows, inner, cols, relu);
        expect(firstDifference(gBias, jsBias)).toBe(-1);
        expect(firstDifference(gKernel, jsKernel)).toBe(-1);
        expect(firstDifference(below, jsBelow)).toBe(-1);
        // The first layer has no layer below: only its two gradients.
        const [k0, b0] = [inner * cols, cols].map((n) => new Float32Array(n));
        simd.backwardLayer(a, delta, w, k0, b0, null, rows, inner, cols, relu);
        expect(firstDifference(k0, jsKernel)).toBe(-1);
        expect(firstDifference(b0, jsBias)).toBe(-1);
      }
    }
  });

  it('step(y) keeps a NaN unit NaN, an off unit signed zero, an on unit the gradient itself', () => {
    const y = Float32Array.of(NaN, 0, -0, 2, 0, 1, NaN, 3, 0);
    const a = y; // one row of nine inputs
    const delta = Float32Array.of(1);
    const w = Float32Array.of(-1, 2, 3, 4, -5, 6, 7, -8, Infinity); // [9, 1]
    const below = new Float32Array(9);
    simd.backwardLayer(a, delta, w, new Float32Array(9), new Float32Array(1), below, 1, 9, 1, true);
    expect(Array.from(below)).toEqual([NaN, 0, 0, 4, -0, 6, NaN, -8, NaN]);
    expect(Object.is(below[1], 0) && Object.is(below[4], -0)).toBe(true);
  });

  /** Two nets of `config`, SIMD and JS loops, from the same weights: 20 Adagrad steps on the same batches. */
  function twins(config: Omit<FastDenseNetConfig, 'optimizer' | 'kernels'>) {
    const widths = config.widths;
    const batch = 32;
    const nets = (['simd', 'js'] as const).map((kernels) => new FastDenseNet({ ...config, optimizer: makeFastOptimizer('adagrad', 0.1), kernels }));
    const random = mulberry32(9);
    const initial = nets[0].getWeights().map((w) => w.map(() => (random() - 0.5) * 0.6));
    nets.forEach((n) => n.setWeights(initial));
    for (let s = 0; s < 20; s++) {
      const x = operand(batch * widths[0], 0.1, 40 + s);
      const y = Int32Array.from({ length: batch }, (_, i) => (i * 5 + s) % widths[widths.length - 1]);
      const [a, b] = nets.map((n) => n.step(x, y, batch));
      expect(a).toBe(b);
    }
    return nets.map((n) => n.getWeights());
  }

  it('ReLU and tanh layers mixed: the SIMD net reaches the JS net’s weights bit for bit', () => {
    const [simdWeights, jsWeights] = twins({ widths: [6, 12, 9, 8, 4], activations: ['relu', 'tanh', 'relu'] });
    simdWeights.forEach((w, i) => expect(firstDifference(w, jsWeights[i])).toBe(-1));
  });

  it('with dropout (the same seeded masks): the SIMD net reaches the JS net’s weights bit for bit', () => {
    const [simdWeights, jsWeights] = twins({ widths: [6, 12, 9, 4], dropout: 0.3, seed: 4 });
    simdWeights.forEach((w, i) => expect(firstDifference(w, jsWeights[i])).toBe(-1));
  });
});
