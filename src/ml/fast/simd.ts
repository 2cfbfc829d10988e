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
 * the module's memory and the result back: [scales 48 f64][offsets 48 u32][a][b][out].
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
    this.run(a, rows * inner, w, inner * cols, out, rows * cols, (pa, pb, po) =>
      this.exports.matMul(pa, pb, po, rows, inner, cols, this.scales, this.offsets, lanes32(rows, inner, cols)),
    );
  }

  matMulTransposeA(a: Float32Array, d: Float32Array, out: Float32Array, rows: number, inner: number, cols: number): void {
    this.run(a, rows * inner, d, rows * cols, out, inner * cols, (pa, pb, po) =>
      this.exports.matMulTransposeA(pa, pb, po, rows, inner, cols, this.scales, this.offsets, lanes32(rows, inner, cols)),
    );
  }

  /**
   * d · wᵀ as the forward kernel's d · (wᵀ): w is copied in transposed, [cols, inner], so
   * the lanes run across out's columns k. Each out[r, k] still sums d[r, j] * w[k, j] in
   * order of j, in blocks of 48 rounded into the float32 result, as matMulTransposeB does
   * (in float64, or float32 lanes past FLOAT32_LANES_FROM); the zeros of d it skips add
   * only +-0 to a finite sum.
   */
  matMulTransposeB(d: Float32Array, w: Float32Array, out: Float32Array, rows: number, inner: number, cols: number): void {
    this.run(d, rows * cols, w, -inner * cols, out, rows * inner, (pa, pb, po) =>
      this.exports.matMul(pa, pb, po, rows, cols, inner, this.scales, this.offsets, lanes32(rows, inner, cols)),
      inner,
      cols,
    );
  }

  /**
   * Copies a[0, na) and b[0, |nb|) in (b transposed from [bRows, bCols] when nb < 0), calls
   * `kernel` with their byte addresses and out's, copies out[0, no) back.
   */
  private run(
    a: Float32Array,
    na: number,
    b: Float32Array,
    nb: number,
    out: Float32Array,
    no: number,
    kernel: (pa: number, pb: number, po: number) => void,
    bRows = 0,
    bCols = 0,
  ): void {
    const transpose = nb < 0;
    nb = Math.abs(nb);
    const pa = this.start;
    const pb = align16(pa + na * 4);
    const po = align16(pb + nb * 4);
    const end = po + no * 4;
    const memory = this.exports.memory;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / PAGE));
    // A new view only when the memory grew (growing detaches the old one's buffer): a view
    // per call was 7 % of an Iris step (2,000 steps 176-180 ms in Node against 189-193).
    if (this.heap.buffer !== memory.buffer) this.heap = new Float32Array(memory.buffer);
    const heap = this.heap;
    heap.set(a.subarray(0, na), pa >> 2);
    if (transpose) {
      const base = pb >> 2;
      for (let i = 0; i < bRows; i++) {
        const row = i * bCols;
        for (let j = 0; j < bCols; j++) heap[base + j * bRows + i] = b[row + j];
      }
    } else {
      heap.set(b.subarray(0, nb), pb >> 2);
    }
    kernel(pa, pb, po);
    out.set(heap.subarray(po >> 2, (po >> 2) + no));
  }
}

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
