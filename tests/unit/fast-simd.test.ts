/**
 * The WebAssembly SIMD products (src/ml/fast/simd.ts) against the JS loops of matmul.ts:
 * bit-identical (both sum as tfjs cpu does), on shapes around the block of 48 and the
 * kernels' 8- and 2-column passes, with sparse and dense operands; and a whole net's
 * steps with either, from the same weights, to the same weights.
 */
import { describe, expect, it, vi } from 'vitest';
import { createScratch, matMul, matMulTransposeA, matMulTransposeB } from '../../src/ml/fast/matmul';
import { FastDenseNet } from '../../src/ml/fast/net';
import { makeFastOptimizer } from '../../src/ml/fast/optimizers';
import { simdKernels, simdSupported } from '../../src/ml/fast/simd';
import { mulberry32 } from '../../src/ml/model/rng';

/** `n` values, a `zeros` share of them exactly 0 (MNIST's background), the rest in (-2, 2). */
function operand(n: number, zeros: number, seed: number): Float32Array {
  const random = mulberry32(seed);
  return Float32Array.from({ length: n }, () => (random() < zeros ? 0 : (random() - 0.5) * 4));
}

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

  it('a net trained with the SIMD kernels has the same weights as with the JS loops', () => {
    const widths = [784, 64, 20, 10];
    const nets = (['simd', 'js'] as const).map((kernels) => new FastDenseNet({ widths, optimizer: makeFastOptimizer('adam', 0.01), reduction: 'mean', kernels }));
    expect(nets.map((n) => n.loops)).toEqual(['simd', 'js']);
    const random = mulberry32(5);
    const initial = nets[0].getWeights().map((w) => w.map(() => (random() - 0.5) * 0.2));
    nets.forEach((n) => n.setWeights(initial));
    const batch = 60;
    for (let s = 0; s < 30; s++) {
      const x = operand(batch * 784, 0.8, 100 + s);
      const y = Int32Array.from({ length: batch }, (_, i) => (i * 7 + s) % 10);
      const [a, b] = nets.map((n) => n.step(x, y, batch));
      expect(a).toBe(b);
    }
    const [wa, wb] = nets.map((n) => n.getWeights());
    wa.forEach((w, i) => expect(w).toEqual(wb[i]));
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
