/**
 * The training session the worker runs: one data set, one Trainer, and the loop that
 * trains, measures and reports. It knows nothing of workers: events go out through
 * `post`, and `yieldToEvents` lets queued requests (Stop) in between chunks of steps,
 * so the same code runs in the worker and in Vitest.
 */
import * as tf from '@tensorflow/tfjs';
import type { MetricPoint, ModelConfig, Prediction, WorkerEvent, Evaluation } from '../shared/protocol';
import { summarize, type ClassificationData } from './data';
import { evaluate, predictRow } from './evaluate';
import { parameterCount } from './model';
import { Trainer, disposeSnapshot, uploadSplit, type Snapshot, type SplitTensors } from './trainer';

/** Steps averaged into one point of the training-loss curve. */
export const LOG_EVERY = 10;
/** Steps between evaluations of the train and test splits (and at the end of a run). */
export const EVAL_EVERY = 100;
/** Minimum time between progress events, so the page gets at most ~10 a second. */
const POST_INTERVAL_MS = 100;
/** Work per chunk between yields: short enough that Stop is seen quickly. */
const CHUNK_TARGET_MS = 40;

export interface SessionHooks {
  post: (event: WorkerEvent) => void;
  yieldToEvents: () => Promise<void>;
}

export class Session {
  private trainer: Trainer | null = null;
  private testTensors: SplitTensors | null = null;
  private activeRun: number | null = null;
  private stopRequested = false;

  constructor(
    private readonly data: ClassificationData,
    private config: ModelConfig,
    private readonly hooks: SessionHooks,
  ) {
    hooks.post({ type: 'dataset', summary: summarize(data) });
    this.testTensors = uploadSplit(data.test, data.featureNames.length);
    this.reset(config);
  }

  get globalStep(): number {
    return this.trainer?.globalStep ?? 0;
  }

  get running(): boolean {
    return this.activeRun !== null;
  }

  /** A fresh model at global step 0 (the page's Reset). Not while a run is going. */
  reset(config: ModelConfig): void {
    if (this.running) throw new Error('Stop the run before resetting the model.');
    this.trainer?.dispose();
    this.config = config;
    this.trainer = new Trainer(this.data, config);
    this.hooks.post({
      type: 'model',
      globalStep: 0,
      parameters: parameterCount(this.data.featureNames.length, config.hiddenUnits, this.data.classNames.length),
      tensors: tf.memory().numTensors,
    });
  }

  stop(runId: number): void {
    if (this.activeRun === runId) this.stopRequested = true;
  }

  async predict(features: number[]): Promise<Prediction> {
    return predictRow(this.requireTrainer().model, features, this.data.classNames);
  }

  /**
   * Train `steps` more steps from the current global step (calling it twice equals
   * calling it once with twice the steps, as with tf.estimator). Reads the loss back
   * once per chunk, never per step; evaluates every EVAL_EVERY steps and at the end.
   */
  async train(runId: number, steps: number): Promise<void> {
    if (this.running) throw new Error('A run is already going.');
    const trainer = this.requireTrainer();
    this.activeRun = runId;
    this.stopRequested = false;
    const target = trainer.globalStep + steps;
    let pending: MetricPoint[] = [];
    let evaluation: Evaluation | undefined;
    let lastPost = -Infinity;
    let chunkSteps = LOG_EVERY;
    let good: Snapshot | null = trainer.snapshot();
    let evaluatedAt = -1;
    const evaluateNow = async () => {
      const [train, test] = await this.evaluateBoth(trainer);
      pending.push(toPoint(train), toPoint(test));
      evaluation = test;
      evaluatedAt = trainer.globalStep;
    };
    const flush = () => {
      this.hooks.post({ type: 'progress', runId, globalStep: trainer.globalStep, points: pending, evaluation });
      pending = [];
      evaluation = undefined;
      lastPost = performance.now();
    };
    const end = (kind: 'done' | 'stopped' | 'error', message?: string) => {
      disposeSnapshot(good);
      good = null;
      this.activeRun = null;
      this.hooks.post({ type: 'run-end', runId, end: kind, globalStep: trainer.globalStep, tensors: tf.memory().numTensors, message });
    };
    try {
      while (trainer.globalStep < target && !this.stopRequested) {
        const started = performance.now();
        // Chunks never cross an evaluation boundary, so evaluations land on multiples of EVAL_EVERY.
        const nextEval = (Math.floor(trainer.globalStep / EVAL_EVERY) + 1) * EVAL_EVERY;
        const chunk = Math.min(trainer.globalStep + chunkSteps, target, nextEval) - trainer.globalStep;
        const first = trainer.globalStep + 1;
        const losses: tf.Scalar[] = [];
        for (let i = 0; i < chunk; i++) losses.push(trainer.step());
        const values = await readAll(losses);
        const bad = values.findIndex((v) => !Number.isFinite(v));
        if (bad >= 0) {
          const at = first + bad;
          const backTo = good?.step ?? 0;
          if (good) trainer.restore(good);
          flush();
          end('error', `The loss became ${values[bad]} at step ${at}. Training stopped and the weights went back to step ${backTo}, the last finite loss. Try a lower learning rate.`);
          return;
        }
        disposeSnapshot(good);
        good = trainer.snapshot();
        pending.push(...lossPoints(values, first, this.config.batchSize));
        if (trainer.globalStep % EVAL_EVERY === 0) await evaluateNow();
        if (performance.now() - lastPost >= POST_INTERVAL_MS) flush();
        chunkSteps = nextChunkSize(chunk, performance.now() - started);
        await this.hooks.yieldToEvents();
      }
      // Done or stopped: evaluate where the run ended, as the tutorial does after train().
      if (evaluatedAt !== trainer.globalStep) await evaluateNow();
      flush();
      end(trainer.globalStep >= target ? 'done' : 'stopped');
    } catch (error) {
      end('error', error instanceof Error ? error.message : String(error));
    }
  }

  /** Evaluate the current model on the training and test splits. */
  private async evaluateBoth(trainer: Trainer): Promise<[Evaluation, Evaluation]> {
    const train = await evaluate(trainer.model, trainer.trainSplit, 'train', trainer.globalStep);
    const test = await evaluate(trainer.model, this.requireTest(), 'test', trainer.globalStep);
    return [train, test];
  }

  dispose(): void {
    this.trainer?.dispose();
    this.trainer = null;
    if (this.testTensors) {
      this.testTensors.x.dispose();
      this.testTensors.y.dispose();
      this.testTensors = null;
    }
  }

  private requireTrainer(): Trainer {
    if (!this.trainer) throw new Error('No model: the session was disposed.');
    return this.trainer;
  }

  private requireTest(): SplitTensors {
    if (!this.testTensors) throw new Error('No test split: the session was disposed.');
    return this.testTensors;
  }
}

/** Read a list of scalars with one sync (stack, then data()), disposing them. */
async function readAll(scalars: tf.Scalar[]): Promise<number[]> {
  const stacked = tf.stack(scalars);
  scalars.forEach((s) => s.dispose());
  const values = Array.from(await stacked.data());
  stacked.dispose();
  return values;
}

/** One training-loss point per LOG_EVERY steps, as mean loss per example, at the step that ends it. */
function lossPoints(summedLosses: number[], firstStep: number, batchSize: number): MetricPoint[] {
  const points: MetricPoint[] = [];
  let sum = 0;
  let count = 0;
  summedLosses.forEach((loss, i) => {
    sum += loss;
    count++;
    const step = firstStep + i;
    if (step % LOG_EVERY === 0 || i === summedLosses.length - 1) {
      points.push({ step, split: 'train', loss: sum / count / batchSize });
      sum = 0;
      count = 0;
    }
  });
  return points;
}

function toPoint(e: Evaluation): MetricPoint {
  return { step: e.globalStep, split: e.split, loss: e.averageLoss, accuracy: e.accuracy };
}

/** Scale the chunk so one takes about CHUNK_TARGET_MS, in whole multiples of LOG_EVERY. */
function nextChunkSize(steps: number, elapsedMs: number): number {
  const perStep = Math.max(elapsedMs, 0.01) / steps;
  const wanted = Math.round(CHUNK_TARGET_MS / perStep / LOG_EVERY) * LOG_EVERY;
  return Math.min(Math.max(wanted, LOG_EVERY), 20 * LOG_EVERY);
}
