#!/usr/bin/env node
/**
 * `npm run bench` (its last part): what a second core would give MNIST's step, measured
 * before building it into the app (issue #15, "both cores"). MNIST's two large products
 * (the first layer's forward product, 100 x 784 x 128 at 81 % zero pixels, and its kernel
 * gradient) take most of a fused step. Here they run on one thread, then split over two
 * (node:worker_threads): the forward product by rows, the gradient by blocks of inner
 * indices, each half through its own instance of the app's SIMD kernels (float32 lanes, as
 * the app runs products this large), operands shared through SharedArrayBuffer and the
 * halves joined with Atomics.wait/notify. Either split gives the same bits (every output
 * sums the same terms in the same order), so the speed-up is all there is to measure.
 * Numbers, not assertions: this machine is shared and noisy.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { compileKernels } from './wasm-kernels.mjs';

const ROWS = 100;
const INNER = 784;
const COLS = 128;
const PAGE = 65536;
const align16 = (p) => (p + 15) & ~15;

/** One instance of the kernels and its memory laid out for both products: forward(rows r0..r1), gradient(inner k0..k1). */
function products(bytes) {
  const ex = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
  const scales = align16(ex.heapBase());
  const offsets = scales + 48 * 8;
  const pa = align16(offsets + 48 * 4);
  const pw = align16(pa + ROWS * INNER * 4);
  const po = align16(pw + INNER * COLS * 4);
  const pd = align16(po + ROWS * COLS * 4);
  const pg = align16(pd + ROWS * COLS * 4);
  const end = pg + INNER * COLS * 4;
  if (end > ex.memory.buffer.byteLength) ex.memory.grow(Math.ceil((end - ex.memory.buffer.byteLength) / PAGE));
  const heap = new Float32Array(ex.memory.buffer);
  return {
    /** out rows [r0, r1) = a rows [r0, r1) · w. */
    forward(a, w, out, r0, r1) {
      heap.set(a.subarray(r0 * INNER, r1 * INNER), pa >> 2);
      heap.set(w, pw >> 2);
      ex.matMul(pa, pw, po, r1 - r0, INNER, COLS, scales, offsets, true);
      out.set(heap.subarray(po >> 2, (po >> 2) + (r1 - r0) * COLS), r0 * COLS);
    },
    /** g rows [k0, k1) = (a's columns [k0, k1))ᵀ · d. */
    gradient(a, d, g, k0, k1) {
      const m = k1 - k0;
      for (let r = 0; r < ROWS; r++) heap.set(a.subarray(r * INNER + k0, r * INNER + k1), (pa >> 2) + r * m);
      heap.set(d, pd >> 2);
      ex.matMulTransposeA(pa, pd, pg, ROWS, m, COLS, scales, offsets, true);
      g.set(heap.subarray(pg >> 2, (pg >> 2) + m * COLS), k0 * COLS);
    },
  };
}

const FORWARD = 1;
const GRADIENT = 2;
const QUIT = 3;

if (isMainThread) {
  const bytes = await compileKernels();
  const shared = (n) => new Float32Array(new SharedArrayBuffer(n * 4));
  const [a, w, d, out, g, out2, g2] = [ROWS * INNER, INNER * COLS, ROWS * COLS, ROWS * COLS, INNER * COLS, ROWS * COLS, INNER * COLS].map(shared);
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  a.forEach((_, i) => (a[i] = random() < 0.81 ? 0 : random()));
  w.forEach((_, i) => (w[i] = random() - 0.5));
  d.forEach((_, i) => (d[i] = random() - 0.5));
  // [0]: 1 while the helper works, [1]: its job.
  const flag = new Int32Array(new SharedArrayBuffer(8));
  const helper = new Worker(new URL(import.meta.url), { workerData: { bytes, a, w, d, out: out2, g: g2, flag } });
  await new Promise((resolve) => helper.once('message', resolve));
  const mine = products(bytes);
  const ask = (job) => {
    Atomics.store(flag, 1, job);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  const joined = () => {
    while (Atomics.load(flag, 0) !== 0) Atomics.wait(flag, 0, 1);
  };
  const one = () => {
    mine.forward(a, w, out, 0, ROWS);
    mine.gradient(a, d, g, 0, INNER);
  };
  const two = () => {
    ask(FORWARD);
    mine.forward(a, w, out2, 0, ROWS / 2);
    joined();
    ask(GRADIENT);
    mine.gradient(a, d, g2, 0, INNER / 2);
    joined();
  };
  const time = (f, n = 300) => {
    for (let i = 0; i < 30; i++) f();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f();
    return (performance.now() - t0) / n;
  };
  const results = [];
  for (let round = 0; round < 3; round++) results.push([time(one), time(two)]);
  const same = out.every((v, i) => Object.is(v, out2[i])) && g.every((v, i) => Object.is(v, g2[i]));
  console.log(`\n## Two cores for MNIST's first layer (100 x 784 x 128 forward product + kernel gradient, wasm SIMD, float32 lanes)`);
  for (const [t1, t2] of results) console.log(`one thread ${t1.toFixed(3)} ms, split over two ${t2.toFixed(3)} ms: ${(t1 / t2).toFixed(2)}x`);
  console.log(`the split's results are the one thread's bit for bit: ${same ? 'yes' : 'NO'}`);
  ask(QUIT);
  await helper.terminate();
} else {
  const { bytes, a, w, d, out, g, flag } = workerData;
  const mine = products(bytes);
  parentPort.postMessage('ready');
  for (;;) {
    Atomics.wait(flag, 0, 0);
    const job = Atomics.load(flag, 1);
    if (job === QUIT) break;
    if (job === FORWARD) mine.forward(a, w, out, ROWS / 2, ROWS);
    else mine.gradient(a, d, g, INNER / 2, INNER);
    Atomics.store(flag, 0, 0);
    Atomics.notify(flag, 0);
  }
}
