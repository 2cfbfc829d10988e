/**
 * A person's CSV as a DataSource: the encoded numbers from src/ml/csv, the preview the
 * page shows, the form's inputs (one per feature column, before one-hot) encoded with the
 * schema the model trains with, and a file of rows classified the same way. The parsed
 * tables are kept, so another label column or split re-builds without re-reading; another
 * encoding reads the files again. Registered in registry.ts.
 */
import { msg } from '../../shared/message';
import { orThrow, reasonError } from '../../shared/result';
import type { CsvSchema } from '../../shared/csv';
import type { CsvChoices } from '../../shared/types';
import { csvTestSource, csvView } from '../analysis/inputView';
import { csvSessionDataset } from '../app/sessionRecord';
import type { SessionDataset } from '../checkpoint/types';
import { buildDataset, loadCsv, type LoadedCsv } from '../csv';
import { encodeInputs, featureInputs } from '../csv/predict';
import { checkFileSize } from '../csv/readTable';
import { predictFile } from './predictFile';
import type { DataSource, NamedBlob, OpenContext } from './source';

/** The files behind a CSV data set and the encoding they were read with. */
interface CsvFiles {
  file: NamedBlob;
  testFile?: NamedBlob;
  encoding: CsvChoices['encoding'];
}

/** Read a CSV (and optionally a separate test file) and build the data set with the person's choices. */
export async function openCsv(file: NamedBlob, testFile: NamedBlob | undefined, choices: CsvChoices, ctx: OpenContext): Promise<DataSource> {
  for (const f of testFile ? [file, testFile] : [file]) {
    const size = checkFileSize(f.size, f.name);
    if (!size.ok) throw reasonError(size.reason);
  }
  ctx.progress(file.name, 0);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const test = testFile ? { bytes: new Uint8Array(await testFile.arrayBuffer()), fileName: testFile.name } : undefined;
  const loaded = orThrow(loadCsv(bytes, file.name, { ...csvOptions(choices), onProgress: (p) => ctx.progress(p.fileName, p.bytesRead / p.totalBytes) }, test));
  return csvSource(loaded, { file, testFile, encoding: choices.encoding }, choices, await storedCsv(file, testFile, choices));
}

function csvSource(csv: LoadedCsv, files: CsvFiles, choices: CsvChoices, stored: SessionDataset): DataSource {
  const { data, schema, preview } = csv;
  const inputs = featureInputs(schema);
  const at = new Map(csv.table.columns.map((name, i) => [name, i] as const));
  const label = schema.columns[schema.labelIndex].name;
  const shown = [...inputs.map((i) => i.name), label].map((name) => at.get(name) ?? -1);
  const splitNote =
    preview.testSource === 'file'
      ? msg('app.split-csv-file', { file: csv.testTable?.fileName ?? '' })
      : msg('app.split-csv', { test: preview.testRows, rows: preview.trainRows + preview.testRows + (preview.validationRows ?? 0), validation: preview.validationRows ?? 0 });
  return {
    data,
    family: 'iris',
    stored,
    choices: structuredClone(choices),
    record: {
      schema,
      csvFileName: csv.table.fileName,
      csvFormat: { delimiter: preview.delimiter, encoding: preview.encoding, header: preview.header, testFraction: splitFraction(csv), validationFraction: validationFraction(csv) },
    },
    pictures: false,
    summary: {
      source: 'csv',
      name: data.name,
      inputs,
      // A regression's one output is no class.
      classNames: data.target ? [] : data.classNames,
      ...(data.target ? { task: 'regression' as const, target: data.target } : {}),
      trainRows: data.train.rows,
      testRows: data.test.rows,
      validationRows: data.validation?.rows ?? 0,
      splitNote,
      preview: preview.firstRows.map((row) => shown.map((c) => (c >= 0 ? (row[c] ?? '') : ''))),
      csv: preview,
    },
    encodeInput: (values) => encodeInputs(schema, values),
    view: (withCells) => csvView(csv, withCells ? csvTestSource(csv) : null),
    predictFile: (bytes, fileName, probabilities) => predictFile(probabilities, schema, bytes, fileName),
    configure: async (next, ctx) => {
      // Another encoding changes the text itself: read the files again.
      if ((next.encoding ?? 'auto') !== (files.encoding ?? 'auto')) return openCsv(files.file, files.testFile, next, ctx);
      const { table, testTable } = csv;
      const built = orThrow(buildDataset(table, csvOptions(next), testTable));
      return csvSource({ ...built, table, testTable }, files, next, await storedCsv(files.file, files.testFile, next));
    },
  };
}

/** The test fraction a split CSV was built with (undefined when a test file was given). */
function splitFraction(csv: LoadedCsv): number | undefined {
  const { testSource, testRows, trainRows, validationRows = 0 } = csv.preview;
  const rows = trainRows + validationRows + testRows;
  return testSource === 'split' && rows > 0 ? Math.round((100 * testRows) / rows) / 100 : undefined;
}

/** The share of the training rows held out for validation, to 2 decimals (0 = none). */
function validationFraction(csv: LoadedCsv): number {
  const { trainRows, validationRows = 0 } = csv.preview;
  return trainRows + validationRows > 0 ? Math.round((100 * validationRows) / (trainRows + validationRows)) / 100 : 0;
}

/** The page state's record of the CSV files (their bytes, when small enough to keep). */
async function storedCsv(file: NamedBlob, testFile: NamedBlob | undefined, choices: CsvChoices): Promise<SessionDataset> {
  const read = async (f: NamedBlob) => ({ name: f.name, bytes: await f.arrayBuffer() });
  return csvSessionDataset(await read(file), testFile && (await read(testFile)), choices);
}

/**
 * The stored CSV `source` rebuilt to fit the checkpoint's `schema` when the file, read again
 * by newer rules, gives other inputs or classes (a label guessed by name, a date column
 * that is now a feature, a column of years that was a row number): the schema's label
 * column, and its left-out columns left out. Unchanged when it fits, or when it cannot be
 * made to (the restore then fails and says so, as before).
 */
export async function fitSchema(source: DataSource, stored: SessionDataset, schema: CsvSchema | undefined, ctx: OpenContext): Promise<DataSource> {
  if (schema === undefined || stored.source !== 'csv' || !source.configure) return source;
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (same(source.data.featureNames, schema.featureNames) && same(source.data.classNames, schema.classNames)) return source;
  const label = schema.columns[schema.labelIndex]?.name;
  const left = schema.columns.filter((c) => c.role === 'ignored' && (c.ignoreCause === 'excluded' || c.ignoreCause === 'dates' || c.ignoreCause === 'identifier'));
  const choices: CsvChoices = { ...stored.choices, labelColumn: label, excluded: left.map((c) => c.name) };
  try {
    const fitted = await source.configure(choices, ctx);
    return same(fitted.data.featureNames, schema.featureNames) && same(fitted.data.classNames, schema.classNames) ? fitted : source;
  } catch {
    return source;
  }
}

/** The person's choices as the CSV pipeline's options. */
function csvOptions(choices: CsvChoices) {
  return {
    encoding: choices.encoding,
    labelColumn: choices.labelColumn,
    excluded: choices.excluded,
    testFraction: choices.testFraction,
    // Absent: none. The page always says (its `validation` setting, 0.2 unless changed); a
    // session stored before validation splits existed was split without one, and must re-open as it was.
    validationFraction: choices.validationFraction ?? 0,
    rareClasses: choices.rareClasses,
    task: choices.task,
  };
}
