/**
 * Everything the worker does besides choosing a backend: load a built-in data set, a
 * person's CSV or MNIST's IDX files, and route training and prediction to the Session.
 * A new data set replaces the session only once it has loaded and built without error,
 * so a bad file leaves the previous data set and model as they were.
 * No worker globals: files come in as Blobs, built-in data through `fetchBytes`.
 */
import type { CsvChoices, DatasetName, EngineChoice, ModelConfig, WorkerEvent } from '../shared/protocol';
import { loadCsv, buildDataset, type LoadedCsv } from './csv';
import { checkFileSize } from './csv/readTable';
import { csvDataset } from './csvDataset';
import type { LoadedDataset } from './data';
import { irisDataset, irisFromCsv } from './iris';
import { decodeMnistBinary, MNIST_BINARY_FILE, splitMnist } from './mnist/binary';
import { fromIdx } from './mnist/idx';
import { preprocessDigit } from './mnist/preprocess';
import { digitGallery, mnistDataset } from './mnistDataset';
import { predictFile } from './predictFile';
import { Session, type SessionHooks } from './session';
import type { ParseResult } from './tfCsv';

export interface WorkspaceHooks extends SessionHooks {
  /** Bytes of a file the app ships in public/data, with progress in [0, 1]. */
  fetchBytes: (path: string, onProgress: (fraction: number) => void) => Promise<Uint8Array>;
}

/** Largest MNIST IDX file accepted (the real train-images file is 47 MB inflated). */
const MAX_IDX_BYTES = 64 * 1024 * 1024;

export class Workspace {
  private session: Session | null = null;
  /** The CSV behind the current data set, kept so a change of label column re-builds without re-reading. */
  private csv: LoadedCsv | null = null;

  constructor(
    private readonly hooks: WorkspaceHooks,
    private readonly engine: EngineChoice,
  ) {}

  private post(event: WorkerEvent): void {
    this.hooks.post(event);
  }

  get current(): Session {
    if (!this.session) throw new Error('No data set is loaded yet.');
    return this.session;
  }

  async loadPreset(name: DatasetName, model: ModelConfig): Promise<void> {
    const dataset = name === 'iris' ? await this.iris() : await this.mnist();
    this.replace(dataset, model, null);
  }

  async loadCsv(file: Blob & { name: string }, testFile: (Blob & { name: string }) | undefined, choices: CsvChoices, model: ModelConfig): Promise<void> {
    this.assertIdle();
    for (const f of testFile ? [file, testFile] : [file]) {
      const size = checkFileSize(f.size, f.name);
      if (!size.ok) throw new Error(size.reason);
    }
    this.post({ type: 'loading', what: file.name, fraction: 0 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const test = testFile ? { bytes: new Uint8Array(await testFile.arrayBuffer()), fileName: testFile.name } : undefined;
    const loaded = orThrow(
      loadCsv(bytes, file.name, { ...csvOptions(choices), onProgress: (p) => this.post({ type: 'loading', what: p.fileName, fraction: p.bytesRead / p.totalBytes }) }, test),
    );
    this.replace(csvDataset(loaded), model, loaded);
  }

  /** Re-build the loaded CSV with other choices (label column, excluded columns, split). */
  async configureCsv(choices: CsvChoices, model: ModelConfig): Promise<void> {
    this.assertIdle();
    if (!this.csv) throw new Error('No CSV is loaded: drop one first.');
    const { table, testTable } = this.csv;
    const built = orThrow(buildDataset(table, csvOptions(choices), testTable));
    const loaded: LoadedCsv = { ...built, table, testTable };
    this.replace(csvDataset(loaded), model, loaded);
  }

  async loadIdx(files: (Blob & { name: string })[], model: ModelConfig): Promise<void> {
    this.assertIdle();
    const find = (re: RegExp, what: string) => {
      const f = files.find((x) => re.test(x.name));
      if (!f) throw new Error(`Drop all four MNIST files: ${what} is missing (got ${files.map((x) => x.name).join(', ') || 'none'}).`);
      if (f.size > MAX_IDX_BYTES) throw new Error(`${f.name} is ${(f.size / 1e6).toFixed(0)} MB; MNIST files are at most ${MAX_IDX_BYTES / 1e6} MB.`);
      return f;
    };
    const picked = [
      find(/train-images/i, 'train-images-idx3-ubyte'),
      find(/train-labels/i, 'train-labels-idx1-ubyte'),
      find(/t10k-images/i, 't10k-images-idx3-ubyte'),
      find(/t10k-labels/i, 't10k-labels-idx1-ubyte'),
    ];
    const [a, b, c, d] = await Promise.all(picked.map(async (f) => new Uint8Array(await f.arrayBuffer())));
    const names = { trainImages: picked[0].name, trainLabels: picked[1].name, testImages: picked[2].name, testLabels: picked[3].name };
    const mnist = orThrow(await fromIdx(a, b, c, d, { names, maxBytes: MAX_IDX_BYTES }));
    const note = `${fmt(mnist.train.rows)} / ${fmt(mnist.validation.rows)} / ${fmt(mnist.test.rows)}: the first 5,000 training images are the validation split, t10k is the test split, as read_data_sets does.`;
    this.replace(mnistDataset(mnist, note), model, null);
  }

  async train(runId: number, steps: number, evalEvery: number): Promise<void> {
    const session = this.current;
    await session.train(runId, steps, evalEvery);
    if (session.dataset.summary.source === 'mnist') this.postGallery(session);
  }

  async predictDrawing(ink: Float32Array, width: number, height: number) {
    const digit = orThrow(preprocessDigit(ink, width, height));
    const prediction = await this.current.predictFeatures(digit.pixels);
    return { prediction, digit: Uint8Array.from(digit.pixels, (v) => Math.round(v * 255)), empty: digit.empty };
  }

  async predictFile(file: Blob & { name: string }) {
    const size = checkFileSize(file.size, file.name);
    if (!size.ok) throw new Error(size.reason);
    if (!this.csv) throw new Error('Classifying a file needs a model trained on a CSV: drop a CSV and train first.');
    return orThrow(await predictFile(this.current.model, this.csv.schema, new Uint8Array(await file.arrayBuffer()), file.name));
  }

  private async iris(): Promise<LoadedDataset> {
    const text = async (name: string) => new TextDecoder().decode(await this.hooks.fetchBytes(`data/${name}`, () => {}));
    const [train, test] = await Promise.all([text('iris_training.csv'), text('iris_test.csv')]);
    return irisDataset(orThrow(irisFromCsv(train, test)));
  }

  private async mnist(): Promise<LoadedDataset> {
    const bytes = await this.hooks.fetchBytes(`data/${MNIST_BINARY_FILE}`, (fraction) =>
      this.post({ type: 'loading', what: 'MNIST digits', fraction }),
    );
    const images = orThrow(await decodeMnistBinary(bytes));
    const mnist = orThrow(splitMnist(images));
    const note = `${fmt(mnist.train.rows)} / ${fmt(mnist.validation.rows)} / ${fmt(mnist.test.rows)} of the 10,000 digits the app ships (train / validation / test), split as read_data_sets does. Drop the original IDX files for 55,000 / 5,000 / 10,000.`;
    return mnistDataset(mnist, note);
  }

  /** The gallery and confusion matrix from the newest evaluation of the test split. */
  private postGallery(session: Session): void {
    const latest = session.testPredictions;
    if (!latest) return;
    const { data } = session.dataset;
    this.post({ type: 'gallery', gallery: digitGallery(data.test, latest.predictions, data.classNames.length, latest.globalStep) });
  }

  private replace(dataset: LoadedDataset, model: ModelConfig, csv: LoadedCsv | null): void {
    this.assertIdle();
    this.session?.dispose();
    this.session = new Session(dataset, model, this.hooks, this.engine);
    this.csv = csv;
  }

  private assertIdle(): void {
    if (this.session?.running) throw new Error('Stop training before loading another data set.');
  }
}

function orThrow<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

function csvOptions(choices: CsvChoices) {
  return {
    encoding: choices.encoding,
    labelColumn: choices.labelColumn,
    excluded: choices.excluded,
    testFraction: choices.testFraction,
  };
}

const fmt = (n: number) => n.toLocaleString('en');
