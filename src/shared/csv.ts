/**
 * Plain data types of a loaded CSV that both threads name: the worker builds them
 * (src/ml/csv), the page shows them. Structured-clone data only: arrays, no Maps, no
 * classes, no objects keyed by column names (a column may be called `__proto__`).
 */
import type { Message } from './message';
import type { RegressionTarget, Task } from './task';
import type { ColumnNote, Delimiter } from './messages/csv';

/** Text encodings the loader can read; all are WHATWG TextDecoder labels. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'euc-kr' | 'windows-1252';

/** Field delimiters the loader detects. */
export type { Delimiter } from './messages/csv';

/**
 * How the first line was read: column names, no header (the first line is data), or
 * TensorFlow's `<rows>,<features>,<class names...>` line.
 */
export type HeaderKind = 'names' | 'none' | 'tensorflow';

export type ColumnRole = 'feature' | 'label' | 'ignored';
/** 'date': one cell read as its year, month, day of week (and hour when the column has times). */
export type ColumnKind = 'numeric' | 'categorical' | 'date';

/** The parts a date column becomes, each a standardised input. Weekday 0 is Monday. */
export type DatePart = 'year' | 'month' | 'weekday' | 'hour';

/** How a date column is read and encoded (ColumnSchema.date). */
export interface DateEncoding {
  /** Which leading field of a year-last date (01/03/2024) is the day; year-first dates are always y-m-d. */
  order: 'dmy' | 'mdy';
  /** The inputs, in order: year, month, weekday, and hour when the training file had times; only year when every date is one day of the year. */
  parts: DatePart[];
  /** Training-split mean and std of each part, aligned with `parts` (std 0 stored as 1). */
  mean: number[];
  std: number[];
}
/** Why a column is not a feature; the UI words `reason` (its note with the numbers) next to it. */
export type IgnoreCause =
  | 'excluded'
  | 'empty'
  | 'constant'
  | 'identifier'
  | 'free-text'
  | 'dates'
  | 'too-many-categories';

/** One column of the file and how it is encoded. */
export interface ColumnSchema {
  name: string;
  /** Position in RawTable.columns. */
  index: number;
  role: ColumnRole;
  /** What the values look like (also for ignored columns). */
  kind: ColumnKind;
  ignoreCause?: IgnoreCause;
  /**
   * Why, as a message code with the column's numbers: present when role is 'ignored', and
   * on a categorical feature whose values are numbers written as text (`12%`, `$3`).
   */
  reason?: ColumnNote;
  /** Missing values in the training file (empty, NA, N/A, NaN, null, ?, -, ., and numbers too large to use). */
  missing: number;
  /** Numeric column: values that were not numbers and were treated as missing. */
  invalid: number;
  /** Distinct non-missing values (counted up to a cap: see infer.ts). */
  distinct: number;
  /** Numeric: `5,1` reads as 5.1 (semicolon or tab files with decimal commas). */
  decimalComma: boolean;
  /** Numeric: cells like 1,234.5, 12%, $3 and (12) read as numbers (csv.column-read-formatted); absent = false. */
  formatted?: boolean;
  /** Numeric feature: training-split mean and std (std 0 is stored as 1). */
  mean: number;
  std: number;
  /** Categorical feature: one one-hot slot per value, in this order (training split only). */
  vocabulary: string[];
  /** Categorical feature: one more slot after the vocabulary for missing values. */
  missingSlot: boolean;
  /** Date column (kind 'date'): its order and parts, with their statistics once fitted. */
  date?: DateEncoding;
}

/**
 * Everything needed to encode a new row the way the training rows were encoded.
 * Travels with the model (plain JSON). `featureNames` are the encoded inputs, in
 * order: a numeric column gives `name`, a categorical one `name=value` per
 * vocabulary entry and `name=(missing)` when it has a missing slot.
 */
export interface CsvSchema {
  version: 1;
  fileName: string;
  columns: ColumnSchema[];
  labelIndex: number;
  classNames: string[];
  featureNames: string[];
  /** Label classes merged into the class "other" (csv.rare-merged); absent when none were. */
  merged?: string[];
  /** Regression: the label's training statistics (classNames is then [its name]). */
  target?: RegressionTarget;
}

export interface ClassCount {
  className: string;
  train: number;
  test: number;
  /** Rows of the class in the validation split (0 when there is none). */
  validation?: number;
}

/** What the page shows before training: small, plain, structured-clone data. */
export interface CsvPreview {
  fileName: string;
  encoding: CsvEncoding;
  delimiter: Delimiter;
  header: HeaderKind;
  columns: ColumnSchema[];
  classBalance: ClassCount[];
  /** The first rows of the training file, as strings, aligned with `columns`. */
  firstRows: string[][];
  /** Rows in the file, rows dropped for a missing label, rows skipped as ragged. */
  fileRows: number;
  droppedNoLabel: number;
  skippedRagged: number;
  trainRows: number;
  testRows: number;
  /** Training rows held out for validation (early stopping watches them); 0 for none. */
  validationRows?: number;
  /** 'file' when a second file is the test set, else 'split'. */
  testSource: 'file' | 'split';
  /** Things the person should know that did not stop the load. */
  warnings: Message[];
  /** Why the label column is the one it is (csv.label-reason). */
  labelReason?: Message;
  /** Other columns that look like classes, offered as the label in one click. */
  labelAlternatives?: string[];
  /** Classes with fewer than `min` rows in the training file (csv.rare-classes), offered to merge or drop. */
  rare?: { classes: string[]; min: number };
  /** Classes or a number (regression; then `target`, and classBalance is empty). */
  task?: Task;
  /** The label can be read either way (whole numbers): the page offers the switch. */
  taskSwitch?: boolean;
  target?: RegressionTarget;
  /** Why the file was read in its encoding (csv.encoding-reason), shown beside the encoding select. */
  encodingReason?: Message;
}
