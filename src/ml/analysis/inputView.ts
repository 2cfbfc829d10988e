/**
 * A loaded data set's rows as the person knows them: the inputs of the form
 * (DatasetSummary.inputs, before any one-hot encoding) in their own units, not the
 * encoded features the network reads. The analysis views need this: the decision-boundary
 * map draws its axes and points in raw units, and the confusion-cell list shows a row's
 * cells as they were in the file.
 *
 * Iris's features are the raw numbers. A CSV's numeric features are standardised with
 * the training split's mean and std and its categorical ones one-hot (src/ml/csv/encode.ts),
 * so numbers are recovered as encoded * std + mean (a gap was encoded as the mean and
 * comes back as it), and the test rows' original cells are read from the file at the
 * rows the split took (csv.testOrigin). MNIST's 784 pixels are not inputs a
 * person types: its view has none.
 */
import type { InputField } from '../../shared/types';
import type { LoadedCsv, RawTable } from '../csv';
import { columnWidth } from '../csv/encode';
import { shortNumber, type ClassificationData, type LabelledSplit } from '../datasets/data';

export type ViewSplit = 'train' | 'test';

export interface InputView {
  inputs: InputField[];
  /** Numeric input `input` over a split's rows, shape [rows] (NaN where unknown); null for a categorical input. */
  numbers(split: ViewSplit, input: number): Float64Array | null;
  /**
   * What each input is held at when it is not an axis of the map, as the text a person
   * would type: the training mean (numeric) or the most frequent training value (categorical).
   */
  typical: string[];
  /** Headers of testCells' cells. */
  columns: string[];
  /** Test row `row` (0-based) as the person knows it, one cell per column. */
  testCells(row: number): string[];
}

const splitOf = (data: ClassificationData, split: ViewSplit): LabelledSplit => (split === 'train' ? data.train : data.test);

/** Column `c` of row-major features [rows, width] as float64, shape [rows]. */
function column(features: Float32Array, rows: number, width: number, c: number, scale = 1, shift = 0): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = features[r * width + c] * scale + shift;
  return out;
}

function mean(values: Float64Array): number {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  return n > 0 ? sum / n : 0;
}

/** Inputs that are the features themselves (Iris, or any data set whose features are raw numbers). */
export function numericView(data: ClassificationData): InputView {
  const width = data.featureNames.length;
  const numbers = (split: ViewSplit, input: number) => {
    const s = splitOf(data, split);
    return input >= 0 && input < width ? column(s.features, s.rows, width, input) : null;
  };
  return {
    inputs: data.featureNames.map((name) => ({ name, kind: 'numeric' })),
    numbers,
    typical: data.featureNames.map((_, i) => String(mean(numbers('train', i) ?? new Float64Array()))),
    columns: data.featureNames.slice(),
    testCells: (row) => Array.from(data.test.features.subarray(row * width, (row + 1) * width), shortNumber),
  };
}

/** MNIST: no typed inputs; a test row is its digit (drawn by the page), so no cells. */
export function pixelView(): InputView {
  return { inputs: [], numbers: () => null, typical: [], columns: [], testCells: () => [] };
}

/** Where the test split's rows are in the file(s): `rows[k]` is test row k's row of `table`. */
export interface TestSource {
  table: RawTable;
  rows: Int32Array;
  /** columnMap[i]: where schema column i sits in `table`'s rows. */
  columnMap: number[];
}

/** Where the loaded test split's rows are in the file(s), as buildDataset recorded them when it split. */
export function csvTestSource(csv: LoadedCsv): TestSource | null {
  const { testOrigin, table, testTable } = csv;
  const source = testOrigin.file === 'main' ? table : testTable;
  return source ? { table: source, rows: testOrigin.rows, columnMap: testOrigin.columnMap } : null;
}

/**
 * A CSV's view: numbers decoded from the standardised features, categorical columns'
 * most frequent training value (the vocabulary is sorted by count), and the test rows'
 * cells from the file when `source` is known, else decoded from the features.
 */
export function csvView(csv: LoadedCsv, source: TestSource | null): InputView {
  const { schema, data } = csv;
  const width = data.featureNames.length;
  const features = schema.columns.filter((c) => c.role === 'feature');
  // Offset of each feature column's first encoded input.
  const offsets: number[] = [];
  let at = 0;
  for (const c of features) {
    offsets.push(at);
    at += columnWidth(c);
  }
  const numbers = (split: ViewSplit, input: number) => {
    const c = features[input];
    if (!c || c.kind !== 'numeric') return null;
    const s = splitOf(data, split);
    return column(s.features, s.rows, width, offsets[input], c.std, c.mean);
  };
  const decoded = (row: number): string[] =>
    features.map((c, i) => {
      const base = row * width + offsets[i];
      if (c.kind === 'numeric') return shortNumber(data.test.features[base] * c.std + c.mean);
      if (c.kind === 'date') return ''; // a date's parts do not name its day
      for (let k = 0; k < columnWidth(c); k++) if (data.test.features[base + k] === 1) return k < c.vocabulary.length ? c.vocabulary[k] : '';
      return '';
    });
  return {
    inputs: features.map((c) => (c.kind === 'categorical' ? { name: c.name, kind: c.kind, options: c.vocabulary.slice() } : { name: c.name, kind: c.kind })),
    numbers,
    typical: features.map((c) => (c.kind === 'numeric' ? String(c.mean) : (c.vocabulary[0] ?? ''))),
    columns: features.map((c) => c.name),
    testCells: (row) => {
      if (!source) return decoded(row);
      const cells = source.table.rows[source.rows[row]];
      return features.map((c) => cells[source.columnMap[c.index]] ?? '');
    },
  };
}
