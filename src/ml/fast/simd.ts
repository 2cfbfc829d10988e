/**
 * The WebAssembly SIMD versions of matmul.ts's forward product and kernel gradient
 * (assembly/kernels.ts, compiled at build time and inlined as base64). Same summation
 * order as the JS loops. A product of fewer than FLOAT32_LANES_FROM multiply-adds sums in
 * float64 lanes, bit-identical to the JS loops and to tfjs cpu; a larger one (MNIST's
 * first layer, 10 M) in float32 lanes, four per register and about 1.5x faster on MNIST,
 * within float32 rounding of them (each block of 48 terms rounded in float32 as it is
 * summed, ~3e-6 relative; tests/unit/fast-simd.test.ts compares both on random and sparse
 * operands). Iris's products (20 k) stay bit-identical: float32 lanes gave them nothing.
 *
 * The operands live in JS Float32Arrays owned by the net; each call copies them into
 * the module's memory and the results back: [scales 48 f64][offsets 48 u32][operands][results].
 * forwardLayer / backwardLayer (assembly/layers.ts) run a whole layer in one call: the
 * products and the bias, ReLU and bias-gradient loops around them, with each operand
 * copied once.
 * For MNIST's 784-128 layer that is about 0.7 MB a product, a small part of its cost.
 *
 * `simdKernels()` is null where WebAssembly SIMD is missing (detected by validating a
 * tiny SIMD module): the net then keeps the JS loops.
 */
import kernelsBase64 from 'virtual:fast-kernels';
import { TFJS_CPU_BLOCK } from './matmul';

/** The smallest module with a v128 instruction (i8x16.splat, i8x16.popcnt): valid only where SIMD is. */
const SIMD_PROBE = Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11);

interface KernelExports {
  memory: WebAssembly.Memory;
  matMul(a: number, w: number, out: number, rows: number, inner: number, cols: number, scales: number, offsets: number, lanes32: boolean): void;
  matMulTransposeA(a: number, d: number, out: number, rows: number, inner: number, cols: number, scales: number, offsets: number, lanes32: boolean): void;
  forwardLayer(a: number, w: number, bias: number, out: number, rows: number, inner: number, cols: number, scales: number, offsets: number, lanes32: boolean, relu: boolean): void;
  backwardLayer(a: number, delta: number, wT: number, gKernel: number, gBias: number, below: number, rows: number, inner: number, cols: number, scales: number, offsets: number, lanes32: boolean, relu: boolean): void;
  heapBase(): number;
}

/** The two products the net runs through wasm; both as matmul.ts's (without its scratch). */
export interface SimdKernels {
  /** out [rows, cols] = a [rows, inner] · w [inner, cols]. */
  matMul(a: Float32Array, w: Float32Array, out: Float32Array, rows: number, inner: number, cols: number): void;
  /** out [inner, cols] = aᵀ · d, a [rows, inner], d [rows, cols]. */
  matMulTransposeA(a: Float32Array, d: Float32Array, out: Float32Array, rows: number, inner: number, cols: number): void;
  /** out [rows, inner] = d · wᵀ, d [rows, cols], w [inner, cols]. */
  matMulTransposeB(d: Float32Array, w: Float32Array, out: Float32Array, rows: number, inner: number, cols: number): void;
  /** out [rows, cols] = act(a [rows, inner] · w [inner, cols] + bias [cols]), act ReLU (relu) or none: matMul then addBiasActivate. */
  forwardLayer(a: Float32Array, w: Float32Array, bias: Float32Array, out: Float32Array, rows: number, inner: number, cols: number, relu: boolean): void;
  /**
   * A layer's gradients from delta [rows, cols] (at its pre-activation), a [rows, inner] its
   * input, w [inner, cols] its kernel: gBias [cols] (column sums), gKernel = aᵀ · delta, and
   * unless below is null, below [rows, inner] = delta · wᵀ, times step(a) when relu (a is
   * then the ReLU output of the layer below): net.ts's backwardLayer without dropout.
   */
  backwardLayer(a: Float32Array, delta: Float32Array, w: Float32Array, gKernel: Float32Array, gBias: Float32Array, below: Float32Array | null, rows: number, inner: number, cols: number, relu: boolean): void;
}

/** Whether this engine runs WebAssembly with 128-bit SIMD. */
export function simdSupported(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

const PAGE = 65536;

/**
 * Multiply-adds (rows x inner x cols, zeros counted) from which a product sums in float32
 * lanes. 2^20: MNIST's 784-wide products (10 M a batch of 100) are over it, every Iris
 * product (at most 20 k) under it; a CSV network's first layer crosses it from about 100
 * inputs x 100 units x a batch of 100.
 */
export const FLOAT32_LANES_FROM = 1 << 20;
const lanes32 = (rows: number, inner: number, cols: number) => rows * inner * cols >= FLOAT32_LANES_FROM;
const align16 = (n: number) => (n + 15) & ~15;

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

class WasmKernels implements SimdKernels {
  private readonly scales: number;
  private readonly offsets: number;
  private readonly start: number;
  /** A view of the module's memory, renewed when the memory grows. */
  private heap: Float32Array = new Float32Array(0);

  constructor(private readonly exports: KernelExports) {
    this.scales = align16(exports.heapBase());
    this.offsets = this.scales + TFJS_CPU_BLOCK * 8;
    this.start = align16(this.offsets + TFJS_CPU_BLOCK * 4);
  }

  matMul(a: Float32Array, w: Float32Array, out: Float32Array, rows: number, inner: number, cols: number): void {
    const pa = this.start;
    const pw = after(pa, rows * inner);
    const po = after(pw, inner * cols);
    this.reserve(after(po, rows * cols));
    this.put(pa, a, rows * inner);
    this.put(pw, w, inner * cols);
    this.exports.matMul(pa, pw, po, rows, inner, cols, this.scales, this.offsets, lanes32(rows, inner, cols));
    this.take(po, out, rows * cols);
  }

  matMulTransposeA(a: Float32Array, d: Float32Array, out: Float32Array, rows: number, inner: number, cols: number): void {
    const pa = this.start;
    const pd = after(pa, rows * inner);
    const po = after(pd, rows * cols);
    this.reserve(after(po, inner * cols));
    this.put(pa, a, rows * inner);
    this.put(pd, d, rows * cols);
    this.exports.matMulTransposeA(pa, pd, po, rows, inner, cols, this.scales, this.offsets, lanes32(rows, inner, cols));
    this.take(po, out, inner * cols);
  }

  /**
   * d · wᵀ as the forward kernel's d · (wᵀ): w is copied in transposed, [cols, inner], so
   * the lanes run across out's columns k. Each out[r, k] still sums d[r, j] * w[k, j] in
   * order of j, in blocks of 48 rounded into the float32 result, as matMulTransposeB does
   * (in float64, or float32 lanes past FLOAT32_LANES_FROM); the zeros of d it skips add
   * only +-0 to a finite sum.
   */
  matMulTransposeB(d: Float32Array, w: Float32Array, out: Float32Array, rows: number, inner: number, cols: number): void {
    const pd = this.start;
    const pw = after(pd, rows * cols);
    const po = after(pw, inner * cols);
    this.reserve(after(po, rows * inner));
    this.put(pd, d, rows * cols);
    this.putTransposed(pw, w, inner, cols);
    this.exports.matMul(pd, pw, po, rows, cols, inner, this.scales, this.offsets, lanes32(rows, inner, cols));
    this.take(po, out, rows * inner);
  }

  forwardLayer(a: Float32Array, w: Float32Array, bias: Float32Array, out: Float32Array, rows: number, inner: number, cols: number, relu: boolean): void {
    const pa = this.start;
    const pw = after(pa, rows * inner);
    const pb = after(pw, inner * cols);
    const po = after(pb, cols);
    this.reserve(after(po, rows * cols));
    this.put(pa, a, rows * inner);
    this.put(pw, w, inner * cols);
    this.put(pb, bias, cols);
    this.exports.forwardLayer(pa, pw, pb, po, rows, inner, cols, this.scales, this.offsets, lanes32(rows, inner, cols), relu);
    this.take(po, out, rows * cols);
  }

  /** Its input a and delta copied in once for all three results (two products' calls copied each twice). */
  backwardLayer(
    a: Float32Array,
    delta: Float32Array,
    w: Float32Array,
    gKernel: Float32Array,
    gBias: Float32Array,
    below: Float32Array | null,
    rows: number,
    inner: number,
    cols: number,
    relu: boolean,
  ): void {
    const pa = this.start;
    const pd = after(pa, rows * inner);
    const pk = after(pd, rows * cols);
    const pb = after(pk, inner * cols);
    const pw = after(pb, cols);
    const pBelow = below ? after(pw, inner * cols) : 0;
    this.reserve(below ? after(pBelow, rows * inner) : pw);
    this.put(pa, a, rows * inner);
    this.put(pd, delta, rows * cols);
    if (below) this.putTransposed(pw, w, inner, cols);
    this.exports.backwardLayer(pa, pd, pw, pk, pb, pBelow, rows, inner, cols, this.scales, this.offsets, lanes32(rows, inner, cols), relu);
    this.take(pk, gKernel, inner * cols);
    this.take(pb, gBias, cols);
    if (below) this.take(pBelow, below, rows * inner);
  }

  /** Grows the memory to hold `end` bytes; a new view only then (a view per call was 7 % of an Iris step). */
  private reserve(end: number): void {
    const memory = this.exports.memory;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
    // Growing detaches the old view's buffer.
    if (this.heap.buffer !== memory.buffer) this.heap = new Float32Array(memory.buffer);
  }

  /** src[0, n) to byte address p (no subarray when src is exactly n long: most operands are). */
  private put(p: number, src: Float32Array, n: number): void {
    this.heap.set(src.length === n ? src : src.subarray(0, n), p >> 2);
  }

  /** m [rows, cols] to byte address p as mᵀ [cols, rows]. */
  private putTransposed(p: number, m: Float32Array, rows: number, cols: number): void {
    const heap = this.heap;
    const base = p >> 2;
    for (let i = 0; i < rows; i++) {
      const row = i * cols;
      for (let j = 0; j < cols; j++) heap[base + j * rows + i] = m[row + j];
    }
  }

  /** n floats at byte address p into dst. */
  private take(p: number, dst: Float32Array, n: number): void {
    dst.set(this.heap.subarray(p >> 2, (p >> 2) + n));
  }
}

/** The byte address after n floats at p, 16-aligned for the v128 loads. */
const after = (p: number, n: number) => align16(p + n * 4);

let cached: SimdKernels | null | undefined;

/** The SIMD kernels, compiled once per worker; null where WebAssembly SIMD is missing. */
export function simdKernels(): SimdKernels | null {
  if (cached !== undefined) return cached;
  cached = null;
  if (simdSupported()) {
    try {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(decode(kernelsBase64)), {});
      cached = new WasmKernels(instance.exports as unknown as KernelExports);
    } catch {
      cached = null; // a refused compile (a CSP without 'wasm-unsafe-eval'): the JS loops
    }
  }
  return cached;
}
