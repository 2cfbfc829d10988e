/**
 * Step two of "bring your own CSV": RawTable (+ optional test RawTable) -> the encoded
 * ClassificationData the trainer reads, the CsvSchema that encodes new rows, and the
 * preview the page shows. Cheap next to step one, so the page re-runs only this step
 * when the person picks another label column or excludes a column.
 */
import type { ClassificationData } from '../datasets/data';
import { dateParts, encodeRows, encodedNames, fitCategorical, fitDate, fitNumeric, numericColumn } from './encode';
import { inferColumn, note } from './infer';
import { msg, type Message } from '../../shared/message';
import { testLabels, trainLabels, type Labelled } from './labels';
import { resolveLabel } from './labelGuess';
import { readTargets, type Targets } from './target';
import { fitTarget, standardizeTarget } from '../model/regression';
import { applyRemap, MIN_CLASS_ROWS, rareLabels, type ClassRemap } from './rare';
import { carveValidation, labelledRows, stratifiedSplit, type SplitIndices } from './split';
import type { BuiltDataset, ColumnSchema, CsvPreview, CsvSchema, DatasetOptions, ParseResult, RawTable } from './types';
import type { ClassCount } from '../../shared/csv';

export const DEFAULT_TEST_FRACTION = 0.2;
/** Largest test fraction accepted (split.ts clamps to the same). */
const MAX_TEST_FRACTION = 0.9;
export const DEFAULT_SEED = 42;
/** Largest validation fraction accepted. */
export const MAX_VALIDATION_FRACTION = 0.5;
const PREVIEW_ROWS = 10;

/**
 * Schema columns with roles and kinds, before fitting (mean 0, std 1, empty vocabulary),
 * and each numeric feature's values as parsed by inference (null for other columns).
 */
function describeColumns(
  table: RawTable,
  labelIndex: number,
  excluded: ReadonlySet<string>,
  warnings: Message[],
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
      ...(facts.formatted === true ? { formatted: true } : {}),
      mean: 0,
      std: 1,
      vocabulary: [],
      missingSlot: false,
    };
    if (index === labelIndex) return { ...column, role: 'label' };
    if (excluded.has(name)) return { ...column, role: 'ignored', ignoreCause: 'excluded', reason: note('csv.column-excluded', {}) };
    if (facts.ignoreCause !== undefined) {
      return { ...column, role: 'ignored', ignoreCause: facts.ignoreCause, reason: facts.reason };
    }
    if (facts.firstInvalid !== undefined) {
      const { line, value } = facts.firstInvalid;
      warnings.push(msg('csv.not-numbers', { column: name, count: facts.invalid, first: value, line }));
    }
    if (facts.firstOutOfRange !== undefined) {
      const { line, value } = facts.firstOutOfRange;
      warnings.push(msg('csv.not-finite', { column: name, count: facts.outOfRange, first: value, line }));
    }
    parsed[index] = facts.values ?? null;
    const dated = facts.date === undefined ? column : { ...column, date: { order: facts.date.order, parts: dateParts(facts.date.timed, facts.date.yearOnly), mean: [], std: [] } };
    return facts.reason === undefined ? dated : { ...dated, reason: facts.reason };
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
  return { ok: false, reason: msg('csv.test-columns-differ', { test: test.fileName, train: train.fileName, missing, extra }) };
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
    if (column.kind === 'date' && column.date !== undefined) return { ...column, date: fitDate(table.rows, column.index, trainRows, column.date) };
    return { ...column, ...fitCategorical(table.rows, column.index, trainRows) };
  });
}

function gather(ids: Int32Array, rows: Int32Array): Int32Array {
  return Int32Array.from(rows, (r) => ids[r]);
}

function gatherValues(values: Float64Array, rows: Int32Array): Float64Array {
  return Float64Array.from(rows, (r) => values[r]);
}

/**
 * Fewest rows a class needs for the stratified split to hold one out at `fraction` (> 0):
 * it holds out min(rows - 1, round(rows * fraction)) (split.ts), so at least 2 rows.
 */
function rowsToHoldOne(fraction: number): number {
  // round(rows * fraction) >= 1 from rows * fraction >= 0.5; the loops only correct rounding.
  let rows = Math.max(2, Math.ceil(0.5 / fraction));
  while (Math.round(rows * fraction) < 1) rows++;
  while (rows > 2 && Math.round((rows - 1) * fraction) >= 1) rows--;
  return rows;
}

/** How many classes have a single row (ids: class id by row, -1 for none). */
function singleRowClasses(ids: Int32Array, classCount: number): number {
  const counts = new Int32Array(classCount);
  for (const id of ids) if (id >= 0) counts[id]++;
  return counts.filter((n) => n === 1).length;
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
  warnings: Message[],
  remap: ClassRemap | null = null,
): ParseResult<TestPlan> {
  if (testTable === undefined) {
    const fraction = options.testFraction ?? DEFAULT_TEST_FRACTION;
    const split = stratifiedSplit(labels.ids, labels.classNames.length, fraction, options.seed ?? DEFAULT_SEED);
    if (split.test.length === 0) {
      const needed = fraction > 0 ? rowsToHoldOne(fraction) : 0;
      const single = singleRowClasses(labels.ids, labels.classNames.length);
      warnings.push(msg('csv.no-test-rows', { file: table.fileName, fraction, classes: labels.classNames.length, needed, single }));
    }
    return { ok: true, value: { split, source: { table, labels, columnMap: table.columns.map((_, i) => i) } } };
  }
  const matched = matchColumns(table, testTable);
  if (!matched.ok) return matched;
  // A merged or dropped class is still a class of the test file: read against the file's classes, then remapped.
  const read = testLabels(testTable, matched.value[label], remap?.from ?? labels.classNames, table.fileName);
  if (!read.ok) return read;
  const tested = remap === null ? read : { ok: true as const, value: applyRemap(read.value, remap) };
  if (tested.value.missing > 0) warnings.push(msg('csv.dropped-no-label', { file: testTable.fileName, count: tested.value.missing }));
  return {
    ok: true,
    value: {
      split: { train: labelledRows(labels.ids), test: labelledRows(tested.value.ids) },
      source: { table: testTable, labels: tested.value, columnMap: matched.value },
    },
  };
}

/** planTest for a regression label: the test file's label read as numbers, or a seeded split of the first file. */
function planTestTargets(table: RawTable, testTable: RawTable | undefined, label: number, targets: Targets, options: DatasetOptions, warnings: Message[]): ParseResult<TestPlan> {
  if (testTable === undefined) return planTest(table, undefined, label, targets, options, warnings);
  const matched = matchColumns(table, testTable);
  if (!matched.ok) return matched;
  const read = readTargets(testTable, matched.value[label], warnings);
  if (!read.ok) return read;
  if (read.value.missing > 0) warnings.push(msg('csv.dropped-no-label', { file: testTable.fileName, count: read.value.missing }));
  return {
    ok: true,
    value: {
      split: { train: labelledRows(targets.ids), test: labelledRows(read.value.ids) },
      source: { table: testTable, labels: read.value, columnMap: matched.value },
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
    return { ok: false, reason: msg('csv.unexpected-build', { file: table.fileName, detail: String(error) }) };
  }
}

function build(table: RawTable, options: DatasetOptions, testTable?: RawTable): ParseResult<BuiltDataset> {
  const fraction = options.testFraction ?? DEFAULT_TEST_FRACTION;
  if (!(fraction >= 0 && fraction <= MAX_TEST_FRACTION)) {
    return { ok: false, reason: msg('csv.bad-test-fraction', { fraction, max: MAX_TEST_FRACTION }) };
  }
  const warnings = [...table.warnings];
  const resolved = resolveLabel(table, options, warnings);
  if (!resolved.ok) return resolved;
  const label = resolved.value.index;
  const regression = resolved.value.task === 'regression';
  const read = regression ? readTargets(table, label, warnings) : trainLabels(table, label);
  if (!read.ok) return read;
  // Rare classes are a classifier's worry; a regression label is one "class".
  const rare = regression ? { ok: true as const, value: { labels: read.value, remap: null, rare: [] } } : rareLabels(table, label, read.value, options.rareClasses ?? 'keep', warnings);
  if (!rare.ok) return rare;
  const { remap } = rare.value;
  const labels = { ok: true as const, value: rare.value.labels };
  const { classNames } = labels.value;
  const { columns, parsed } = describeColumns(table, label, new Set(options.excluded ?? []), warnings);
  if (!columns.some((c) => c.role === 'feature')) {
    const ignored = columns.flatMap((c) => (c.role === 'ignored' && c.reason !== undefined ? [{ name: c.name, note: c.reason }] : []));
    const params = { file: table.fileName, label: table.columns[label], columns: ignored.map((c) => c.name), notes: ignored.map((c) => c.note) };
    return { ok: false, reason: msg('csv.no-features', params) };
  }

  const test = regression ? planTestTargets(table, testTable, label, labels.value as Targets, options, warnings) : planTest(table, testTable, label, labels.value, options, warnings, remap);
  if (!test.ok) return test;
  const { split: tested, source } = test.value;
  const held = holdOutValidation(labels.value, tested, options);
  if (!held.ok) return held;
  const { split, validation } = held.value;
  if (labels.value.missing > 0) warnings.push(msg('csv.dropped-no-label', { file: table.fileName, count: labels.value.missing }));
  // Scaling is fitted on the rows the model trains on: validation rows are as unseen as test rows.
  const fitted = fitColumns(columns, parsed, table, split.train);
  const schema: CsvSchema = { version: 1, fileName: table.fileName, columns: fitted, labelIndex: label, classNames, featureNames: encodedNames(fitted) };
  const target = regression ? fitTarget(table.columns[label], gatherValues((read.value as Targets).values, split.train)) : undefined;
  if (target !== undefined) schema.target = target;
  if (remap !== null && options.rareClasses === 'merge') schema.merged = remap.changed;
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
  if (validation.length > 0) {
    data.validation = {
      features: encodeRows(schema, table.rows, validation, table.columns.map((_, i) => i), comma(table), parsed),
      labels: gather(labels.value.ids, validation),
      rows: validation.length,
    };
  }
  if (target !== undefined) {
    // z = (y - mean) / sd of the training rows, for every split (the test rows from their own file when there is one).
    const values = (read.value as Targets).values;
    const testValues = (source.labels as Targets).values;
    data.target = target;
    data.train.targets = standardizeTarget(gatherValues(values, split.train), target);
    data.test.targets = standardizeTarget(gatherValues(testValues, split.test), target);
    if (data.validation) data.validation.targets = standardizeTarget(gatherValues(values, validation), target);
  }
  const preview = makePreview(table, schema, data, warnings, labels.value.missing, testTable !== undefined);
  preview.labelReason = resolved.value.reason;
  preview.task = resolved.value.task;
  if (resolved.value.switchable) preview.taskSwitch = true;
  if (target !== undefined) preview.target = target;
  if (table.encodingReason !== undefined) preview.encodingReason = table.encodingReason;
  preview.labelAlternatives = resolved.value.alternatives;
  if (rare.value.rare.length > 0) preview.rare = { classes: rare.value.rare, min: MIN_CLASS_ROWS };
  const testOrigin = { file: source.table === table ? 'main' : 'test', rows: split.test, columnMap: source.columnMap } as const;
  return { ok: true, value: { data, schema, preview, testOrigin } };
}

/** The training rows split once more into train and validation, when asked (a fraction > 0). */
function holdOutValidation(labels: Labelled, split: SplitIndices, options: DatasetOptions): ParseResult<{ split: SplitIndices; validation: Int32Array }> {
  const fraction = options.validationFraction ?? 0;
  if (!(fraction >= 0 && fraction <= MAX_VALIDATION_FRACTION)) {
    return { ok: false, reason: msg('csv.bad-validation-fraction', { fraction, max: MAX_VALIDATION_FRACTION }) };
  }
  if (fraction === 0) return { ok: true, value: { split, validation: new Int32Array(0) } };
  const carved = carveValidation(labels.ids, split.train, labels.classNames.length, fraction, options.seed ?? DEFAULT_SEED);
  return { ok: true, value: { split: { train: carved.train, test: split.test }, validation: carved.validation } };
}

function makePreview(
  table: RawTable,
  schema: CsvSchema,
  data: ClassificationData,
  warnings: Message[],
  droppedNoLabel: number,
  testFile: boolean,
): CsvPreview {
  const balance: ClassCount[] = (schema.target ? [] : schema.classNames).map((className) => ({ className, train: 0, test: 0, ...(data.validation ? { validation: 0 } : {}) }));
  if (balance.length > 0) {
    for (const id of data.train.labels) balance[id].train++;
    for (const id of data.validation?.labels ?? []) balance[id].validation = (balance[id].validation ?? 0) + 1;
    for (const id of data.test.labels) balance[id].test++;
  }
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
    validationRows: data.validation?.rows ?? 0,
    testSource: testFile ? 'file' : 'split',
    warnings,
  };
}
