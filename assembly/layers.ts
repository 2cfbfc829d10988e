/**
 * A dense layer's whole forward and backward pass in one call each (src/ml/fast/simd.ts
 * forwardLayer / backwardLayer): the products of kernels.ts plus the element-wise ops
 * around them that net.ts otherwise runs as JS loops between two wasm calls (the bias,
 * ReLU and its gradient, the bias gradient). On Iris those loops and the extra copies
 * were about a third of a step.
 *
 * Every op is the one of src/ml/fast/activations.ts and net.ts, so the bits do not move:
 * a float32 add is correctly rounded in wasm as Math.fround(a + b) is in JS; wasm's
 * f32.max is Math.max(0, x) (NaN stays NaN, max(0, -0) is +0); ReLU's gradient is
 * dy * step(y) with step(y) = 1, 0, or NaN for a NaN y, as tfjs's mul(dy, step(y)); the
 * bias gradient sums each column over the rows in order in float64 from +0, rounded once
 * (tfjs cpu's Sum). The lanes run across columns or elements, never across a sum.
 *
 * Pointers are byte offsets into this module's memory, laid out by simd.ts.
 */
import { matMul, matMulTransposeA } from './kernels';

/** z [rows, cols] = z + bias [cols] per row, then max(0, z) when `relu`. In place. */
function biasActivate(z: usize, bias: usize, rows: i32, cols: i32, relu: bool): void {
  const zero = f32x4.splat(0);
  for (let r: i32 = 0; r < rows; r++) {
    const row = z + (<usize>(r * cols) << 2);
    let j: i32 = 0;
    for (; j + 4 <= cols; j += 4) {
      const jb = <usize>j << 2;
      let v = f32x4.add(v128.load(row + jb), v128.load(bias + jb));
      if (relu) v = f32x4.max(zero, v);
      v128.store(row + jb, v);
    }
    for (; j < cols; j++) {
      const jb = <usize>j << 2;
      let v = load<f32>(row + jb) + load<f32>(bias + jb);
      if (relu) v = max<f32>(0, v);
      store<f32>(row + jb, v);
    }
  }
}

/** dy [n] = dy * step(y), step(y) = y > 0 ? 1 : 0, NaN where y is NaN. In place. */
function reluBackward(dy: usize, y: usize, n: i32): void {
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  let i: i32 = 0;
  for (; i + 4 <= n; i += 4) {
    const ib = <usize>i << 2;
    const yv = v128.load(y + ib);
    // y where y is NaN (a NaN step), else 1 or 0.
    const step = v128.bitselect(yv, v128.bitselect(one, zero, f32x4.gt(yv, zero)), f32x4.ne(yv, yv));
    v128.store(dy + ib, f32x4.mul(v128.load(dy + ib), step));
  }
  for (; i < n; i++) {
    const ib = <usize>i << 2;
    const yi = load<f32>(y + ib);
    const step: f32 = yi > 0 ? 1 : yi == yi ? 0 : yi;
    store<f32>(dy + ib, load<f32>(dy + ib) * step);
  }
}

/** out [cols] = f32(sum over r of d [rows, cols][r, j]) per column, in float64 from +0, in row order. */
function columnSums(d: usize, rows: i32, cols: i32, out: usize): void {
  const rowBytes = <usize>cols << 2;
  let j: i32 = 0;
  for (; j + 2 <= cols; j += 2) {
    const jb = <usize>j << 2;
    let a = f64x2.splat(0);
    for (let r: i32 = 0; r < rows; r++) a = f64x2.add(a, f64x2.promote_low_f32x4(v128.load64_zero(d + <usize>r * rowBytes + jb)));
    v128.store64_lane(out + jb, f32x4.demote_f64x2_zero(a), 0);
  }
  for (; j < cols; j++) {
    const jb = <usize>j << 2;
    let a: f64 = 0;
    for (let r: i32 = 0; r < rows; r++) a += <f64>load<f32>(d + <usize>r * rowBytes + jb);
    store<f32>(out + jb, <f32>a);
  }
}

/** out [rows, cols] = act(a [rows, inner] · w [inner, cols] + bias [cols]); act ReLU or none. */
export function forwardLayer(a: usize, w: usize, bias: usize, out: usize, rows: i32, inner: i32, cols: i32, scales: usize, offsets: usize, lanes32: bool, relu: bool): void {
  matMul(a, w, out, rows, inner, cols, scales, offsets, lanes32);
  biasActivate(out, bias, rows, cols, relu);
}

/**
 * One layer's gradients from delta [rows, cols], the gradient at its pre-activation:
 * gBias [cols] = column sums of delta; gKernel [inner, cols] = aᵀ · delta, a [rows, inner]
 * its input; and, when `below` is not 0, the gradient at the layer below's pre-activation,
 * below [rows, inner] = delta · wT [cols, inner] (w transposed), times ReLU's step(a) when
 * `relu` (a is then the layer below's ReLU output).
 */
export function backwardLayer(
  a: usize,
  delta: usize,
  wT: usize,
  gKernel: usize,
  gBias: usize,
  below: usize,
  rows: i32,
  inner: i32,
  cols: i32,
  scales: usize,
  offsets: usize,
  lanes32: bool,
  relu: bool,
): void {
  columnSums(delta, rows, cols, gBias);
  matMulTransposeA(a, delta, gKernel, rows, inner, cols, scales, offsets, lanes32);
  if (below == 0) return;
  matMul(delta, wT, below, rows, cols, inner, scales, offsets, lanes32);
  if (relu) reluBackward(below, a, rows * inner);
}
