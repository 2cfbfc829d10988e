/**
 * The three matrix products of a dense layer's step, on plain Float32Arrays, summed
 * in the order of tfjs's cpu BatchMatMul kernel. That kernel adds each output's
 * products in float64 over blocks of 48 inner indices and adds each block's sum into
 * the float32 result; doing the same here makes every product bit-identical to tfjs
 * cpu, so a fused step and a tfjs step stay together over thousands of steps.
 *
 * The loops differ from tfjs's (which walk B by column): each kernel keeps its inner
 * loop on contiguous memory. Only the order of the additions matters for the result.
 *
 * A zero in the left operand is skipped (ReLU outputs and MNIST pixels are mostly
 * zero). For finite numbers that changes nothing, since x + (+-0) === x and the block
 * sum starts at +0; it differs only when the other operand is Inf or NaN, where tfjs
 * would get NaN from 0 * Inf and this gets 0. By then the run has diverged anyway
 * and the loss shows it.
 */

/** tfjs-backend-cpu's MathBackendCPU.blockSize: inner indices summed in float64 per block. */
export const TFJS_CPU_BLOCK = 48;

/** Scratch the kernels reuse, so a step allocates nothing. */
export interface MatMulScratch {
  /** One block's float64 partial sums, one per output column. */
  acc: Float64Array;
  /** The block's nonzero left-operand values and the offsets of the rows they scale. */
  scales: Float64Array;
  offsets: Int32Array;
}

/** Scratch for products with at most `maxCols` output columns. */
export function createScratch(maxCols: number): MatMulScratch {
  return {
    acc: new Float64Array(maxCols),
    scales: new Float64Array(TFJS_CPU_BLOCK),
    offsets: new Int32Array(TFJS_CPU_BLOCK),
  };
}

/**
 * out = a · w, the forward product of a dense layer (before the bias).
 *
 * a [rows, inner], w [inner, cols] (a Dense kernel's layout), out [rows, cols].
 * out[r, j] = sum_k a[r, k] * w[k, j]. Loop order r-k-j: rows of w, contiguous.
 */
export function matMul(
  a: Float32Array,
  w: Float32Array,
  out: Float32Array,
  rows: number,
  inner: number,
  cols: number,
  scratch: MatMulScratch,
): void {
  const { scales, offsets } = scratch;
  for (let r = 0; r < rows; r++) {
    const aRow = r * inner;
    for (let k0 = 0; k0 < inner; k0 += TFJS_CPU_BLOCK) {
      const k1 = Math.min(k0 + TFJS_CPU_BLOCK, inner);
      let n = 0;
      for (let k = k0; k < k1; k++) {
        const av = a[aRow + k];
        if (av === 0) continue;
        scales[n] = av;
        offsets[n++] = k * cols;
      }
      accumulateBlock(w, n, cols, scratch);
      flush(out, r * cols, scratch.acc, cols, k0 === 0);
    }
  }
}

/**
 * out = aᵀ · d, a kernel's gradient: the layer's input a [rows, inner] (rows = batch)
 * against the gradient at its pre-activation d [rows, cols]; out [inner, cols].
 * out[k, j] = sum_r a[r, k] * d[r, j], summed over the batch in blocks of 48 rows.
 * Loop order k-r-j: a block of d (48 x cols) stays in cache while k moves.
 */
export function matMulTransposeA(
  a: Float32Array,
  d: Float32Array,
  out: Float32Array,
  rows: number,
  inner: number,
  cols: number,
  scratch: MatMulScratch,
): void {
  const { scales, offsets } = scratch;
  for (let k = 0; k < inner; k++) {
    for (let r0 = 0; r0 < rows; r0 += TFJS_CPU_BLOCK) {
      const r1 = Math.min(r0 + TFJS_CPU_BLOCK, rows);
      let n = 0;
      for (let r = r0; r < r1; r++) {
        const av = a[r * inner + k];
        if (av === 0) continue;
        scales[n] = av;
        offsets[n++] = r * cols;
      }
      accumulateBlock(d, n, cols, scratch);
      flush(out, k * cols, scratch.acc, cols, r0 === 0);
    }
  }
}

/**
 * acc[j] = sum_i scales[i] * m[offsets[i] + j] for j < cols, i < n, added in order of i
 * from +0. Four rows per pass: acc + p0 + p1 + p2 + p3 evaluates left to right, the
 * same additions as four passes, with a quarter of the loads and stores of acc.
 */
function accumulateBlock(m: Float32Array, n: number, cols: number, scratch: MatMulScratch): void {
  const { acc, scales, offsets } = scratch;
  acc.fill(0, 0, cols);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const s0 = scales[i], s1 = scales[i + 1], s2 = scales[i + 2], s3 = scales[i + 3];
    const o0 = offsets[i], o1 = offsets[i + 1], o2 = offsets[i + 2], o3 = offsets[i + 3];
    for (let j = 0; j < cols; j++) {
      acc[j] = acc[j] + s0 * m[o0 + j] + s1 * m[o1 + j] + s2 * m[o2 + j] + s3 * m[o3 + j];
    }
  }
  for (; i < n; i++) {
    const s0 = scales[i];
    const o0 = offsets[i];
    for (let j = 0; j < cols; j++) acc[j] += s0 * m[o0 + j];
  }
}

/**
 * out = d · wᵀ, the gradient passed back to a layer's input: d [rows, cols] (the
 * gradient at the pre-activation), w [inner, cols] (the kernel), out [rows, inner].
 * out[r, k] = sum_j d[r, j] * w[k, j]: a dot product of two contiguous rows, summed
 * in blocks of 48 over j.
 */
export function matMulTransposeB(
  d: Float32Array,
  w: Float32Array,
  out: Float32Array,
  rows: number,
  inner: number,
  cols: number,
): void {
  for (let r = 0; r < rows; r++) {
    const dRow = r * cols;
    const oRow = r * inner;
    for (let k = 0; k < inner; k++) {
      const wRow = k * cols;
      let result = 0; // a float32 value, as tfjs's result buffer holds it
      for (let j0 = 0; j0 < cols; j0 += TFJS_CPU_BLOCK) {
        const j1 = Math.min(j0 + TFJS_CPU_BLOCK, cols);
        let sum = 0;
        for (let j = j0; j < j1; j++) sum += d[dRow + j] * w[wRow + j];
        result = Math.fround(result + sum);
      }
      out[oRow + k] = result;
    }
  }
}

/** out[offset + j] (+)= acc[j], each store rounding to float32 as tfjs's `resVals[i] += sum`. */
function flush(out: Float32Array, offset: number, acc: Float64Array, cols: number, first: boolean): void {
  if (first) {
    for (let j = 0; j < cols; j++) out[offset + j] = acc[j];
  } else {
    for (let j = 0; j < cols; j++) out[offset + j] += acc[j];
  }
}
