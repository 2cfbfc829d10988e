/**
 * Everything the worker does besides choosing a backend: load a built-in data set, a
 * person's CSV or MNIST's IDX files, and route training and prediction to the Session.
 * A new data set replaces the session only once it has loaded and built without error,
 * so a bad file leaves the previous data set and model as they were.
 * No worker globals: files come in as Blobs, built-in data through `fetchBytes`.
 */
import type { BoundaryMap, ConfusionRows, NetworkPicture } from '../../shared/analysis';
import type { WorkerEvent } from '../../shared/protocol';
import type { CsvChoices, DatasetName, EngineChoice, ModelConfig } from '../../shared/types';
import { loadCsv, buildDataset, type LoadedCsv } from '../csv';
import { checkFileSize } from '../csv/readTable';
import { idxSessionDataset } from '../checkpoint';
import { csvDataset, csvOptions, splitFraction, storedCsv } from '../datasets/csv';
import type { LoadedDataset } from '../datasets/data';
import { idxDataset, irisPreset, mnistPreset, type FetchBytes } from '../datasets/sources';
import { preprocessDigit } from '../mnist/preprocess';
import { digitGallery } from '../datasets/mnist';
import { predictFile } from '../datasets/predictFile';
import { fingerprint, validateImport, type SessionDataset } from '../checkpoint';
import { setWeights } from '../model/model';
import type { DatasetRecord, Persistence } from './persistence';
import { resume, sameModel } from './resume';
import { Session, type Restore, type SessionHooks } from '../train/session';
import { orThrow, reasonError } from '../../shared/result';
import { boundaryOf, confusionRowsOf, networkOf } from '../analysis/views';

export interface WorkspaceHooks extends SessionHooks {
  fetchBytes: FetchBytes;
}

/** A File, or any Blob with a name (what tests build under Node). */
export type { NamedBlob } from '../datasets/sources';
import type { NamedBlob } from '../datasets/sources';

export class Workspace {
  private session: Session | null = null;
  /** The run in progress, to wait for when the backend must change under it. */
  private running: Promise<void> | null = null;
  /** What a checkpoint of the loaded data set carries (fingerprint, how to re-open it). */
  private record: DatasetRecord | null = null;
  /** The CSV behind the current data set, kept so a change of label column re-builds without re-reading. */
  private csv: LoadedCsv | null = null;
  /** Its files and the encoding they were read with, to re-read them in another encoding. */
  private csvFiles: { file: NamedBlob; testFile?: NamedBlob; encoding: CsvChoices['encoding'] } | null = null;

  private readonly sessionHooks: SessionHooks;

  constructor(
    private readonly hooks: WorkspaceHooks,
    private readonly engine: EngineChoice,
    private readonly persistence: Persistence,
  ) {
    this.sessionHooks = { ...hooks, checkpoint: (session) => this.saveCheckpoint(session) };
  }

  /**
   * The first load: the last visit's session (data set, model at its step, curves) when
   * it was trained with these settings, so a reload loses nothing; else `dataset` fresh.
   * A link with other settings starts fresh: it reproduces the run it describes.
   */
  async start(dataset: DatasetName, model: ModelConfig): Promise<void> {
    if (this.persistence.unavailable) this.post({ type: 'notice', message: this.persistence.unavailable });
    const last = await this.persistence.lastSession();
    if (last && sameModel(last.config, model) && (last.dataset.source === 'mnist') === (dataset === 'mnist')) {
      try {
        if (await resume(this, this.persistence, last, model)) return;
      } catch (error) {
        this.post({ type: 'notice', message: `The last session could not be restored (${error instanceof Error ? error.message : String(error)}); starting afresh.` });
      }
    }
    await this.loadPreset(dataset, model);
  }

  private post(event: WorkerEvent): void {
    this.hooks.post(event);
  }

  /** Tell the page something (resume.ts uses it for data sets it cannot re-open). */
  notify(event: WorkerEvent): void {
    this.post(event);
  }

  get current(): Session {
    if (!this.session) throw new Error('No data set is loaded yet.');
    return this.session;
  }

  async loadPreset(name: DatasetName, model: ModelConfig, restore?: Restore): Promise<void> {
    const dataset = name === 'iris' ? await this.iris() : await this.mnist();
    await this.replace(dataset, model, null, { source: name }, restore);
  }

  async loadCsv(file: NamedBlob, testFile: NamedBlob | undefined, choices: CsvChoices, model: ModelConfig, restore?: Restore): Promise<void> {
    this.assertIdle();
    for (const f of testFile ? [file, testFile] : [file]) {
      const size = checkFileSize(f.size, f.name);
      if (!size.ok) throw reasonError(size.reason);
    }
    this.post({ type: 'loading', what: file.name, fraction: 0 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const test = testFile ? { bytes: new Uint8Array(await testFile.arrayBuffer()), fileName: testFile.name } : undefined;
    const loaded = orThrow(
      loadCsv(bytes, file.name, { ...csvOptions(choices), onProgress: (p) => this.post({ type: 'loading', what: p.fileName, fraction: p.bytesRead / p.totalBytes }) }, test),
    );
    const stored = await storedCsv(file, testFile, choices);
    await this.replace(csvDataset(loaded), model, loaded, stored, restore);
    this.csvFiles = { file, testFile, encoding: choices.encoding };
  }

  /** Re-build the loaded CSV with other choices (label column, excluded columns, split). */
  async configureCsv(choices: CsvChoices, model: ModelConfig): Promise<void> {
    this.assertIdle();
    if (!this.csv || !this.csvFiles) throw new Error('No CSV is loaded: drop one first.');
    // Another encoding changes the text itself: read the files again.
    if ((choices.encoding ?? 'auto') !== (this.csvFiles.encoding ?? 'auto')) {
      return this.loadCsv(this.csvFiles.file, this.csvFiles.testFile, choices, model);
    }
    const { table, testTable } = this.csv;
    const built = orThrow(buildDataset(table, csvOptions(choices), testTable));
    const loaded: LoadedCsv = { ...built, table, testTable };
    await this.replace(csvDataset(loaded), model, loaded, await storedCsv(this.csvFiles.file, this.csvFiles.testFile, choices));
  }

  async loadIdx(files: NamedBlob[], model: ModelConfig): Promise<void> {
    this.assertIdle();
    const { dataset, names } = await idxDataset(files);
    await this.replace(dataset, model, null, idxSessionDataset(names));
  }

  async train(runId: number, steps: number, evalEvery: number, patience = 0): Promise<void> {
    const session = this.current;
    const run = session.train(runId, steps, evalEvery, patience);
    this.running = run;
    await run;
    if (this.running === run) this.running = null;
    if (session.dataset.summary.source === 'mnist') this.postGallery(session);
  }

  /**
   * The backend went away (a lost WebGL context): stop the run, switch with
   * `setBackend`, and go on from the newest weights that survived — the fused engine's,
   * which live in JS, else the newest checkpoint. Returns what happened, in words.
   */
  async moveBackend(setBackend: () => Promise<void>): Promise<string> {
    const session = this.current;
    session.stopAny();
    await this.running;
    const inMemory = session.weightsInMemory();
    let restore: Restore | undefined;
    if (inMemory) {
      restore = { apply: (model) => setWeights(model, inMemory), globalStep: session.globalStep, history: session.history };
    } else if (this.record) {
      const latest = await this.persistence.latest(this.record.fingerprint);
      if (latest) restore = this.persistence.restoreOf(latest, session.history);
    }
    await setBackend();
    const next = new Session(session.dataset, session.modelConfig, this.sessionHooks, this.engine, restore);
    try {
      session.dispose();
    } catch {
      // Its tensors lived on the lost context.
    }
    this.session = next;
    return restore ? `Training goes on from step ${next.globalStep}.` : 'No weights survived: the model starts again at step 0.';
  }

  async predictDrawing(ink: Float32Array, width: number, height: number) {
    const digit = orThrow(preprocessDigit(ink, width, height));
    const prediction = await this.current.predictFeatures(digit.pixels);
    return { prediction, digit: Uint8Array.from(digit.pixels, (v) => Math.round(v * 255)), empty: digit.empty };
  }

  async predictFile(file: NamedBlob) {
    const size = checkFileSize(file.size, file.name);
    if (!size.ok) throw reasonError(size.reason);
    if (!this.csv) throw new Error('Classifying a file needs a model trained on a CSV: drop a CSV and train first.');
    return orThrow(await predictFile(this.current.model, this.csv.schema, new Uint8Array(await file.arrayBuffer()), file.name));
  }

  private iris(): Promise<LoadedDataset> {
    return irisPreset(this.hooks.fetchBytes);
  }

  private mnist(): Promise<LoadedDataset> {
    return mnistPreset(this.hooks.fetchBytes, (fraction) => this.post({ type: 'loading', what: 'MNIST digits', fraction }));
  }

  /** The gallery and confusion matrix from the newest evaluation of the test split. */
  private postGallery(session: Session): void {
    const latest = session.testPredictions;
    if (!latest) return;
    const { data } = session.dataset;
    this.post({ type: 'gallery', gallery: digitGallery(data.test, latest.predictions, data.classNames.length, latest.globalStep) });
  }

  private async replace(dataset: LoadedDataset, model: ModelConfig, csv: LoadedCsv | null, stored: SessionDataset, restore?: Restore): Promise<void> {
    this.assertIdle();
    const record: DatasetRecord = {
      fingerprint: fingerprint(dataset.data),
      session: stored,
      schema: csv?.schema ?? null,
      csvFileName: csv?.table.fileName,
      csvFormat: csv ? { delimiter: csv.preview.delimiter, encoding: csv.preview.encoding, header: csv.preview.header, testFraction: splitFraction(csv) } : undefined,
    };
    const next = new Session(dataset, model, this.sessionHooks, this.engine, restore);
    this.session?.dispose();
    this.session = next;
    this.record = record;
    this.csv = csv;
    if (!csv) this.csvFiles = null;
    if (!restore) {
      const problem = await this.persistence.saveLoaded(next, record, null);
      if (problem) this.post({ type: 'notice', message: problem });
    }
    await this.postCheckpoints();
  }

  // ---------------------------------------------------------------------------
  // Checkpoints (model_dir), export and import

  /** Called by the Session every 1000 steps and where a run ends. */
  private async saveCheckpoint(session: Session): Promise<void> {
    if (session !== this.session || !this.record) return;
    // A failed save (storage full) is an error the person must see; training goes on and
    // the previous checkpoint is intact.
    const problem = await this.persistence.save(session, this.record);
    if (problem) this.post({ type: 'error', message: problem });
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
    if (checkpoint.meta.fingerprint !== this.record?.fingerprint) {
      throw new Error(`That checkpoint belongs to another data set (${checkpoint.meta.datasetName}): load it first.`);
    }
    session.reset(checkpoint.meta.config, this.persistence.restoreOf(checkpoint, session.history));
    await this.postCheckpoints();
  }

  async deleteCheckpoint(id: string): Promise<void> {
    await this.persistence.delete(id);
    await this.postCheckpoints();
  }

  async exportFiles(what: 'model' | 'python' | 'history') {
    if (!this.record) throw new Error('Nothing is loaded yet.');
    return this.persistence.files(this.current, this.record, what);
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
    const imported = orThrow(await validateImport(read));
    imported.model.dispose();
    const { meta } = imported;
    const data = session.dataset.data;
    if (meta.featureNames.join('\u0000') !== data.featureNames.join('\u0000') || meta.classNames.join('\u0000') !== data.classNames.join('\u0000')) {
      throw new Error(
        `${files.map((f) => f.name).join(' + ')}: this model was trained on ${meta.datasetName} (${meta.featureNames.length} inputs, classes ${meta.classNames.join(', ')}); load that data set first.`,
      );
    }
    session.reset(meta.config, this.persistence.restoreOf(imported.checkpoint));
    await this.saveCheckpoint(session);
  }

  // ---------------------------------------------------------------------------
  // Analysis views (views.ts): over the current session, with the CSV behind it if any

  boundary(x: number, y: number, resolution: number): Promise<BoundaryMap> {
    return boundaryOf(this.current, this.csv, x, y, resolution);
  }

  confusionRows(actual: number, predicted: number, limit: number): Promise<ConfusionRows> {
    return confusionRowsOf(this.current, this.csv, actual, predicted, limit);
  }

  network(): Promise<NetworkPicture> {
    return networkOf(this.current);
  }

  private assertIdle(): void {
    if (this.session?.running) throw new Error('Stop training before loading another data set.');
  }
}
