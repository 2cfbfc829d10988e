/**
 * The WebAssembly SIMD products (src/ml/fast/simd.ts) against the JS loops of matmul.ts:
 * bit-identical below FLOAT32_LANES_FROM multiply-adds (both sum as tfjs cpu does), on
 * shapes around the block of 48 and the kernels' 8- and 2-column passes, with sparse and
 * dense operands; past it (float32 lanes) within the rounding of float32 sums of 48 terms.
 * And a whole net's steps with either, from the same weights: the same weights below the
 * threshold, within the parity tests' 1e-5 above it.
 */
import { describe, expect, it, vi } from 'vitest';
import { createScratch, matMul, matMulTransposeA, matMulTransposeB } from '../../src/ml/fast/matmul';
import { FastDenseNet } from '../../src/ml/fast/net';
import { makeFastOptimizer } from '../../src/ml/fast/optimizers';
import { FLOAT32_LANES_FROM, simdKernels, simdSupported } from '../../src/ml/fast/simd';
import { mulberry32 } from '../../src/ml/model/rng';
import { operand } from './operands';

const SHAPES: [rows: number, inner: number, cols: number][] = [
  [1, 1, 1],
  [3, 5, 7],
  [20, 784, 16],
  [100, 97, 10],
  [49, 48, 11],
  [128, 4, 10],
  [7, 130, 33],
];

describe('WebAssembly SIMD kernels', () => {
  it('are available under Node 20', () => {
    expect(simdSupported()).toBe(true);
    expect(simdKernels()).not.toBeNull();
  });

  it.each(SHAPES)('a · w, aᵀ · d and d · wᵀ equal the JS loops bit for bit (%i x %i x %i)', (rows, inner, cols) => {
    const simd = simdKernels()!;
    const scratch = createScratch(Math.max(inner, cols));
    for (const zeros of [0, 0.5, 0.8, 1]) {
      const a = operand(rows * inner, zeros, rows + inner);
      const w = operand(inner * cols, 0, cols);
      const d = operand(rows * cols, 0.3, 7 * cols);
      const js = new Float32Array(rows * cols);
      const wasm = new Float32Array(rows * cols).fill(NaN);
      matMul(a, w, js, rows, inner, cols, scratch);
      simd.matMul(a, w, wasm, rows, inner, cols);
      expect(wasm).toEqual(js);
      const jsT = new Float32Array(inner * cols);
      const wasmT = new Float32Array(inner * cols).fill(NaN);
      matMulTransposeA(a, d, jsT, rows, inner, cols, scratch);
      simd.matMulTransposeA(a, d, wasmT, rows, inner, cols);
      expect(wasmT).toEqual(jsT);
      const jsB = new Float32Array(rows * inner);
      const wasmB = new Float32Array(rows * inner).fill(NaN);
      matMulTransposeB(d, w, jsB, rows, inner, cols);
      simd.matMulTransposeB(d, w, wasmB, rows, inner, cols);
      expect(wasmB).toEqual(jsB);
    }
  });

  it('every shape above is under the float32-lanes threshold (so bit-identity is what they test)', () => {
    for (const [rows, inner, cols] of SHAPES) expect(rows * inner * cols).toBeLessThan(FLOAT32_LANES_FROM);
  });

  /**
   * out within float32 rounding of the exact (float64) products: each block of 48 terms is
   * summed with up to 48 float32 roundings of its partial sums, each at most 2^-24 of the
   * sum of the block's |terms| so far; the blocks' sums are added into the float32 result.
   */
  function withinFloat32Rounding(got: Float32Array, exact: Float64Array, magnitude: Float64Array): void {
    let worst = 0;
    for (let i = 0; i < got.length; i++) {
      const bound = 50 * 2 ** -24 * magnitude[i] + 2 ** -24 * Math.abs(exact[i]);
      worst = Math.max(worst, Math.abs(got[i] - exact[i]) / bound);
    }
    expect(worst).toBeLessThanOrEqual(1);
  }

  it.each([
    [100, 784, 128],
    [100, 130, 100],
  ])('past the threshold (%i x %i x %i): float32 lanes, within float32 rounding of the exact products', (rows, inner, cols) => {
    expect(rows * inner * cols).toBeGreaterThanOrEqual(FLOAT32_LANES_FROM);
    const simd = simdKernels()!;
    const scratch = createScratch(Math.max(inner, cols));
    const a = operand(rows * inner, 0.8, 3);
    const w = operand(inner * cols, 0, 4);
    const d = operand(rows * cols, 0.3, 5);
    /** out[i, j] = sum_k x[i, k] * y[k, j] in float64, and sum_k |x[i, k] * y[k, j]|. */
    const exact = (x: (i: number, k: number) => number, y: (k: number, j: number) => number, n: number, m: number, inner: number) => {
      const sum = new Float64Array(n * m);
      const abs = new Float64Array(n * m);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          for (let k = 0; k < inner; k++) {
            const p = x(i, k) * y(k, j);
            sum[i * m + j] += p;
            abs[i * m + j] += Math.abs(p);
          }
        }
      }
      return { sum, abs };
    };
    const out = new Float32Array(rows * cols);
    simd.matMul(a, w, out, rows, inner, cols);
    const f = exact((i, k) => a[i * inner + k], (k, j) => w[k * cols + j], rows, cols, inner);
    withinFloat32Rounding(out, f.sum, f.abs);
    // Not the float64 sums any more (so the lanes really are float32).
    const js = new Float32Array(rows * cols);
    matMul(a, w, js, rows, inner, cols, scratch);
    expect(out).not.toEqual(js);
    const outT = new Float32Array(inner * cols);
    simd.matMulTransposeA(a, d, outT, rows, inner, cols);
    const t = exact((k, r) => a[r * inner + k], (r, j) => d[r * cols + j], inner, cols, rows);
    withinFloat32Rounding(outT, t.sum, t.abs);
    const outB = new Float32Array(rows * inner);
    simd.matMulTransposeB(d, w, outB, rows, inner, cols);
    const b = exact((r, j) => d[r * cols + j], (j, k) => w[k * cols + j], rows, inner, cols);
    withinFloat32Rounding(outB, b.sum, b.abs);
  });

  /**
   * Two nets of `widths` from the same weights, one on the SIMD kernels and one on the JS
   * loops, 30 Adam steps on the same sparse MNIST-like batches of 60: their losses per
   * step and their final weights.
   */
  function twinRun(widths: number[]) {
    const batch = 60;
    const nets = (['simd', 'js'] as const).map((kernels) => new FastDenseNet({ widths, optimizer: makeFastOptimizer('adam', 0.01), reduction: 'mean', kernels }));
    expect(nets.map((n) => n.loops)).toEqual(['simd', 'js']);
    const random = mulberry32(5);
    const initial = nets[0].getWeights().map((w) => w.map(() => (random() - 0.5) * 0.2));
    nets.forEach((n) => n.setWeights(initial));
    const losses: [number, number][] = [];
    for (let s = 0; s < 30; s++) {
      const x = operand(batch * widths[0], 0.8, 100 + s);
      const y = Int32Array.from({ length: batch }, (_, i) => (i * 7 + s) % 10);
      const [a, b] = nets.map((n) => n.step(x, y, batch));
      losses.push([a, b]);
    }
    return { batch, losses, weights: nets.map((n) => n.getWeights()) };
  }

  it('a net under the threshold trained with the SIMD kernels has the same weights as with the JS loops', () => {
    const { batch, losses, weights } = twinRun([784, 16, 20, 10]);
    expect(batch * 784 * 16).toBeLessThan(FLOAT32_LANES_FROM);
    for (const [a, b] of losses) expect(a).toBe(b);
    weights[0].forEach((w, i) => expect(w).toEqual(weights[1][i]));
  });

  it('a net past it (MNIST-sized) stays within the parity tests\u2019 1e-5 of the JS loops', () => {
    const { batch, losses, weights } = twinRun([784, 64, 20, 10]);
    expect(batch * 784 * 64).toBeGreaterThanOrEqual(FLOAT32_LANES_FROM);
    const lossDiff = Math.max(...losses.map(([a, b]) => Math.abs(a - b)));
    let weightDiff = 0;
    weights[0].forEach((w, i) => w.forEach((v, k) => (weightDiff = Math.max(weightDiff, Math.abs(v - weights[1][i][k])))));
    expect(lossDiff).toBeLessThanOrEqual(1e-5);
    expect(weightDiff).toBeLessThanOrEqual(1e-5);
    // Not bit-identical: the first layer's products did sum in float32.
    expect(weightDiff).toBeGreaterThan(0);
  });

  it('where WebAssembly SIMD does not validate, a net keeps the JS loops', async () => {
    vi.resetModules();
    const validate = vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    try {
      const fresh = await import('../../src/ml/fast/net');
      const simd = await import('../../src/ml/fast/simd');
      expect(simd.simdSupported()).toBe(false);
      expect(simd.simdKernels()).toBeNull();
      const net = new fresh.FastDenseNet({ widths: [4, 3], optimizer: makeFastOptimizer('sgd', 0.1) });
      expect(net.loops).toBe('js');
      expect(net.step(Float32Array.of(1, 2, 3, 4), Int32Array.of(1), 1)).toBeCloseTo(Math.log(3), 6);
    } finally {
      validate.mockRestore();
      vi.resetModules();
    }
  });
});
