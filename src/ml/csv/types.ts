/**
 * The shapes that travel between the two steps of "bring your own CSV":
 * `readTable` (bytes -> RawTable of strings) and `buildDataset` (RawTable -> encoded
 * numbers + CsvSchema + CsvPreview). The worker-only ones are here; the ones the page
 * shows too (schema, preview, encodings) are re-exported from src/shared/csv.ts.
 * Plain structured-clone data: arrays, no Maps, no classes, no objects keyed by column
 * names (a column may be called `__proto__`).
 */
import type { ClassificationData } from '../datasets/data';
import type { CsvEncoding, CsvPreview, CsvSchema, Delimiter, HeaderKind } from '../../shared/csv';
import type { Message } from '../../shared/message';
import type { Task } from '../../shared/types';
export type { ParseResult } from '../../shared/result';
// The types the page also shows live in src/shared/csv.ts (one definition for both threads).
export type * from '../../shared/csv';

/** Options of the first step; every field overrides a detection. */
export interface ReadOptions {
  /** Force an encoding instead of detecting it ('auto', the default, detects). */
  encoding?: CsvEncoding | 'auto';
  delimiter?: Delimiter | 'auto';
  header?: HeaderKind | 'auto';
  /** Fewest columns accepted; default 2 (a feature and a label). 1 for a file of rows to classify. */
  minColumns?: number;
  /** Largest file accepted, in bytes; default MAX_FILE_BYTES. */
  maxBytes?: number;
  /** Bytes decoded per chunk; default 1 MiB. Smaller only in tests. */
  chunkBytes?: number;
  /** Called after each chunk with how many bytes are done. */
  onProgress?: (progress: ReadProgress) => void;
}

export interface ReadProgress {
  fileName: string;
  bytesRead: number;
  totalBytes: number;
}

/**
 * A file as a rectangle of strings, before any typing. `rows[r]` has exactly
 * `columns.length` cells, untrimmed, as they were in the file.
 */
export interface RawTable {
  fileName: string;
  encoding: CsvEncoding;
  delimiter: Delimiter;
  header: HeaderKind;
  /** Unique, non-empty column names (made so when the file's were not: see warnings). */
  columns: string[];
  /** The file's own first line, cell by cell ([] when it had no header). */
  headerCells: string[];
  rows: string[][];
  /** 1-based line number on which each row starts, shape [rows.length]. */
  lines: number[];
  /** For a TensorFlow header: class names by id (the label column holds the ids). */
  tensorflowClasses?: string[];
  /** 1-based line numbers of rows skipped for having the wrong number of values. */
  skippedLines: number[];
  /** Things the person should know that did not stop the load. */
  warnings: Message[];
  /** Why the file was read in `encoding` (csv.encoding-reason). */
  encodingReason?: Message;
}

/** Options of the second step; the UI re-runs only this step when they change. */
export interface DatasetOptions {
  /** Name of the label column; default the last column. */
  labelColumn?: string;
  /** Names of columns to leave out of the features. */
  excluded?: string[];
  /** Fraction of rows held out for testing when no test file is given; default 0.2. */
  testFraction?: number;
  /**
   * Fraction of the training rows held out as a validation split (stratified, seeded),
   * for early stopping to watch; default 0 here (the page asks for its `validation` setting, 0.2 by default).
   */
  validationFraction?: number;
  /** Seed of the stratified split; default 42. */
  seed?: number;
  /** Name shown for the data set; default the file name. */
  name?: string;
  /** Classes with fewer than MIN_CLASS_ROWS rows: kept (default), merged into "other", or dropped (rare.ts). */
  rareClasses?: 'keep' | 'merge' | 'drop';
  /** Classes or a number to predict; absent: guessed (labels.ts). */
  task?: Task;
}

/** Where the test split's rows are in the files, so a row can be shown as it was written. */
export interface TestOrigin {
  /** 'main': rows of the (only) file, held out by the split; 'test': rows of the separate test file. */
  file: 'main' | 'test';
  /** rows[k]: the file row (0-based, after the header) of test row k. */
  rows: Int32Array;
  /** columnMap[i]: where the main file's column i sits in that file's rows. */
  columnMap: number[];
}

export interface BuiltDataset {
  data: ClassificationData;
  schema: CsvSchema;
  preview: CsvPreview;
  testOrigin: TestOrigin;
}
