/**
 * A training session: one data set, one engine (model + optimizer + global step), and the
 * loop that trains, measures and reports. It knows nothing of workers or pages: what
 * happens goes out through typed callbacks, so a workspace can run many sessions (the
 * shown model, a cross-validation fold, a move to another backend) and decide which of
 * them the page hears about. `yieldToEvents` lets queued requests (Stop) in between
 * chunks of steps, so the same code runs in the worker and in Vitest.
 */
import { MessageError, messageOf, msg, type Message } from '../../shared/message';
import { withConfigDefaults } from '../../shared/modelConfig';
import type { EarlyStop, EngineChoice, Evaluation, LogLine, MetricPoint, ModelConfig, Prediction, RunEnd } from '../../shared/types';
import type { ClassificationData } from '../datasets/data';
import { chooseEngine, createEngine } from '../engines/choose';
import type { Engine, Snapshot } from '../engines/engine';
import { predictionOf, type PerExample } from '../model/metrics';
import { parameterCount } from '../model/shape';
import { crossedCheckpoint, dueByTime } from './checkpointPolicy';
import { regressionPrediction, unstandardize } from '../model/regression';
import { historySeconds, LOG_EVERY, lossPoints, nextChunkSize, toPoint, trimHistory } from './curves';
import { DivergenceWatch } from './divergence';
import { EarlyStopping } from './earlyStopping';
import { Heartbeat } from './heartbeat';
import { EvaluationStopped as Stopped, SAMPLE_ROWS } from './evaluateChunked';
import { HeldOut } from './heldOut';
import { SaveQueue } from './saveQueue';
import { firstChunkSteps, tooLarge } from './stepBudget';
import type { History } from './history';
import type { ModelInfo, Progress, Restore, RunEndInfo } from './sessionTypes';
export { LOG_EVERY } from './curves';
export type { History } from './history';
export type { ModelInfo, Progress, Restore, RunEndInfo } from './sessionTypes';

/** Steps between lines of the status log (the tutorial prints every 100). */
export const STATUS_EVERY = 100;
/** Minimum time between progress callbacks, so the page gets at most ~10 a second. */
const POST_INTERVAL_MS = 100;

export interface SessionCallbacks {
  yieldToEvents: () => Promise<void>;
  model?: (info: ModelInfo) => void;
  /** The curves and evaluations a restored model brings, up to its step. */
  history?: (history: History) => void;
  progress?: (progress: Progress) => void;
  runEnd?: (end: RunEndInfo) => void;
  notice?: (message: Message) => void;
  /**
   * The checkpoint policy says save now (checkpointPolicy.ts: every 1000 steps, and where a
   * run ends, right after run-end is told). What is saved must be read before the first
   * await: the session may train on (or be replaced) while IndexedDB writes.
   */
  checkpoint?: (session: Session) => Promise<void>;
  /** The worker is busy but alive (a long evaluation, a checkpoint being written): heartbeat.ts, at most once a second. */
  heartbeat?: () => void;
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
  /** Why the engine was chosen, for the page. */
  private engineReason: Message = msg('train.engine-fused', { work: 0 });
  history: History = { points: [], evaluations: [] };
  private readonly beats: Heartbeat;
  /** The page asked for a checkpoint now (it is being hidden or left): saved after the chunk of steps going on. */
  private checkpointAsked = false;
  /** The checkpoint writes, one at a time (saveQueue.ts); a write that throws is a notice. */
  private readonly saves = new SaveQueue(
    () => this.checkpointNow(),
    (error) => this.callbacks.notice?.(messageOf(error)),
  );

  constructor(
    readonly data: ClassificationData,
    config: ModelConfig,
    private readonly callbacks: SessionCallbacks,
    private readonly engineChoice: EngineChoice = 'auto',
    restore?: Restore,
  ) {
    this.config = withConfigDefaults(config);
    this.heldOut = new HeldOut(data);
    this.beats = new Heartbeat(callbacks.heartbeat);
    this.build(config, restore);
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

  /** Settles when the checkpoints begun so far (a run's last one too) are written: a new data set waits for them, so its page state is the newer one. */
  get saved(): Promise<void> {
    return this.saves.settled;
  }

  /** The parameters of a model of the current settings. */
  get parameters(): number {
    return parameterCount(this.data.featureNames.length, this.config.hiddenUnits, this.data.classNames.length);
  }

  /** Every test row's loss and predicted class at the newest evaluation, if there was one. */
  get testResults(): { globalStep: number; rows: PerExample } | null {
    return this.heldOut.testResults;
  }

  /**
   * A fresh model at global step 0 (the page's Reset), or, given `restore`, a stored model
   * at its step. Not while a run is going. Weights that do not fit throw before anything
   * is replaced.
   */
  reset(stored: ModelConfig, restore?: Restore): void {
    this.build(stored, restore);
    this.announce();
  }

  /** Tell the callbacks about the model (and a restored model's history): a new session is silent until asked. */
  announce(): void {
    const engine = this.requireEngine();
    this.callbacks.model?.({ config: this.config, globalStep: engine.globalStep, parameters: this.parameters, engine: engine.name, engineReason: this.engineReason });
    if (this.history.points.length > 0 || this.history.evaluations.length > 0) this.callbacks.history?.(this.history);
  }

  private build(stored: ModelConfig, restore?: Restore): void {
    if (this.running) throw new MessageError(msg('train.busy'));
    // Whatever path a config came by (an old checkpoint, an old page state), it is complete here.
    const config = withConfigDefaults(stored);
    const choice = chooseEngine(this.data, config, this.engineChoice);
    const next = createEngine(this.data, config, choice.name, choice.loops);
    if (restore) {
      try {
        next.load(restore.weights, restore.globalStep);
      } catch (error) {
        next.dispose();
        throw error;
      }
    }
    this.engine?.dispose();
    this.engine = next;
    this.config = config;
    this.heldOut.testResults = null;
    this.history = restore?.history ? trimHistory(restore.history, restore.globalStep) : { points: [], evaluations: [] };
    // A restored model's clock goes on from its history's; a fresh one starts at 0.
    this.trainedSeconds = historySeconds(this.history);
    this.engineReason = choice.reason;
  }

  stop(runId: number): void {
    if (this.activeRun === runId) this.stopRequested = true;
  }

  /** Save a checkpoint at the next chunk boundary of the run going on (none: the last run's end was saved). */
  checkpointSoon = () => void (this.checkpointAsked = this.running);

  /** Stop whatever run is going (the backend is going away). */
  stopAny(): void {
    if (this.running) this.stopRequested = true;
  }

  /** A new learning rate takes effect at the next step, even mid-run. */
  setLearningRate(learningRate: number): void {
    this.config = { ...this.config, learningRate };
    this.requireEngine().setLearningRate(learningRate);
  }

  /** Copies of the newest weights, in getWeights() order. */
  weights(): Promise<Float32Array[]> {
    return this.requireEngine().weights();
  }

  /** True when the newest weights survive the backend (the fused engine keeps them in JS). */
  get weightsInJs(): boolean {
    return this.engine?.weightsInJs ?? false;
  }

  /** Logits of encoded features [rows, inputs] -> [rows, classes], from the newest weights. */
  logits(features: Float32Array, rows: number): Promise<Float32Array> {
    return this.requireEngine().logits(features, rows);
  }

  /** Class probabilities of encoded features [rows, inputs] -> [rows, classes], from the newest weights. */
  probabilities(features: Float32Array, rows: number): Promise<Float32Array> {
    return this.requireEngine().probabilities(features, rows);
  }

  /**
   * What the model says of each row in the units a person reads: class probabilities
   * [rows, classes], or a regressor's numbers in the label's units [rows] (float32).
   */
  async outputs(features: Float32Array, rows: number): Promise<Float32Array> {
    const target = this.data.target;
    if (!target) return this.probabilities(features, rows);
    const z = await this.logits(features, rows);
    return Float32Array.from(z, (v) => unstandardize(v, target));
  }

  /** Classify one row of encoded features [inputs] (predict()'s classes, probabilities, logits). */
  async predictFeatures(features: Float32Array): Promise<Prediction> {
    const logits = await this.logits(features, 1);
    const target = this.data.target;
    return target ? regressionPrediction(logits[0], target) : predictionOf(logits, this.data.classNames);
  }

  /**
   * Train `steps` more steps from the current global step (calling it twice equals
   * calling it once with twice the steps, as with tf.estimator). Reads the losses back
   * once per chunk, never per step; evaluates every `evalEvery` steps and where the
   * run ends. A non-finite loss ends the run and restores the last finite weights; a
   * diverging one (divergence.ts) ends it as an error with a suggestion.
   * `patience` > 0: early stopping (see earlyStopping.ts) on the validation split, never
   * the test split; it ends the run as 'done', and where the run ends (early or at its
   * last step, not after Stop) the weights of the best validation loss are put back
   * (Keras' restore_best_weights) while the global step keeps counting.
   * `steps` Infinity: Play, no step limit: the run goes until Stop (it ends `stopped`,
   * with its checkpoint), early stopping or divergence, in the same chunks.
   */
  async train(runId: number, steps: number, evalEvery: number, patience = 0): Promise<void> {
    if (this.running) throw new MessageError(msg('train.busy'));
    const engine = this.requireEngine();
    const watched = this.heldOut.watched;
    // Before the run counts as going: a bad patience throws here and leaves nothing running.
    const stopper = patience > 0 && watched ? new EarlyStopping(watched, patience) : null;
    const batch = engine.config.batchSize;
    const large = engine.weightsInJs ? tooLarge(batch, this.parameters) : null; // a JS step that would hold the worker past the page's watchdog
    if (large) return this.callbacks.runEnd?.({ runId, end: 'error', globalStep: engine.globalStep, message: large });
    if (patience > 0 && !watched) this.callbacks.notice?.(msg('train.no-held-out-split'));
    this.activeRun = runId;
    this.stopRequested = false;
    // Train pressed again right after a run: its last checkpoint first (a Stop meanwhile is kept).
    await this.saves.settled;
    const runStart = performance.now();
    const secondsBefore = this.trainedSeconds;
    /** Training seconds now: the finished runs' plus this one's so far (the time between runs does not count). */
    const clock = () => secondsBefore + (performance.now() - runStart) / 1000;
    let earlyStop: EarlyStop | null = null;
    const regression = this.data.target;
    const divergence = new DivergenceWatch(this.data.classNames.length, regression ? regression.sd ** 2 : null);
    /** The weights of the best validation loss so far, while early stopping watches. */
    let best: { step: number; weights: Float32Array[] } | null = null;
    /** Feed early stopping an evaluation round; keep the weights when it is the best yet. */
    const observe = async (results: Evaluation[]) => {
      if (!stopper) return;
      earlyStop = stopper.observe(results);
      if (stopper.bestStep === engine.globalStep && best?.step !== engine.globalStep) best = { step: engine.globalStep, weights: await engine.weights() };
    };
    const target = engine.globalStep + steps;
    // A regression's step loss is in standardised units: times sd² it is the squared error in the label's, as its evaluations are.
    const perExample = (engine.config.reduction === 'sum' ? batch : 1) / (this.data.target ? this.data.target.sd ** 2 : 1);
    let points: MetricPoint[] = [];
    let evaluations: Evaluation[] = [];
    let log: LogLine[] = [];
    let lastPost = -Infinity;
    let chunkSteps = firstChunkSteps(batch, this.parameters);
    const small = chunkSteps < LOG_EVERY;
    let good: Snapshot = engine.snapshot();
    let evaluatedAt = -1;
    let lastSave = runStart;
    /** Begins the run's last checkpoint, held before run-end is told (false: none, the run failed). */
    let finalSave: ((write: boolean) => Promise<void>) | null = null;
    const flush = () => {
      this.callbacks.progress?.({ runId, globalStep: engine.globalStep, points, evaluations, log });
      this.history.points.push(...points);
      this.history.evaluations.push(...evaluations);
      points = [];
      evaluations = [];
      log = [];
      lastPost = performance.now();
    };
    // Between an evaluation's chunks: a heartbeat and the worker's events; a Stop then ends an evaluation made during the run.
    const pause = (stoppable: boolean) => async () => {
      await this.pause();
      if (stoppable && this.stopRequested) throw new Stopped();
    };
    const evaluateNow = async (withTrain: boolean, stoppable = false) => {
      const results = await this.heldOut.evaluate(engine, withTrain, pause(stoppable), this.parameters);
      const seconds = clock();
      points.push(...results.map((e) => toPoint(e, seconds)));
      evaluations.push(...results);
      evaluatedAt = engine.globalStep;
      return results;
    };
    /**
     * Put the best weights back and evaluate them at the current step. Their evaluations
     * say so (restoredFrom) and add no curve points: the curves stay what training did.
     */
    const restoreBest = async (): Promise<number | undefined> => {
      if (!best || best.step === engine.globalStep) return undefined;
      engine.load(best.weights, engine.globalStep);
      const results = await this.heldOut.evaluate(engine, true, pause(false), this.parameters);
      evaluations.push(...results.map((e) => ({ ...e, restoredFrom: best!.step })));
      return best.step;
    };
    const end = (kind: RunEnd, message?: Message, stop?: EarlyStop, restoredStep?: number) => {
      good.dispose();
      this.trainedSeconds = clock();
      this.activeRun = null;
      this.callbacks.runEnd?.({
        runId,
        end: kind,
        globalStep: engine.globalStep,
        ...(message ? { message } : {}),
        ...(stop ? { earlyStop: stop } : {}),
        ...(restoredStep !== undefined ? { restoredStep } : {}),
      });
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
          end('error', msg('train.loss-not-finite', { loss: String(losses[bad]), step: first + bad, backTo }));
          return;
        }
        divergence.begin(losses[0] / perExample);
        good.dispose();
        good = engine.snapshot();
        points.push(...lossPoints(losses, first, perExample, { start: chunkStart, end: clock() }));
        losses.forEach((loss, i) => {
          if ((first + i) % STATUS_EVERY === 0) log.push({ step: first + i, loss, seconds });
        });
        if (engine.globalStep % evalEvery === 0) {
          const results = await evaluateNow(true, true).catch((error: unknown) => (error instanceof Stopped ? null : Promise.reject(error)));
          // Stopped during the evaluation: the loop ends, and the held-out splits are evaluated below.
          if (!results) break;
          const diverged = divergence.observe(results);
          if (diverged) {
            flush();
            await (await this.saves.begin()).written;
            const learningRate = this.config.learningRate;
            const suggest = Number((learningRate / 10).toPrecision(2));
            end(
              'error',
              diverged.kind === 'loss'
                ? msg('train.diverged-loss', { step: diverged.step, loss: diverged.loss, start: diverged.start, learningRate, suggest })
                : msg('train.diverged-chance', { step: diverged.step, accuracy: diverged.accuracy, chance: diverged.chance, learningRate, suggest }),
            );
            return;
          }
          await observe(results);
        }
        // Not where the run ends: the checkpoint after the loop saves that step.
        const ending = engine.globalStep >= target || earlyStop !== null;
        if ((crossedCheckpoint(before, engine.globalStep) || dueByTime(lastSave, performance.now()) || this.checkpointAsked) && !ending) {
          [this.checkpointAsked, lastSave] = [false, performance.now()];
          flush();
          // Weights kept in JS are copied as the save begins, so the steps go on while IndexedDB
          // writes (15-40 ms of an Iris run); a tfjs model's are read asynchronously from its
          // variables, which the next step would change: it waits.
          const { written } = await this.saves.begin();
          if (!engine.weightsInJs) await written;
        }
        if (performance.now() - lastPost >= POST_INTERVAL_MS) flush();
        chunkSteps = nextChunkSize(losses.length, performance.now() - started, small);
        await this.callbacks.yieldToEvents();
      }
      // Evaluate where the run ended, as the tutorial does after train(); after Stop only
      // the held-out splits, so Stop is acknowledged quickly even for MNIST's 55,000 rows.
      const stopped = this.stopRequested && earlyStop === null && engine.globalStep < target;
      // After a Stop, held-out splits of more than SAMPLE_ROWS rows are not evaluated: the Stop answers now, their last evaluation stays.
      if (evaluatedAt !== engine.globalStep && !(stopped && this.heldOut.heldOutRows > SAMPLE_ROWS)) {
        const results = await evaluateNow(!this.stopRequested);
        if (!stopped) await observe(results);
      }
      const restoredStep = stopped ? undefined : await restoreBest();
      flush();
      // Held before run-end is told: a Train sent on hearing it waits for the save below.
      finalSave = this.saves.hold();
      if (earlyStop !== null) end('done', undefined, earlyStop, restoredStep);
      else end(stopped ? 'stopped' : 'done', undefined, undefined, restoredStep);
    } catch (error) {
      end('error', messageOf(error));
      await (finalSave ? finalSave(false) : this.saves.settled);
      return;
    }
    // Saved once run-end is told, so the page says done without waiting for IndexedDB; the
    // checkpoints list follows a moment later. The session is idle meanwhile: a Train waits
    // for this save (above), a new data set too (Workspace.replace). The run has ended, so a
    // save that throws is a notice, and the next run's wait never fails.
    await finalSave?.(true);
  }

  /** A checkpoint now, beating while IndexedDB writes; and an evaluation's pause between chunks (a beat, the queued events). */
  private checkpointNow = async () => void (this.callbacks.checkpoint && (await this.beats.during(this.callbacks.checkpoint(this))));
  private pause = () => (this.beats.beat(), this.callbacks.yieldToEvents());

  dispose(): void {
    this.engine?.dispose();
    this.engine = null;
  }

  private requireEngine(): Engine {
    if (!this.engine) throw new MessageError(msg('train.no-model'));
    return this.engine;
  }

  /**
   * Evaluate the model at its step on every split, without training (the page's
   * Evaluate: an imported or restored model's numbers), with their curve points. The
   * newest test results follow (the confusion rows, the gallery); the caller decides how
   * they join the history.
   */
  async evaluateOnce(): Promise<History> {
    if (this.running) throw new MessageError(msg('train.busy'));
    const evaluations = await this.heldOut.evaluate(this.requireEngine(), true, () => this.pause(), this.parameters);
    return { evaluations, points: evaluations.map((e) => toPoint(e, this.trainedSeconds)) };
  }
}
