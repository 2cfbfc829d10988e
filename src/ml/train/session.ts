/**
 * The training session the worker runs: one data set, one engine (model + optimizer +
 * global step), and the loop that trains, measures and reports. It knows nothing of
 * workers: events go out through `post`, and `yieldToEvents` lets queued requests
 * (Stop) in between chunks of steps, so the same code runs in the worker and in Vitest.
 */
import * as tf from '@tensorflow/tfjs';
import { withConfigDefaults } from '../../shared/modelConfig';
import type { WorkerEvent } from '../../shared/protocol';
import type { EarlyStop, EngineChoice, Evaluation, LogLine, MetricPoint, ModelConfig, Prediction } from '../../shared/types';
import type { LoadedDataset } from '../datasets/data';
import { chooseEngine, createEngine, type Engine, type Snapshot } from '../engines/engine';
import { predictRow, type PerExample } from '../model/metrics';
import { HeldOut } from './heldOut';
import { parameterCount } from '../model/model';
import { reasonError, type ParseResult } from '../../shared/result';
import type { History } from './history';
import { historySeconds, lossPoints, nextChunkSize, toPoint, trimHistory } from './curves';
import { EarlyStopping, earlyStopMessage } from './earlyStopping';
export { LOG_EVERY } from './curves';
export type { History } from './history';

/** Steps between lines of the status log (the tutorial prints every 100). */
export const STATUS_EVERY = 100;
/** Minimum time between progress events, so the page gets at most ~10 a second. */
const POST_INTERVAL_MS = 100;

export interface SessionHooks {
  post: (event: WorkerEvent) => void;
  yieldToEvents: () => Promise<void>;
  /** Called every CHECKPOINT_EVERY global steps and where a run ends (tf.estimator's save_checkpoints_steps). */
  checkpoint?: (session: Session) => Promise<void>;
}

/** Steps between checkpoints, as tf.estimator and Mechanics 101 save them. */
export const CHECKPOINT_EVERY = 1000;

/** What a restored model brings: weights already in place (by `apply`), its step and its history. */
export interface Restore {
  apply: (model: tf.LayersModel) => ParseResult<undefined>;
  globalStep: number;
  history?: History;
}


export class Session {
  private engine: Engine | null = null;
  /** Evaluation on the splits, and the newest test results (heldOut.ts). */
  private readonly heldOut: HeldOut;
  private activeRun: number | null = null;
  private stopRequested = false;
  private config: ModelConfig;
  /** Training seconds since the model was built, summed over its finished runs (MetricPoint.seconds). */
  private trainedSeconds = 0;
  history: History = { points: [], evaluations: [] };

  constructor(
    readonly dataset: LoadedDataset,
    config: ModelConfig,
    private readonly hooks: SessionHooks,
    private readonly engineChoice: EngineChoice = 'auto',
    restore?: Restore,
  ) {
    this.config = withConfigDefaults(config);
    const { data } = dataset;
    this.heldOut = new HeldOut(data);
    hooks.post({ type: 'dataset', summary: dataset.summary });
    this.reset(config, restore);
  }

  get modelConfig(): ModelConfig {
    return this.config;
  }

  get globalStep(): number {
    return this.engine?.globalStep ?? 0;
  }

  get running(): boolean {
    return this.activeRun !== null;
  }

  get model(): tf.Sequential {
    const engine = this.requireEngine();
    engine.sync();
    return engine.model;
  }

  /** Every test row's loss and predicted class at the newest evaluation, if there was one. */
  get testResults(): { globalStep: number; rows: PerExample } | null {
    return this.heldOut.testResults;
  }

  /** Predicted class of every test row at the newest evaluation, if there was one. */
  get testPredictions(): { globalStep: number; predictions: ArrayLike<number> } | null {
    const results = this.heldOut.testResults;
    return results && { globalStep: results.globalStep, predictions: results.rows.predictions };
  }

  /**
   * A fresh model at global step 0 (the page's Reset), or, given `restore`, the model of a
   * checkpoint at its step. Not while a run is going. A restore whose weights do not fit
   * throws before anything is replaced.
   */
  reset(stored: ModelConfig, restore?: Restore): void {
    if (this.running) throw new Error('Stop the run before resetting the model.');
    // Whatever path a config came by (an old checkpoint, an old page state), it is complete here.
    const config = withConfigDefaults(stored);
    const { data } = this.dataset;
    const engine = chooseEngine(data, config, this.engineChoice);
    const next = createEngine(data, config, engine.name);
    if (restore) {
      const applied = restore.apply(next.model);
      if (!applied.ok) {
        next.dispose();
        throw reasonError(applied.reason);
      }
      next.adopt(restore.globalStep);
    }
    this.engine?.dispose();
    this.engine = next;
    this.config = config;
    this.heldOut.testResults = null;
    this.history = restore?.history ? trimHistory(restore.history, restore.globalStep) : { points: [], evaluations: [] };
    // A restored model's clock goes on from its history's; a fresh one starts at 0.
    this.trainedSeconds = historySeconds(this.history);
    this.hooks.post({
      type: 'model',
      config,
      globalStep: next.globalStep,
      parameters: parameterCount(data.featureNames.length, config.hiddenUnits, data.classNames.length),
      tensors: tf.memory().numTensors,
      engine: engine.name,
      engineReason: engine.reason,
    });
    if (this.history.points.length > 0 || this.history.evaluations.length > 0) this.hooks.post({ type: 'history', ...this.history });
  }

  stop(runId: number): void {
    if (this.activeRun === runId) this.stopRequested = true;
  }

  /** A new learning rate takes effect at the next step, even mid-run. */
  setLearningRate(learningRate: number): void {
    this.config = { ...this.config, learningRate };
    this.requireEngine().setLearningRate(learningRate);
  }

  /** Stop whatever run is going (the backend is going away). */
  stopAny(): void {
    if (this.running) this.stopRequested = true;
  }

  /** The newest weights when they survive the backend (the fused engine keeps them in JS), else null. */
  weightsInMemory(): Float32Array[] | null {
    return this.engine?.weightsInMemory() ?? null;
  }

  /** Class probabilities of encoded features [rows, inputs] -> [rows, classes], from the newest weights. */
  probabilities(features: Float32Array, rows: number): Promise<Float32Array> {
    return this.requireEngine().probabilities(features, rows);
  }

  /** Classify one row of encoded features. */
  async predictFeatures(features: Float32Array): Promise<Prediction> {
    return predictRow(this.model, features, this.dataset.data.classNames);
  }

  /** Classify one row as a person typed it. */
  async predict(values: string[]): Promise<Prediction> {
    const encoded = this.dataset.encodeInput(values);
    if (!encoded.ok) throw reasonError(encoded.reason);
    return this.predictFeatures(encoded.value);
  }

  /**
   * Train `steps` more steps from the current global step (calling it twice equals
   * calling it once with twice the steps, as with tf.estimator). Reads the losses back
   * once per chunk, never per step; evaluates every `evalEvery` steps and where the
   * run ends. A non-finite loss ends the run and restores the last finite weights.
   * `patience` > 0: early stopping (see earlyStopping.ts) on the first held-out split,
   * validation when there is one, else test; it ends the run as 'done' with a message.
   */
  async train(runId: number, steps: number, evalEvery: number, patience = 0): Promise<void> {
    if (this.running) throw new Error('A run is already going.');
    const engine = this.requireEngine();
    const watched = this.heldOut.watched;
    // Before the run counts as going: a bad patience throws here and leaves nothing running.
    const stopper = patience > 0 && watched ? new EarlyStopping(watched, patience) : null;
    if (patience > 0 && !watched) {
      this.hooks.post({ type: 'notice', message: 'Early stopping needs a validation or test split, and this data set has none: the run goes on to its last step.' });
    }
    this.activeRun = runId;
    this.stopRequested = false;
    const runStart = performance.now();
    const secondsBefore = this.trainedSeconds;
    /** Training seconds now: the finished runs' plus this one's so far (the time between runs does not count). */
    const clock = () => secondsBefore + (performance.now() - runStart) / 1000;
    let earlyStop: EarlyStop | null = null;
    const target = engine.globalStep + steps;
    const batch = engine.config.batchSize;
    const perExample = engine.config.reduction === 'sum' ? batch : 1;
    let points: MetricPoint[] = [];
    let evaluations: Evaluation[] = [];
    let log: LogLine[] = [];
    let lastPost = -Infinity;
    let chunkSteps = nextChunkSize(0, 0);
    let good: Snapshot = engine.snapshot();
    let evaluatedAt = -1;
    const flush = () => {
      this.hooks.post({ type: 'progress', runId, globalStep: engine.globalStep, points, evaluations, log });
      this.history.points.push(...points);
      this.history.evaluations.push(...evaluations);
      points = [];
      evaluations = [];
      log = [];
      lastPost = performance.now();
    };
    const evaluateNow = async (withTrain: boolean) => {
      const results = await this.heldOut.evaluate(engine, withTrain);
      const seconds = clock();
      points.push(...results.map((e) => toPoint(e, seconds)));
      evaluations.push(...results);
      evaluatedAt = engine.globalStep;
      return results;
    };
    const end = (kind: 'done' | 'stopped' | 'error', message?: string, stop?: EarlyStop) => {
      good.dispose();
      this.trainedSeconds = clock();
      this.activeRun = null;
      this.hooks.post({ type: 'run-end', runId, end: kind, globalStep: engine.globalStep, tensors: tf.memory().numTensors, message, ...(stop ? { earlyStop: stop } : {}) });
    };
    try {
      while (engine.globalStep < target && !this.stopRequested && earlyStop === null) {
        const started = performance.now();
        const chunkStart = clock();
        // Chunks never cross an evaluation boundary, so evaluations land on multiples of evalEvery.
        const nextEval = (Math.floor(engine.globalStep / evalEvery) + 1) * evalEvery;
        const before = engine.globalStep;
        const first = before + 1;
        const losses = await engine.steps(Math.min(first - 1 + chunkSteps, target, nextEval) - engine.globalStep);
        const seconds = (performance.now() - started) / 1000 / losses.length;
        const bad = losses.findIndex((v) => !Number.isFinite(v));
        if (bad >= 0) {
          const backTo = good.step;
          good.restore();
          flush();
          end('error', `The loss became ${losses[bad]} at step ${first + bad}. Training stopped and the weights went back to step ${backTo}, the last finite loss. Try a lower learning rate.`);
          return;
        }
        good.dispose();
        good = engine.snapshot();
        points.push(...lossPoints(losses, first, perExample, { start: chunkStart, end: clock() }));
        losses.forEach((loss, i) => {
          if ((first + i) % STATUS_EVERY === 0) log.push({ step: first + i, loss, seconds });
        });
        if (engine.globalStep % evalEvery === 0) {
          const results = await evaluateNow(true);
          earlyStop = stopper?.observe(results) ?? null;
        }
        // Not where the run ends: the checkpoint after the loop saves that step.
        const ending = engine.globalStep >= target || earlyStop !== null;
        if (Math.floor(engine.globalStep / CHECKPOINT_EVERY) > Math.floor(before / CHECKPOINT_EVERY) && !ending) {
          flush();
          await this.hooks.checkpoint?.(this);
        }
        if (performance.now() - lastPost >= POST_INTERVAL_MS) flush();
        chunkSteps = nextChunkSize(losses.length, performance.now() - started);
        await this.hooks.yieldToEvents();
      }
      // Evaluate where the run ended, as the tutorial does after train(); after Stop only
      // the held-out splits, so Stop is acknowledged quickly even for MNIST's 55,000 rows.
      if (evaluatedAt !== engine.globalStep) await evaluateNow(!this.stopRequested);
      flush();
      await this.hooks.checkpoint?.(this);
      if (earlyStop !== null) end('done', earlyStopMessage(earlyStop), earlyStop);
      else end(engine.globalStep >= target ? 'done' : 'stopped');
    } catch (error) {
      end('error', error instanceof Error ? error.message : String(error));
    }
  }

  dispose(): void {
    this.engine?.dispose();
    this.engine = null;
    this.heldOut.dispose();
  }

  private requireEngine(): Engine {
    if (!this.engine) throw new Error('No model: the session was disposed.');
    return this.engine;
  }
}
