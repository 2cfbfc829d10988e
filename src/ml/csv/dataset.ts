/**
 * Step two of "bring your own CSV": RawTable (+ optional test RawTable) -> the encoded
 * ClassificationData the trainer reads, the CsvSchema that encodes new rows, and the
 * preview the page shows. Cheap next to step one, so the page re-runs only this step
 * when the person picks another label column or excludes a column.
 */
import type { ClassificationData } from '../datasets/data';
import { encodeRows, encodedNames, fitCategorical, fitNumeric, numericColumn } from './encode';
import { inferColumn } from './infer';
import { resolveLabelIndex, testLabels, trainLabels, type Labelled } from './labels';
import { labelledRows, stratifiedSplit, type SplitIndices } from './split';
import type { BuiltDataset, ColumnSchema, CsvPreview, CsvSchema, DatasetOptions, ParseResult, RawTable } from './types';

export const DEFAULT_TEST_FRACTION = 0.2;
export const DEFAULT_SEED = 42;
const PREVIEW_ROWS = 10;

/**
 * Schema columns with roles and kinds, before fitting (mean 0, std 1, empty vocabulary),
 * and each numeric feature's values as parsed by inference (null for other columns).
 */
function describeColumns(
  table: RawTable,
  labelIndex: number,
  excluded: ReadonlySet<string>,
  warnings: string[],
): { columns: ColumnSchema[]; parsed: (Float64Array | null)[] } {
  const decimalComma = table.delimiter !== ',';
  const parsed: (Float64Array | null)[] = table.columns.map(() => null);
  const columns = table.columns.map((name, index): ColumnSchema => {
    const facts = inferColumn(name, table.rows, table.lines, index, decimalComma);
    const column: ColumnSchema = {
      name,
      index,
      role: 'feature',
      kind: facts.kind,
      missing: facts.missing,
      invalid: facts.invalid,
      distinct: facts.distinct,
      decimalComma: facts.decimalComma,
      mean: 0,
      std: 1,
      vocabulary: [],
      missingSlot: false,
    };
    if (index === labelIndex) return { ...column, role: 'label' };
    if (excluded.has(name)) return { ...column, role: 'ignored', ignoreCause: 'excluded', reason: 'excluded by you' };
    if (facts.ignoreCause !== undefined) {
      return { ...column, role: 'ignored', ignoreCause: facts.ignoreCause, reason: facts.reason };
    }
    if (facts.firstInvalid !== undefined) {
      const { line, value } = facts.firstInvalid;
      warnings.push(
        `Column "${name}": ${facts.invalid} values are not numbers (the first, "${value}", on line ${line}) and are treated as missing.`,
      );
    }
    parsed[index] = facts.values ?? null;
    return column;
  });
  return { columns, parsed };
}

/** Where each training column sits in the test table, or a reason naming the differences. */
function matchColumns(train: RawTable, test: RawTable): ParseResult<number[]> {
  const at = new Map(test.columns.map((name, i) => [name, i] as const));
  const known = new Set(train.columns);
  const missing = train.columns.filter((name) => !at.has(name));
  const extra = test.columns.filter((name) => !known.has(name));
  if (missing.length === 0 && extra.length === 0) return { ok: true, value: train.columns.map((name) => at.get(name) ?? -1) };
  const quote = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
  const parts = [missing.length > 0 ? `missing ${quote(missing)}` : '', extra.length > 0 ? `extra ${quote(extra)}` : ''];
  return {
    ok: false,
    reason: `${test.fileName} does not have the columns of ${train.fileName}: ${parts.filter((p) => p !== '').join('; ')}. A test file needs the same column names (in any order).`,
  };
}

/** Fill in each feature's training statistics (mean/std or vocabulary). */
function fitColumns(columns: ColumnSchema[], parsed: readonly (Float64Array | null)[], table: RawTable, trainRows: Int32Array): ColumnSchema[] {
  const decimalComma = table.delimiter !== ',';
  return columns.map((column) => {
    if (column.role !== 'feature') return column;
    if (column.kind === 'numeric') {
      const values = parsed[column.index] ?? numericColumn(table.rows, column.index, decimalComma);
      return { ...column, ...fitNumeric(values, trainRows) };
    }
    return { ...column, ...fitCategorical(table.rows, column.index, trainRows) };
  });
}

function gather(ids: Int32Array, rows: Int32Array): Int32Array {
  return Int32Array.from(rows, (r) => ids[r]);
}

/** Where the test rows come from: `split.test` indexes `source.table`'s rows. */
interface TestPlan {
  split: SplitIndices;
  source: { table: RawTable; labels: Labelled; columnMap: number[] };
}

/** The second file (columns matched by name, classes checked), or a stratified split of the first. */
function planTest(
  table: RawTable,
  testTable: RawTable | undefined,
  label: number,
  labels: Labelled,
  options: DatasetOptions,
  warnings: string[],
): ParseResult<TestPlan> {
  if (testTable === undefined) {
    const fraction = options.testFraction ?? DEFAULT_TEST_FRACTION;
    const split = stratifiedSplit(labels.ids, labels.classNames.length, fraction, options.seed ?? DEFAULT_SEED);
    return { ok: true, value: { split, source: { table, labels, columnMap: table.columns.map((_, i) => i) } } };
  }
  const matched = matchColumns(table, testTable);
  if (!matched.ok) return matched;
  const tested = testLabels(testTable, matched.value[label], labels.classNames, table.fileName);
  if (!tested.ok) return tested;
  if (tested.value.missing > 0) warnings.push(`Dropped ${tested.value.missing} rows of ${testTable.fileName} without a label.`);
  return {
    ok: true,
    value: {
      split: { train: labelledRows(labels.ids), test: labelledRows(tested.value.ids) },
      source: { table: testTable, labels: tested.value, columnMap: matched.value },
    },
  };
}

/**
 * Build the data set. `options.labelColumn` defaults to the last column; with `testTable`
 * its rows are the test split (columns matched by name), else a stratified, seeded split
 * holds out `options.testFraction` (default 0.2) of the rows. Never throws.
 */
export function buildDataset(table: RawTable, options: DatasetOptions = {}, testTable?: RawTable): ParseResult<BuiltDataset> {
  try {
    return build(table, options, testTable);
  } catch (error) {
    return { ok: false, reason: `Unexpected error building the data set from ${table.fileName}: ${String(error)}` };
  }
}

function build(table: RawTable, options: DatasetOptions, testTable?: RawTable): ParseResult<BuiltDataset> {
  const fraction = options.testFraction ?? DEFAULT_TEST_FRACTION;
  if (!(fraction >= 0 && fraction <= 0.9)) {
    return { ok: false, reason: `The test fraction must be between 0 and 0.9 (it is ${fraction}).` };
  }
  const labelIndex = resolveLabelIndex(table, options);
  if (!labelIndex.ok) return labelIndex;
  const label = labelIndex.value;
  const labels = trainLabels(table, label);
  if (!labels.ok) return labels;
  const { classNames } = labels.value;
  const warnings = [...table.warnings];
  const last = table.columns.length - 1;
  if (options.labelColumn === undefined && label !== last) {
    warnings.push(`The last column "${table.columns[last]}" does not look like classes, so "${table.columns[label]}" is the label: pick another label column if that is wrong.`);
  }
  const { columns, parsed } = describeColumns(table, label, new Set(options.excluded ?? []), warnings);
  if (!columns.some((c) => c.role === 'feature')) {
    const why = columns.filter((c) => c.role === 'ignored').map((c) => `"${c.name}" (${c.reason ?? ''})`);
    return {
      ok: false,
      reason: `${table.fileName} has no usable feature column besides the label "${table.columns[label]}": ${why.join(', ')}. Include a column or choose another label.`,
    };
  }

  const test = planTest(table, testTable, label, labels.value, options, warnings);
  if (!test.ok) return test;
  const { split, source } = test.value;
  if (labels.value.missing > 0) warnings.push(`Dropped ${labels.value.missing} rows of ${table.fileName} without a label.`);
  const fitted = fitColumns(columns, parsed, table, split.train);
  const schema: CsvSchema = { version: 1, fileName: table.fileName, columns: fitted, labelIndex: label, classNames, featureNames: encodedNames(fitted) };
  const comma = (t: RawTable) => t.delimiter !== ',';
  const data: ClassificationData = {
    name: options.name ?? table.fileName,
    featureNames: schema.featureNames,
    classNames,
    train: {
      features: encodeRows(schema, table.rows, split.train, table.columns.map((_, i) => i), comma(table), parsed),
      labels: gather(labels.value.ids, split.train),
      rows: split.train.length,
    },
    test: {
      features: encodeRows(schema, source.table.rows, split.test, source.columnMap, comma(source.table), source.table === table ? parsed : undefined),
      labels: gather(source.labels.ids, split.test),
      rows: split.test.length,
    },
  };
  const preview = makePreview(table, schema, data, warnings, labels.value.missing, testTable !== undefined);
  const testOrigin = { file: source.table === table ? 'main' : 'test', rows: split.test, columnMap: source.columnMap } as const;
  return { ok: true, value: { data, schema, preview, testOrigin } };
}

function makePreview(
  table: RawTable,
  schema: CsvSchema,
  data: ClassificationData,
  warnings: string[],
  droppedNoLabel: number,
  testFile: boolean,
): CsvPreview {
  const balance = schema.classNames.map((className) => ({ className, train: 0, test: 0 }));
  for (const id of data.train.labels) balance[id].train++;
  for (const id of data.test.labels) balance[id].test++;
  return {
    fileName: table.fileName,
    encoding: table.encoding,
    delimiter: table.delimiter,
    header: table.header,
    columns: schema.columns,
    classBalance: balance,
    firstRows: table.rows.slice(0, PREVIEW_ROWS).map((row) => row.slice()),
    fileRows: table.rows.length,
    droppedNoLabel,
    skippedRagged: table.skippedLines.length,
    trainRows: data.train.rows,
    testRows: data.test.rows,
    testSource: testFile ? 'file' : 'split',
    warnings,
  };
}
