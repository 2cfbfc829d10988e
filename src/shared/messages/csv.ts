/** Codes of the csv area and their parameters (see ../message.ts). */

/** Field delimiters the loader detects (re-exported by ../csv.ts, which imports this catalog). */
export type Delimiter = ',' | ';' | '\t' | '|';

type None = Record<string, never>;

/**
 * How many different values a column has: `distinct`, or more than `distinct` when
 * `capped` (counting stops at a cap).
 */
interface Distinct {
  distinct: number;
  capped: boolean;
}

/** A column of numbers with text in it: `texts` values are not numbers, the first is `first` on `line`. */
interface Mixed {
  texts: number;
  first: string;
  line: number;
}

/** Line numbers: the first few `lines`, and how many `more` were not listed. */
interface Lines {
  lines: readonly number[];
  more: number;
}

/** Why a column is not a feature (ColumnSchema.reason), one code per cause. */
export interface ColumnNoteMessages {
  'csv.column-excluded': None;
  'csv.column-empty': None;
  /** Every value is `value`: a number, or a text shown in quotes. */
  'csv.column-constant': { value: number | string };
  'csv.column-row-number': None;
  'csv.column-dates': Distinct;
  'csv.column-too-many-categories': Distinct & { max: number };
  'csv.column-free-text': Distinct & { rows: number };
  'csv.column-identifier': Distinct & { rows: number };
  'csv.column-mixed-categories': Mixed & Distinct & { max: number };
  'csv.column-mixed-identifier': Mixed & Distinct & { rows: number };
  /** `count` values are numbers written with %, a currency sign, thousands separators or parentheses; the first `first` on `line`. */
  'csv.column-formatted-numbers': { count: number; first: string; line: number };
  /** Every value is a number; `count` were written with `formats` taken off to read them (the first `first` on `line`). */
  'csv.column-read-formatted': { count: number; formats: readonly NumberFormat[]; first: string; line: number };
}

/** What a formatted number had taken off (values.ts parseFormatted). */
export type NumberFormat = 'thousands' | 'percent' | 'currency' | 'parentheses';

export type ColumnNoteCode = keyof ColumnNoteMessages;

/** A column's note as data: `{ code: 'csv.column-constant', params: { value: 3 } }`. */
export type ColumnNote = { [C in ColumnNoteCode]: { code: C; params: ColumnNoteMessages[C] } }[ColumnNoteCode];

/**
 * Why a column cannot be the label: no values, one class, more different numbers than a
 * numeric label may have (a quantity), or more classes than the model takes.
 */
export type LabelProblemKind = 'empty' | 'one-class' | 'quantity' | 'too-many' | 'measurement' | 'unique';

/**
 * Why the label column is the one it is: the person picked it; TensorFlow's header says
 * so; its name says it is the target; it is the last column that looks like classes; or
 * no column looks like classes and it is the last one that can be a label.
 */
export type LabelReasonKind = 'chosen' | 'tensorflow' | 'name' | 'last-class-like' | 'last-column' | RegressionReasonKind;

/**
 * Why the label is predicted as a number (regression): the person picked a column of many
 * numbers, or asked for regression; its name says it is the target; no column looks like
 * classes and the last is a quantity. `classes` then counts its distinct values (capped).
 */
export type RegressionReasonKind = 'chosen-quantity' | 'asked' | 'name-quantity' | 'last-quantity';

/** What a file that is no CSV is, by its content: a JSON text, an Excel workbook (.xlsx, or the older .xls). */
export type OtherFormat = 'json' | 'xlsx' | 'xls';

/** What a file's first bytes say it is, when it is no text file. */
export type BinaryKind = 'png' | 'jpeg' | 'gif' | 'pdf' | 'zip' | 'office' | 'gzip' | 'nul' | 'control';

/**
 * Why a file was read in its encoding: chosen by the person, a byte-order mark, UTF-16
 * without one (zero bytes), valid UTF-8, UTF-8 but for a few stray bytes, mostly Hangul
 * pairs (EUC-KR), or none of those (Windows-1252 reads any byte).
 */
export type EncodingEvidence = 'chosen' | 'bom' | 'utf-16-zeros' | 'utf-8' | 'utf-8-mostly' | 'hangul' | 'fallback';

export interface CsvMessages extends ColumnNoteMessages {
  // Reading the bytes (readTable.ts, sniff.ts, tokenize.ts).
  /** `size` and `max` in bytes. */
  'csv.too-large': { file: string; size: number; max: number };
  'csv.no-bytes': { file: string };
  /** `count` of the NUL or control bytes among the first `inspected` (0 for a signature). */
  'csv.binary-file': { file: string; kind: BinaryKind; count: number; inspected: number };
  'csv.empty': { file: string };
  'csv.blank-lines': { file: string };
  'csv.unclosed-quote': { line: number };
  'csv.unclosed-quote-in': { file: string; line: number };
  'csv.unexpected-read': { file: string; detail: string };
  'csv.not-decoded': { file: string; count: number; encoding: string };
  'csv.cp949-extension': { file: string; count: number };
  /** `file` is a JSON text or an Excel workbook, not a CSV: say what it is and how to save it as CSV. */
  'csv.other-format': { file: string; format: OtherFormat };
  // The rectangle (shape.ts, values.ts).
  'csv.tf-header': { file: string; line: number };
  'csv.tf-row-count': { line: number; declared: number; rows: number };
  /** Column `position` (1-based) had no name, or repeated `original`; it is called `name`. */
  'csv.column-unnamed': { position: number; name: string };
  'csv.column-renamed': { position: number; original: string; name: string };
  'csv.no-header': { file: string; columns: number };
  'csv.header-only': { file: string; line: number };
  'csv.one-column': { file: string };
  'csv.header-mismatch': { file: string; line: number; names: number; values: number; delimiter: Delimiter };
  /** `limit` is a fraction (0.05). */
  'csv.ragged-rows': Lines & { file: string; ragged: number; total: number; width: number; limit: number };
  'csv.skipped-ragged': Lines & { count: number; width: number };
  'csv.no-values': { file: string };
  // The data set (dataset.ts, labels.ts).
  'csv.not-numbers': { column: string; count: number; first: string; line: number };
  /** `count` numbers of `column` too large to use (1e309, Infinity), treated as missing; the first `first` on `line`. */
  'csv.not-finite': { column: string; count: number; first: string; line: number };
  'csv.test-columns-differ': { test: string; train: string; missing: readonly string[]; extra: readonly string[] };
  'csv.dropped-no-label': { file: string; count: number };
  'csv.unexpected-build': { file: string; detail: string };
  'csv.bad-test-fraction': { fraction: number; max: number };
  'csv.bad-validation-fraction': { fraction: number; max: number };
  /**
   * The guessed label: the last column `last` cannot be one (`why`, with its one class
   * `value` or its `distinct` values), so `label` is. `csv.no-label`: no column can be.
   */
  'csv.label-fallback': { last: string; label: string; why: LabelProblemKind; value: string; distinct: number };
  'csv.no-label': { file: string; last: string; why: LabelProblemKind; value: string; distinct: number };
  /** Why `label` is the label column (`classes`: its distinct values). */
  'csv.label-reason': { label: string; why: LabelReasonKind; classes: number };
  /** Regression was asked for on `label`, which holds a value that is no number (`value`, on `line`). */
  'csv.regression-not-numeric': { file: string; label: string; value: string; line: number };
  /** A regression label's cells that are no number (`count` of them, the first `value` on `line`): those rows were dropped. */
  'csv.target-not-numbers': { file: string; label: string; count: number; value: string; line: number };
  /** Regression needs at least two different numbers in the label; `label` has `distinct`. */
  'csv.target-constant': { file: string; label: string; distinct: number };
  /**
   * Classes of `label` with fewer than `min` rows (`rows[i]` for `classes[i]`): too few to
   * learn from and to hold one out for testing; the page offers to merge or drop them.
   */
  'csv.rare-classes': { label: string; classes: readonly string[]; rows: readonly number[]; min: number };
  /** `classes` were merged into the class `into` (`rows` rows), or their `rows` rows dropped. */
  'csv.rare-merged': { classes: readonly string[]; into: string; rows: number };
  'csv.rare-dropped': { classes: readonly string[]; rows: number };
  /**
   * A split with no test rows: the test `fraction` is 0, or at that fraction a class needs
   * `needed` rows to hold one out and each of the `classes` classes has fewer (`single` of
   * them have one row, which no fraction holds out).
   */
  'csv.no-test-rows': { file: string; fraction: number; classes: number; needed: number; single: number };
  /** `columns[i]` is left out for `notes[i]`. */
  'csv.no-features': { file: string; label: string; columns: readonly string[]; notes: readonly ColumnNote[] };
  'csv.no-label-column': { file: string; label: string; columns: readonly string[] };
  /** `classes` class names on line 1, ids 0 to classes - 1. */
  'csv.bad-class-id': { file: string; line: number; id: string; classes: number };
  'csv.label-empty': { file: string; label: string };
  'csv.label-one-class': { file: string; label: string; value: string };
  'csv.label-quantity': { file: string; label: string; distinct: number };
  'csv.label-too-many': { file: string; label: string; distinct: number; max: number };
  /** The first unknown class `name` of `file` (`others` more unknown classes), on `lines`. */
  'csv.unknown-class': Lines & { file: string; line: number; name: string; train: string; others: number };
  // Prediction (predict.ts, export.ts).
  'csv.predict-count': { features: readonly string[]; got: number };
  'csv.predict-not-number': { column: string };
  /** `value` typed for the date column `column` is no date this loader reads (`example`: one that is). */
  'csv.predict-not-date': { column: string; value: string; example: string };
  /** `value` typed for `column` is a number too large to use (1e309, Infinity). */
  'csv.predict-not-finite': { column: string; value: string; max: number };
  'csv.predict-missing-columns': { file: string; columns: readonly string[] };
  'csv.predictions-empty': None;
  'csv.predictions-narrow': { columns: number; added: number };
  'csv.predictions-ragged': { line: number; found: number; expected: number };
  // Wide, broken and formatted files (issue 19).
  /** `file` has `columns` columns, more than the `max` this page takes. */
  'csv.too-many-columns': { file: string; columns: number; max: number };
  /** `file` was read as `encoding` because of `why` (`valid` multi-byte UTF-8 characters and `invalid` stray bytes; `hangul` syllables). */
  'csv.encoding-reason': { file: string; encoding: string; why: EncodingEvidence; valid: number; invalid: number; hangul: number };
  /** `count` bytes of `file` are no `encoding` and read as U+FFFD, on the lines `lines` (and `more`). */
  'csv.replaced-bytes': Lines & { file: string; count: number; encoding: string };
}
