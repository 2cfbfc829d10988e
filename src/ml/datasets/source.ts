/**
 * One interface for every kind of data set the workspace can train on (iris.ts, mnist.ts,
 * csv.ts; registered in registry.ts). A kind supplies the encoded numbers, what the page
 * shows, how a typed row becomes the model's input, how the next visit re-opens it, and
 * what it can do besides (classify a file of rows, read a drawn digit, show a gallery).
 * The workspace asks for a capability; it never asks which kind it holds.
 */
import type { CsvChoices, DatasetName, DatasetSummary, DigitGallery } from '../../shared/types';
import type { BatchPredictions } from '../../shared/types';
import type { ParseResult } from '../../shared/result';
import type { CsvSchema } from '../../shared/csv';
import type { InputView } from '../analysis/inputView';
import type { CsvFormat, SessionDataset } from '../checkpoint/types';
import type { ClassificationData } from './data';

/** A File, or any Blob with a name (what tests build under Node). */
export type NamedBlob = Blob & { name: string };

/** Bytes of a file the app ships in public/data, with progress in [0, 1]. */
export type FetchBytes = (path: string, onProgress: (fraction: number) => void) => Promise<Uint8Array>;

/** What opening a data set may use: the app's own files, and a way to report loading progress. */
export interface OpenContext {
  fetchBytes: FetchBytes;
  progress: (what: string, fraction: number) => void;
}

/** Class probabilities of encoded rows, [rows, inputs] -> [rows, classes] (the engine's forward pass). */
export type Probabilities = (features: Float32Array, rows: number) => Promise<Float32Array>;

export interface DataSource {
  readonly data: ClassificationData;
  /** What the page shows; `summary.source` names the kind. */
  readonly summary: DatasetSummary;
  /** The built-in data set whose tutorial defaults it trains with (a CSV: DNNClassifier's, so 'iris'). */
  readonly family: DatasetName;
  /** How the next visit re-opens it: a preset's name, a CSV's bytes, or why it is not kept. */
  readonly stored: SessionDataset;
  /** What a checkpoint of it carries besides the weights. */
  readonly record: { schema: CsvSchema | null; csvFormat?: CsvFormat; csvFileName?: string };
  /** values[i] is the text of summary.inputs[i]; the result has featureNames.length numbers. */
  encodeInput(values: string[]): ParseResult<Float32Array>;
  /** The rows as the person knows them (analysis views); `withCells` also finds the test rows' cells in the file. */
  view(withCells: boolean): InputView;
  /** Test rows are pictures (MNIST's digits): a confusion cell lists their pixels. */
  readonly pictures: boolean;
  /** Classify every row of a file with the given forward pass. */
  predictFile?(bytes: Uint8Array, fileName: string, probabilities: Probabilities): Promise<ParseResult<BatchPredictions>>;
  /** A drawn digit as the model's input, and the 28x28 grey bytes it read. */
  readDrawing?(ink: Float32Array, width: number, height: number): ParseResult<{ features: Float32Array; digit: Uint8Array; empty: boolean }>;
  /** The page's gallery of test rows from the newest test predictions. */
  gallery?(predictions: ArrayLike<number>, globalStep: number): DigitGallery;
  /** The same files built with other choices (a CSV's label column, excluded columns, split, encoding). */
  configure?(choices: CsvChoices, ctx: OpenContext): Promise<DataSource>;
  /** The choices it was built with (a CSV's), for the page to show and change one of. */
  readonly choices?: CsvChoices;
}
