/**
 * AssemblyScript source of the fused engine's SIMD kernels (src/ml/fast/simd.ts loads
 * them; scripts/wasm-kernels.mjs compiles this file with `asc` when Vite or Vitest
 * imports `virtual:fast-kernels`). Same products, same summation order as
 * src/ml/fast/matmul.ts, so the results are bit-identical to the JS loops and to tfjs
 * cpu: each output sums its products in float64 from +0 over a block of 48 inner
 * indices, in index order, and adds the block's sum into the float32 result.
 *
 * The 128-bit lanes run across output COLUMNS (two float64 sums per v128), never across
 * the inner index, so no sum is reassociated. Zeros of the left operand are skipped
 * as in the JS loops (MNIST pixels, ReLU outputs).
 *
 * `lanes32` (the caller sets it for large products only, simd.ts): the columns that come in
 * fours sum in float32 lanes instead, four per v128 and no conversions, in the same order
 * (+0, then each product in turn, each multiply and add rounded to float32; wasm has no
 * fused multiply-add here, so every engine gets the same bits). Not tfjs cpu's bits any
 * more: a block's sum differs from the float64 one by at most about 48 float32 roundings of
 * its terms' magnitudes (relative 48 * 2^-24, ~3e-6).
 *
 * All pointers are byte offsets into this module's memory; the caller (simd.ts) lays the
 * operands out and reserves `scales` (48 f64) and `offsets` (48 u32) scratch.
 */

const BLOCK: i32 = 48;

/** Low two f32 lanes of v as two f64 lanes. */
// @ts-ignore: decorator
@inline function lo(v: v128): v128 {
  return f64x2.promote_low_f32x4(v);
}

/** High two f32 lanes of v as two f64 lanes. */
// @ts-ignore: decorator
@inline function hi(v: v128): v128 {
  return f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 2, 3));
}

/** Two f64x2 rounded to f32 (round to nearest even, as Math.fround) into one f32x4. */
// @ts-ignore: decorator
@inline function narrow(a: v128, b: v128): v128 {
  return i32x4.shuffle(f32x4.demote_f64x2_zero(a), f32x4.demote_f64x2_zero(b), 0, 1, 4, 5);
}

/**
 * accumulateFlush's columns [0, 4 * floor(cols / 4)) summed in float32 lanes: sixteen, then
 * four columns per pass. Returns the first column left for the float64 passes.
 */
function accumulateFlush32(scales: usize, offsets: usize, n: i32, cols: i32, out: usize, first: bool): i32 {
  let j: i32 = 0;
  for (; j + 16 <= cols; j += 16) {
    const jb = <usize>(j << 2);
    let a0 = f32x4.splat(0);
    let a1 = f32x4.splat(0);
    let a2 = f32x4.splat(0);
    let a3 = f32x4.splat(0);
    for (let i: i32 = 0; i < n; i++) {
      // The scale came from a float32 (the caller widened it): narrowing it back is exact.
      const s = f32x4.splat(<f32>load<f64>(scales + (<usize>i << 3)));
      const p = <usize>load<u32>(offsets + (<usize>i << 2)) + jb;
      a0 = f32x4.add(a0, f32x4.mul(s, v128.load(p)));
      a1 = f32x4.add(a1, f32x4.mul(s, v128.load(p, 16)));
      a2 = f32x4.add(a2, f32x4.mul(s, v128.load(p, 32)));
      a3 = f32x4.add(a3, f32x4.mul(s, v128.load(p, 48)));
    }
    const o = out + jb;
    if (!first) {
      a0 = f32x4.add(v128.load(o), a0);
      a1 = f32x4.add(v128.load(o, 16), a1);
      a2 = f32x4.add(v128.load(o, 32), a2);
      a3 = f32x4.add(v128.load(o, 48), a3);
    }
    v128.store(o, a0);
    v128.store(o, a1, 16);
    v128.store(o, a2, 32);
    v128.store(o, a3, 48);
  }
  for (; j + 4 <= cols; j += 4) {
    const jb = <usize>(j << 2);
    let a = f32x4.splat(0);
    for (let i: i32 = 0; i < n; i++) {
      const s = f32x4.splat(<f32>load<f64>(scales + (<usize>i << 3)));
      a = f32x4.add(a, f32x4.mul(s, v128.load(<usize>load<u32>(offsets + (<usize>i << 2)) + jb)));
    }
    const o = out + jb;
    v128.store(o, first ? a : f32x4.add(v128.load(o), a));
  }
  return j;
}

/**
 * For j < cols: sum = +0 + scales[0] * m(offsets[0])[j] + ... + scales[n-1] * m(offsets[n-1])[j]
 * in float64, then out[j] = f32(sum) when `first`, else out[j] = f32(out[j] + sum).
 * offsets[i] is the byte address of the i-th row of m. 16, 8, 2, then 1 columns per pass, in registers;
 * with `lanes32`, the columns in fours first in float32 (accumulateFlush32), the rest so.
 */
function accumulateFlush(scales: usize, offsets: usize, n: i32, cols: i32, out: usize, first: bool, lanes32: bool): void {
  let j: i32 = 0;
  if (lanes32) j = accumulateFlush32(scales, offsets, n, cols, out, first);
  // Sixteen columns per pass (eight f64x2 sums): each scale and row address loaded once for 16 products.
  for (; j + 16 <= cols; j += 16) {
    const jb = <usize>(j << 2);
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    let a2 = f64x2.splat(0);
    let a3 = f64x2.splat(0);
    let a4 = f64x2.splat(0);
    let a5 = f64x2.splat(0);
    let a6 = f64x2.splat(0);
    let a7 = f64x2.splat(0);
    for (let i: i32 = 0; i < n; i++) {
      const s = f64x2.splat(load<f64>(scales + (<usize>i << 3)));
      const p = <usize>load<u32>(offsets + (<usize>i << 2)) + jb;
      const v0 = v128.load(p);
      const v1 = v128.load(p, 16);
      const v2 = v128.load(p, 32);
      const v3 = v128.load(p, 48);
      a0 = f64x2.add(a0, f64x2.mul(s, lo(v0)));
      a1 = f64x2.add(a1, f64x2.mul(s, hi(v0)));
      a2 = f64x2.add(a2, f64x2.mul(s, lo(v1)));
      a3 = f64x2.add(a3, f64x2.mul(s, hi(v1)));
      a4 = f64x2.add(a4, f64x2.mul(s, lo(v2)));
      a5 = f64x2.add(a5, f64x2.mul(s, hi(v2)));
      a6 = f64x2.add(a6, f64x2.mul(s, lo(v3)));
      a7 = f64x2.add(a7, f64x2.mul(s, hi(v3)));
    }
    const o = out + jb;
    if (first) {
      v128.store(o, narrow(a0, a1));
      v128.store(o, narrow(a2, a3), 16);
      v128.store(o, narrow(a4, a5), 32);
      v128.store(o, narrow(a6, a7), 48);
    } else {
      const w0 = v128.load(o);
      const w1 = v128.load(o, 16);
      const w2 = v128.load(o, 32);
      const w3 = v128.load(o, 48);
      v128.store(o, narrow(f64x2.add(lo(w0), a0), f64x2.add(hi(w0), a1)));
      v128.store(o, narrow(f64x2.add(lo(w1), a2), f64x2.add(hi(w1), a3)), 16);
      v128.store(o, narrow(f64x2.add(lo(w2), a4), f64x2.add(hi(w2), a5)), 32);
      v128.store(o, narrow(f64x2.add(lo(w3), a6), f64x2.add(hi(w3), a7)), 48);
    }
  }
  for (; j + 8 <= cols; j += 8) {
    const jb = <usize>(j << 2);
    let a0 = f64x2.splat(0);
    let a1 = f64x2.splat(0);
    let a2 = f64x2.splat(0);
    let a3 = f64x2.splat(0);
    for (let i: i32 = 0; i < n; i++) {
      const s = f64x2.splat(load<f64>(scales + (<usize>i << 3)));
      const p = <usize>load<u32>(offsets + (<usize>i << 2)) + jb;
      const v0 = v128.load(p);
      const v1 = v128.load(p, 16);
      a0 = f64x2.add(a0, f64x2.mul(s, lo(v0)));
      a1 = f64x2.add(a1, f64x2.mul(s, hi(v0)));
      a2 = f64x2.add(a2, f64x2.mul(s, lo(v1)));
      a3 = f64x2.add(a3, f64x2.mul(s, hi(v1)));
    }
    const o = out + jb;
    if (first) {
      v128.store(o, narrow(a0, a1));
      v128.store(o, narrow(a2, a3), 16);
    } else {
      const w0 = v128.load(o);
      const w1 = v128.load(o, 16);
      v128.store(o, narrow(f64x2.add(lo(w0), a0), f64x2.add(hi(w0), a1)));
      v128.store(o, narrow(f64x2.add(lo(w1), a2), f64x2.add(hi(w1), a3)), 16);
    }
  }
  for (; j + 2 <= cols; j += 2) {
    const jb = <usize>(j << 2);
    let a = f64x2.splat(0);
    for (let i: i32 = 0; i < n; i++) {
      const s = f64x2.splat(load<f64>(scales + (<usize>i << 3)));
      const p = <usize>load<u32>(offsets + (<usize>i << 2)) + jb;
      a = f64x2.add(a, f64x2.mul(s, lo(v128.load64_zero(p))));
    }
    const o = out + jb;
    if (!first) a = f64x2.add(lo(v128.load64_zero(o)), a);
    v128.store64_lane(o, f32x4.demote_f64x2_zero(a), 0);
  }
  for (; j < cols; j++) {
    const jb = <usize>(j << 2);
    let a: f64 = 0;
    for (let i: i32 = 0; i < n; i++) {
      a += load<f64>(scales + (<usize>i << 3)) * <f64>load<f32>(<usize>load<u32>(offsets + (<usize>i << 2)) + jb);
    }
    const o = out + jb;
    store<f32>(o, first ? <f32>a : <f32>(<f64>load<f32>(o) + a));
  }
}

/**
 * out = a · w: a [rows, inner], w [inner, cols], out [rows, cols] (matmul.ts matMul).
 * Per row, per block of 48 inner indices: the nonzero a[r, k] and the rows w[k, :] they scale.
 */
export function matMul(a: usize, w: usize, out: usize, rows: i32, inner: i32, cols: i32, scales: usize, offsets: usize, lanes32: bool): void {
  const rowBytes = <usize>(cols << 2);
  for (let r: i32 = 0; r < rows; r++) {
    const aRow = a + <usize>(r * inner) * 4;
    const oRow = out + <usize>r * rowBytes;
    for (let k0: i32 = 0; k0 < inner; k0 += BLOCK) {
      const k1 = min(k0 + BLOCK, inner);
      let n: i32 = 0;
      let k = k0;
      for (; k + 4 <= k1; k += 4) {
        const v = v128.load(aRow + (<usize>k << 2));
        // Four zeros (MNIST's background) cost one comparison.
        if (!v128.any_true(f32x4.ne(v, f32x4.splat(0)))) continue;
        for (let q: i32 = 0; q < 4; q++) {
          const av = load<f32>(aRow + (<usize>(k + q) << 2));
          if (av == 0) continue;
          store<f64>(scales + (<usize>n << 3), <f64>av);
          store<u32>(offsets + (<usize>n << 2), <u32>(w + <usize>(k + q) * rowBytes));
          n++;
        }
      }
      for (; k < k1; k++) {
        const av = load<f32>(aRow + (<usize>k << 2));
        if (av == 0) continue;
        store<f64>(scales + (<usize>n << 3), <f64>av);
        store<u32>(offsets + (<usize>n << 2), <u32>(w + <usize>k * rowBytes));
        n++;
      }
      accumulateFlush(scales, offsets, n, cols, oRow, k0 == 0, lanes32);
    }
  }
}

/**
 * out = aᵀ · d: a [rows, inner], d [rows, cols], out [inner, cols] (matmul.ts matMulTransposeA).
 * Per inner index k, per block of 48 rows: the nonzero a[r, k] and the rows d[r, :] they scale.
 */
export function matMulTransposeA(a: usize, d: usize, out: usize, rows: i32, inner: i32, cols: i32, scales: usize, offsets: usize, lanes32: bool): void {
  const rowBytes = <usize>(cols << 2);
  const aStride = <usize>(inner << 2);
  for (let k: i32 = 0; k < inner; k++) {
    const aCol = a + (<usize>k << 2);
    const oRow = out + <usize>k * rowBytes;
    for (let r0: i32 = 0; r0 < rows; r0 += BLOCK) {
      const r1 = min(r0 + BLOCK, rows);
      let n: i32 = 0;
      for (let r = r0; r < r1; r++) {
        const av = load<f32>(aCol + <usize>r * aStride);
        if (av == 0) continue;
        store<f64>(scales + (<usize>n << 3), <f64>av);
        store<u32>(offsets + (<usize>n << 2), <u32>(d + <usize>r * rowBytes));
        n++;
      }
      accumulateFlush(scales, offsets, n, cols, oRow, r0 == 0, lanes32);
    }
  }
}

/** Where the caller may start laying out operands: past this module's static data. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}
