/**
 * Everything the worker does besides choosing a backend: open a data set (a preset, a
 * person's CSV, MNIST's IDX files, or the last visit's), route training and prediction to
 * the Session, and keep checkpoints. A new data set replaces the session only once it has
 * loaded and built without error, so a bad file leaves the previous data set and model as
 * they were. It asks the data source for capabilities, never which kind it is.
 * No worker globals: files come in as Blobs, built-in data through `fetchBytes`.
 */
import type { BinaryCurves, BoundaryMap, ConfusionRows, NetworkPicture, RegressionFit } from '../../shared/analysis';
import { withEvaluations } from '../../shared/evaluations';
import { MessageError, messageOf, msg } from '../../shared/message';
import type { HeldCsv, WorkerEvent } from '../../shared/protocol';
import { orThrow, reasonError } from '../../shared/result';
import type { Baselines, BatchPredictions, CsvChoices, DatasetName, DatasetSource, DownloadFile, EngineChoice, ModelConfig, Prediction } from '../../shared/types';
import type { History } from '../train/history';
import { withInputRanges } from '../analysis/ranges';
import { binaryCurvesOf, boundaryOf, confusionRowsOf, networkOf, regressionFitOf } from '../analysis/views';
import { baselineData, baselinesFor, Superseded, type BaselineData, type Pace } from '../baselines';
import { fingerprint, validateImport } from '../checkpoint';
import { checkFileSize } from '../csv/readTable';
import { fitSchema, openCsv } from '../datasets/csv';
import { openIdx } from '../datasets/mnist';
import { PRESETS, reopen } from '../datasets/registry';
import type { ClassificationData } from '../datasets/data';
import type { DataSource, FetchBytes, NamedBlob, OpenContext } from '../datasets/source';
import { Session, type Restore } from '../train/session';
import { CrossValidation, standardizedSlots, type CvRequest } from './crossValidation';
import { pageCallbacks } from './events';
import type { DatasetRecord, Persistence } from './persistence';
import { resumeHeld, startPlan } from './resume';
import { programData } from '../program/build';
import { programHtml } from '../program/html';
import type { ProgramRequest } from '../../shared/program';

export type { NamedBlob } from '../datasets/source';

export interface WorkspaceHooks {
  post: (event: WorkerEvent) => void;
  yieldToEvents: () => Promise<void>;
  fetchBytes: FetchBytes;
  /** Tell the other tabs the stored checkpoints changed (a save, a prune, a delete), so their lists follow. */
  announce?: () => void;
  /**
   * Computes a data set's baselines somewhere else (the worker: on the second core,
   * src/worker/baselinesClient.ts); absent, they are computed on this thread, pausing
   * through `pace` so a Train or Stop is handled in between.
   */
  baselines?: (data: BaselineData, pace: Pace) => Promise<Baselines | null>;
}

export class Workspace {
  private session: Session | null = null;
  /** The loaded data set and its fingerprint (what its checkpoints are filed under). */
  private record: DatasetRecord | null = null;
  /** The run in progress, to wait for when the backend must change under it. */
  private running: Promise<void> | null = null;
  /** Counts the data sets shown: the baselines of an older one stop at their next pause, unposted. */
  private loads = 0;
  private readonly ctx: OpenContext;
  /** The cross-validation in progress: its fold sessions are not the shown one. */
  private cv: CrossValidation | null = null;

  constructor(
    private readonly hooks: WorkspaceHooks,
    private readonly engine: EngineChoice,
    private readonly persistence: Persistence,
  ) {
    this.ctx = { fetchBytes: hooks.fetchBytes, progress: (what, fraction) => this.post({ type: 'loading', what, fraction }) };
  }

  /**
   * The first load (resume.ts decides what): what the link's `dataset` names, else the
   * last visit's session (data set, model at its step, curves) when it was trained with
   * these settings, so a reload loses nothing; else Iris. `dataset` null: the link names none.
   * `held`: the CSV the page holds, after a crash or hang: re-read, from its newest checkpoint.
   */
  async start(dataset: DatasetSource | null, model: ModelConfig, held?: HeldCsv): Promise<void> {
    if (this.persistence.unavailable) this.post({ type: 'notice', message: this.persistence.unavailable });
    const failed = (error: unknown) => void this.post({ type: 'notice', message: msg('app.resume-failed', { reason: messageOf(error) }) });
    const csv = held && (await openCsv(held.file, held.testFile, held.choices, this.ctx).catch(failed));
    const going = csv && (await resumeHeld(this.persistence, csv.data, model));
    if (csv && going) return this.replace(csv, going.config, going.restore);
    const plan = await startPlan(this.persistence, dataset, model);
    if (plan.open === 'preset') {
      if (plan.notice) this.post({ type: 'notice', message: plan.notice });
      return this.loadPreset(plan.dataset, model);
    }
    try {
      const source = await reopen(plan.last.dataset, this.ctx);
      if (source.ok) return await this.replace(await fitSchema(source.value, plan.last.dataset, plan.schema, this.ctx), plan.config, plan.restore);
      this.post({ type: 'notice', message: source.reason });
    } catch (error) {
      failed(error);
    }
    await this.loadPreset(plan.fallback, model);
  }

  get current(): Session {
    if (!this.session) throw new MessageError(msg('app.nothing-loaded'));
    return this.session;
  }

  private get source(): DataSource {
    if (!this.record) throw new MessageError(msg('app.nothing-loaded'));
    return this.record.source;
  }

  async loadPreset(name: DatasetName, model: ModelConfig): Promise<void> {
    this.assertIdle();
    await this.replace(await PRESETS[name](this.ctx), model);
  }

  async loadCsv(file: NamedBlob, testFile: NamedBlob | undefined, choices: CsvChoices, model: ModelConfig): Promise<void> {
    this.assertIdle();
    await this.replace(await openCsv(file, testFile, choices, this.ctx), model);
  }

  /** Re-build the loaded CSV with other choices (label column, excluded columns, split, encoding). */
  async configureCsv(choices: CsvChoices, model: ModelConfig): Promise<void> {
    this.assertIdle();
    const configure = this.record?.source.configure;
    if (!configure) throw new MessageError(msg('app.no-csv'));
    await this.replace(await configure(choices, this.ctx), model);
  }

  async loadIdx(files: NamedBlob[], model: ModelConfig): Promise<void> {
    this.assertIdle();
    await this.replace(await openIdx(files), model);
  }

  async train(runId: number, steps: number, evalEvery: number, patience = 0): Promise<void> {
    const session = this.current;
    const source = this.source;
    const run = session.train(runId, steps, evalEvery, patience);
    this.running = run;
    await run;
    if (this.running === run) this.running = null;
    const test = session.testResults;
    if (source.gallery && test) this.post({ type: 'gallery', gallery: source.gallery(test.rows.predictions, test.globalStep) });
  }

  /** Stop run `runId`: the shown model's, or a cross-validation's folds. */
  stop(runId: number): void {
    this.cv?.stop(runId);
    this.session?.stop(runId);
  }

  /**
   * k-fold cross-validation of the shown model's settings (crossValidation.ts), then, when
   * every fold is done, the shown model's own run of `steps` on the usual split, as Train:
   * the page's model and its test accuracy stay those of a model that never saw the test rows.
   */
  async crossValidate(request: CvRequest): Promise<void> {
    this.assertIdle();
    const session = this.current;
    const post = (event: WorkerEvent) => this.post(event);
    const cv = new CrossValidation(session.data, session.modelConfig, this.engine, request, {
      yieldToEvents: this.hooks.yieldToEvents,
      progress: (p) => post({ type: 'cv-progress', ...p }),
      notice: (message) => post({ type: 'notice', message }),
    }, standardizedSlots(this.source.record.schema, session.data.featureNames.length));
    this.cv = cv;
    const run = cv.run();
    const waited = run.then(() => undefined);
    this.running = waited;
    const outcome = await run;
    this.cv = null;
    if (this.running === waited) this.running = null;
    const { runId } = request;
    if (outcome.end === 'done') post({ type: 'cv-result', runId, end: 'done', summary: outcome.summary, completed: outcome.completed });
    else post({ type: 'cv-result', runId, end: outcome.end, completed: outcome.completed, ...(outcome.end === 'error' ? { message: outcome.message } : {}) });
    if (outcome.end === 'done') await this.train(runId, request.steps, request.evalEvery, request.patience);
  }

  /**
   * The backend went away (a lost WebGL context): stop the run, switch with
   * `setBackend`, and go on from the newest weights that survived — the fused engine's,
   * which live in JS, else the newest checkpoint. Says where training goes on.
   */
  async moveBackend(setBackend: () => Promise<void>): Promise<MessageError['detail']> {
    const session = this.current;
    session.stopAny();
    this.cv?.stopAny();
    await this.running;
    let restore: Restore | undefined;
    if (session.weightsInJs) {
      restore = { weights: await session.weights(), globalStep: session.globalStep, history: session.history };
    } else if (this.record) {
      const latest = await this.persistence.latest(this.record.fingerprint);
      const restored = latest && this.persistence.restoreOf(latest, session.history);
      if (restored?.ok) restore = restored.value;
    }
    await setBackend();
    const next = new Session(session.data, session.modelConfig, this.callbacks(), this.engine, restore);
    try {
      session.dispose();
    } catch {
      // Its tensors lived on the lost context.
    }
    this.session = next;
    next.announce();
    return restore ? msg('app.backend-moved', { step: next.globalStep }) : msg('app.backend-moved-fresh');
  }

  async predict(values: string[]): Promise<Prediction> {
    return this.current.predictFeatures(orThrow(this.source.encodeInput(values)));
  }

  async predictDrawing(ink: Float32Array, width: number, height: number): Promise<{ prediction: Prediction; digit: Uint8Array; empty: boolean }> {
    const read = this.source.readDrawing;
    if (!read) throw new MessageError(msg('app.no-drawing'));
    const { features, digit, empty } = orThrow(read(ink, width, height));
    return { prediction: await this.current.predictFeatures(features), digit, empty };
  }

  async predictFile(file: NamedBlob): Promise<BatchPredictions> {
    const size = checkFileSize(file.size, file.name);
    if (!size.ok) throw reasonError(size.reason);
    const session = this.current;
    const predict = this.source.predictFile;
    if (!predict) throw new MessageError(msg('app.no-file-prediction'));
    return orThrow(await predict(new Uint8Array(await file.arrayBuffer()), file.name, (features, rows) => session.outputs(features, rows)));
  }

  private async replace(source: DataSource, model: ModelConfig, restore?: Restore): Promise<void> {
    this.assertIdle();
    // The last run's final checkpoint is written first, so the page state saved below is the newer one.
    await this.session?.saved;
    this.assertIdle();
    const record: DatasetRecord = { source, fingerprint: fingerprint(source.data) };
    const next = new Session(source.data, model, this.callbacks(), this.engine, restore);
    // The page hears of the data set before the model built on it; from here on, the
    // baselines of the previous one are stale.
    const load = ++this.loads;
    // Each numeric input's training range goes with it: the form flags a value far outside.
    this.post({ type: 'dataset', summary: withInputRanges(source.summary, source.view(false)), ...(source.choices ? { choices: source.choices } : {}) });
    next.announce();
    this.session?.dispose();
    this.session = next;
    this.record = record;
    if (!restore) {
      const problem = await this.persistence.saveLoaded(next, record);
      if (problem) this.post({ type: 'notice', message: problem });
    }
    await this.postCheckpoints();
    this.startBaselines(source.data, load);
  }

  /**
   * The baselines of the data set just loaded, in the background: the load is done and
   * answered first. Computed by the baselines hook (another core), or here, pausing
   * through yieldToEvents between parts so a Train or Stop is handled in between; a newer
   * load ends it at its next pause, and its answer is never posted.
   */
  private startBaselines(data: ClassificationData, load: number): void {
    const pause = async () => {
      await this.hooks.yieldToEvents();
      if (load !== this.loads) throw new Superseded();
    };
    const compute = this.hooks.baselines ?? ((d: BaselineData, pace: Pace) => baselinesFor(d, { pace }));
    compute(baselineData(data), { pause }).then(
      (baselines) => {
        if (load === this.loads) this.post({ type: 'baselines', baselines });
      },
      (error: unknown) => {
        if (!(error instanceof Superseded) && load === this.loads) this.post({ type: 'baselines', baselines: null, failed: msg('app.baselines-failed', { reason: messageOf(error) }) });
      },
    );
  }

  // ---------------------------------------------------------------------------
  // Checkpoints (model_dir), export and import

  /** The shown session's callbacks, posting its events; a checkpoint only for the session on screen. */
  private callbacks() {
    return pageCallbacks((event) => this.post(event), this.hooks.yieldToEvents, (session) => this.saveCheckpoint(session));
  }

  /** Called by the Session every 1000 steps and where a run ends. */
  private async saveCheckpoint(session: Session): Promise<void> {
    if (session !== this.session || !this.record) return;
    // A failed save (storage full) is an error the person must see; training goes on.
    const problem = await this.persistence.save(session, this.record);
    if (problem) this.post({ type: 'error', message: problem });
    await this.postCheckpoints();
    this.hooks.announce?.();
  }

  /** Another tab saved, pruned or deleted checkpoints: the list on screen follows. */
  async othersChanged(): Promise<void> {
    await this.postCheckpoints();
  }

  private async postCheckpoints(): Promise<void> {
    if (!this.record) return;
    this.post({ type: 'checkpoints', checkpoints: await this.persistence.list(this.record.fingerprint), persistent: !this.persistence.unavailable });
  }

  /** A stored checkpoint's model in place of the current one; training resumes from its step. */
  async restoreCheckpoint(id: string): Promise<void> {
    this.assertIdle();
    const session = this.current;
    const checkpoint = orThrow(await this.persistence.load(id));
    if (checkpoint.meta.fingerprint !== this.record?.fingerprint) throw new MessageError(msg('app.checkpoint-other-data', { dataset: checkpoint.meta.datasetName }));
    session.reset(checkpoint.meta.config, orThrow(this.persistence.restoreOf(checkpoint, session.history)));
    await this.postCheckpoints();
  }

  async deleteCheckpoint(id: string): Promise<void> {
    await this.persistence.delete(id);
    await this.postCheckpoints();
    this.hooks.announce?.();
  }

  async exportFiles(what: 'model' | 'python' | 'history', plan?: { evalEvery: number; patience: number }): Promise<DownloadFile[]> {
    if (!this.record) throw new MessageError(msg('app.nothing-loaded'));
    return this.persistence.files(this.current, this.record, what, plan);
  }

  /**
   * The judging program (src/ml/program): the shown model, its preprocessing and its card
   * as one HTML file that classifies offline, worded with the page's words.
   */
  async program(request: ProgramRequest): Promise<DownloadFile> {
    const session = this.current;
    const source = this.source;
    const data = programData({
      source,
      config: session.modelConfig,
      weights: await session.weights(),
      globalStep: session.globalStep,
      history: session.history,
      lang: request.lang,
      baselines: request.baselines,
      cv: request.cv,
      now: new Date(),
    });
    return { name: `${data.stem}.html`, mime: 'text/html', data: programHtml(data, request.words) };
  }

  /**
   * A model exported by this app (model.json + weights), checked before it replaces
   * anything: sizes, known layers, parameter counts, finite weights, and that it was
   * trained on inputs and classes like the loaded data set's.
   */
  async importModel(files: NamedBlob[]): Promise<void> {
    this.assertIdle();
    const session = this.current;
    const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const imported = orThrow(await validateImport(read, session.data));
    imported.model.dispose();
    const { meta } = imported;
    const data = session.data;
    if (meta.featureNames.join('\u0000') !== data.featureNames.join('\u0000') || meta.classNames.join('\u0000') !== data.classNames.join('\u0000')) {
      throw new MessageError(
        msg('app.import-other-data', { files: files.map((f) => f.name), dataset: meta.datasetName, inputs: meta.featureNames.length, classes: meta.classNames }),
      );
    }
    session.reset(meta.config, orThrow(this.persistence.restoreOf(imported.checkpoint)));
    await this.saveCheckpoint(session);
  }

  // ---------------------------------------------------------------------------
  // Analysis views (analysis/views.ts) over the current session and its data source

  boundary(x: number, y: number, resolution: number): Promise<BoundaryMap> {
    return boundaryOf(this.current, this.source, x, y, resolution);
  }

  confusionRows(actual: number, predicted: number, limit: number): Promise<ConfusionRows> {
    return confusionRowsOf(this.current, this.source, actual, predicted, limit);
  }

  network(): Promise<NetworkPicture> {
    return networkOf(this.current, this.source);
  }

  /** A two-class data set's ROC and precision-recall curves on the test split, from the newest weights. */
  regressionFit(limit: number): RegressionFit {
    return regressionFitOf(this.current, this.source, limit);
  }

  binaryCurves(positive: number): Promise<BinaryCurves> {
    return binaryCurvesOf(this.current, positive);
  }

  /**
   * Evaluate the loaded model on its splits without training (an imported model, a
   * restored checkpoint): the evaluations join the history and come back to the page;
   * MNIST's gallery follows, as after a run.
   */
  async evaluate(): Promise<History & { globalStep: number }> {
    this.assertIdle();
    const session = this.current;
    const added = await session.evaluateOnce();
    // The same split at the same step replaces the earlier one: Evaluate twice never doubles a point.
    session.history = withEvaluations(session.history, added);
    const test = session.testResults;
    const gallery = this.source.gallery;
    if (gallery && test) this.post({ type: 'gallery', gallery: gallery(test.rows.predictions, test.globalStep) });
    return { globalStep: session.globalStep, ...added };
  }

  private post(event: WorkerEvent): void {
    this.hooks.post(event);
  }

  private assertIdle(): void {
    if (this.session?.running || this.cv) throw new MessageError(msg('app.stop-first'));
  }
}
