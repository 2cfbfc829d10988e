/**
 * A person's CSV as a Session loads it: the encoded numbers from src/ml/csv, the
 * preview the page shows, and the form's inputs (one per feature column, before
 * one-hot), encoded with the schema the model trains with.
 */
import type { CsvChoices } from '../../shared/types';
import { csvSessionDataset, type SessionDataset } from '../checkpoint';
import type { LoadedCsv } from '../csv';
import type { NamedBlob } from './sources';
import { encodeInputs, featureInputs } from '../csv/predict';
import type { LoadedDataset } from './data';

export function csvDataset(csv: LoadedCsv): LoadedDataset {
  const { data, schema, preview } = csv;
  const inputs = featureInputs(schema);
  const at = new Map(csv.table.columns.map((name, i) => [name, i] as const));
  const label = schema.columns[schema.labelIndex].name;
  const shown = [...inputs.map((i) => i.name), label].map((name) => at.get(name) ?? -1);
  const splitNote =
    preview.testSource === 'file'
      ? `${csv.testTable?.fileName ?? 'the test file'} is the test set.`
      : `A stratified, seeded split: ${preview.testRows} of ${preview.trainRows + preview.testRows} rows held out for testing.`;
  return {
    data,
    summary: {
      source: 'csv',
      name: data.name,
      inputs,
      classNames: data.classNames,
      trainRows: data.train.rows,
      testRows: data.test.rows,
      validationRows: 0,
      splitNote,
      preview: preview.firstRows.map((row) => shown.map((c) => (c >= 0 ? (row[c] ?? '') : ''))),
      csv: preview,
    },
    encodeInput: (values) => encodeInputs(schema, values),
  };
}

/** The test fraction a split CSV was built with (undefined when a test file was given). */
export function splitFraction(csv: LoadedCsv): number | undefined {
  const { testSource, testRows, trainRows } = csv.preview;
  return testSource === 'split' && trainRows + testRows > 0 ? Math.round((100 * testRows) / (trainRows + testRows)) / 100 : undefined;
}

/** The page state's record of the CSV files (their bytes, when small enough to keep). */
export async function storedCsv(file: NamedBlob, testFile: NamedBlob | undefined, choices: CsvChoices): Promise<SessionDataset> {
  const read = async (f: NamedBlob) => ({ name: f.name, bytes: await f.arrayBuffer() });
  return csvSessionDataset(await read(file), testFile && (await read(testFile)), choices);
}

/** The person's choices as the CSV pipeline's options. */
export function csvOptions(choices: CsvChoices) {
  return {
    encoding: choices.encoding,
    labelColumn: choices.labelColumn,
    excluded: choices.excluded,
    testFraction: choices.testFraction,
  };
}
