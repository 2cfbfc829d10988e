/**
 * Steps per second of the fused step against the plain-tfjs step on the active tfjs
 * backend, for the same network, optimizer and batches. The tfjs side reads its losses
 * once per LOG_EVERY steps, as session.ts does; the fused side returns each loss as a
 * number. Both draw batches from the same BatchStream. Logs with console.log: it is
 * run by hand (npm run bench:fast), never in CI.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig, OptimizerName } from '../src/shared/types';
import { BatchStream } from '../src/ml/train/batches';
import type { LabelledSplit } from '../src/ml/datasets/data';
import { buildClassifier, makeOptimizer } from '../src/ml/model/model';
import { gatherBatch } from '../src/ml/fast/batch';
import { FastDenseNet } from '../src/ml/fast/net';
import { makeFastOptimizer } from '../src/ml/fast/optimizers';
import type { LossReduction } from '../src/ml/fast/softmax';
import { copyModelToNet } from './tfBridge';
import { TfjsReferenceStep } from '../src/ml/engines/reference';

export interface BenchCase {
  name: string;
  /** [inputs, ...hidden, classes], ReLU hidden layers as buildClassifier makes them. */
  widths: number[];
  optimizer: OptimizerName;
  learningRate: number;
  batch: number;
  reduction: LossReduction;
  /** Timed steps per side (after WARMUP_STEPS untimed ones). */
  steps: number;
  split: LabelledSplit;
}

export interface BenchResult {
  name: string;
  backend: string;
  steps: number;
  fastStepsPerSecond: number;
  tfjsStepsPerSecond: number;
  /** fast / tfjs */
  speedup: number;
  /** Mean loss over the last 10 timed steps of each side: both trained the same run. */
  fastFinalLoss: number;
  tfjsFinalLoss: number;
}

const WARMUP_STEPS = 50;
const READ_EVERY = 10;
const SEED = 42;

/** Times `c.steps` steps of each side after a warm-up; the tfjs side runs on tf.getBackend(). */
export async function benchFastVsTfjs(c: BenchCase): Promise<BenchResult> {
  const inputs = c.widths[0];
  const classes = c.widths[c.widths.length - 1];
  const config: ModelConfig = {
    hiddenUnits: c.widths.slice(1, -1),
    optimizer: c.optimizer,
    learningRate: c.learningRate,
    batchSize: c.batch,
    seed: SEED,
    initializer: c.reduction === 'sum' ? 'glorot-uniform' : 'truncated-normal',
    reduction: c.reduction,
    activation: 'relu',
    dropout: 0,
    l2: 0,
    classWeight: 'none',
  };
  const reference = new TfjsReferenceStep(
    buildClassifier(inputs, classes, config),
    makeOptimizer(c.optimizer, c.learningRate),
    c.split,
    c.reduction,
  );
  const net = new FastDenseNet({
    widths: c.widths,
    optimizer: makeFastOptimizer(c.optimizer, c.learningRate),
    reduction: c.reduction,
  });
  copyModelToNet(reference.model, net);

  const tfjsLosses: number[] = [];
  const tfjsStream = new BatchStream(c.split.rows, c.batch, SEED);
  const runTfjs = async (steps: number) => {
    for (let done = 0; done < steps; ) {
      const chunk: tf.Scalar[] = [];
      for (let i = 0; i < READ_EVERY && done < steps; i++, done++) chunk.push(reference.step(tfjsStream.next()));
      const stacked = tf.stack(chunk);
      chunk.forEach((s) => s.dispose());
      tfjsLosses.push(...(await stacked.data()));
      stacked.dispose();
    }
  };
  const fastLosses: number[] = [];
  const fastStream = new BatchStream(c.split.rows, c.batch, SEED);
  const x = new Float32Array(c.batch * inputs);
  const y = new Int32Array(c.batch);
  const runFast = (steps: number) => {
    for (let i = 0; i < steps; i++) {
      gatherBatch(c.split.features, c.split.labels, inputs, fastStream.next(), x, y);
      fastLosses.push(net.step(x, y, c.batch));
    }
  };

  await runTfjs(WARMUP_STEPS);
  let started = performance.now();
  await runTfjs(c.steps);
  const tfjsMs = performance.now() - started;
  reference.dispose();

  runFast(WARMUP_STEPS);
  started = performance.now();
  runFast(c.steps);
  const fastMs = performance.now() - started;

  const tail = (losses: number[]) => losses.slice(-10).reduce((a, b) => a + b, 0) / 10;
  const fastStepsPerSecond = (1000 * c.steps) / fastMs;
  const tfjsStepsPerSecond = (1000 * c.steps) / tfjsMs;
  return {
    name: c.name,
    backend: tf.getBackend(),
    steps: c.steps,
    fastStepsPerSecond,
    tfjsStepsPerSecond,
    speedup: fastStepsPerSecond / tfjsStepsPerSecond,
    fastFinalLoss: tail(fastLosses),
    tfjsFinalLoss: tail(tfjsLosses),
  };
}

/** Runs every case in turn and logs one line per case. */
export async function runFastBench(cases: BenchCase[]): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const c of cases) {
    const r = await benchFastVsTfjs(c);
    results.push(r);
    console.log(
      `${r.name} (${r.steps} steps, tfjs ${r.backend}): fused ${r.fastStepsPerSecond.toFixed(0)} steps/s, ` +
        `tfjs ${r.tfjsStepsPerSecond.toFixed(0)} steps/s, x${r.speedup.toFixed(1)}; ` +
        `final loss fused ${r.fastFinalLoss.toPrecision(6)}, tfjs ${r.tfjsFinalLoss.toPrecision(6)}`,
    );
  }
  return results;
}
