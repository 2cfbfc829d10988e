/**
 * "Bring your own CSV": the one entry point of src/ml/csv. `loadCsv` does both steps;
 * the page keeps the RawTables it returns and re-runs `buildDataset` alone when the
 * person changes the label column, the excluded columns or the split.
 *
 *   bytes --readTable--> RawTable --buildDataset--> { data, schema, preview }
 *
 * Pure and DOM-free: runs in the worker and under Vitest in Node.
 */
import { buildDataset } from './dataset';
import { readTable } from './readTable';
import type { BuiltDataset, DatasetOptions, ParseResult, RawTable, ReadOptions } from './types';

export type * from './types';
export { readTable, checkFileSize, MAX_FILE_BYTES } from './readTable';
export { buildDataset, DEFAULT_SEED, DEFAULT_TEST_FRACTION } from './dataset';
export { encodeRow, type CellValue } from './encode';
export { encodeInputs, encodeTableForPrediction, featureInputs, type EncodedRows, type FeatureInput } from './predict';
export { numbersToCsv, predictionsToCsv, readPredictionsCsv, csvCell, type PredictionsTable } from './export';
export { detectEncoding } from './sniff';
export { createChunkDecoder, type ChunkDecoder } from './decode';
export { detectDelimiter } from './delimiter';
export { parseCsvText } from './tokenize';
export { isMissing, parseNumber, MISSING_TOKENS } from './values';
export { benchCsv, syntheticCsv, type BenchResult } from '../../../bench/csv';

export type LoadOptions = ReadOptions & DatasetOptions;

/** Both tables (kept for re-running buildDataset) and the built data set. */
export interface LoadedCsv extends BuiltDataset {
  table: RawTable;
  testTable?: RawTable;
}

/**
 * Read `bytes` (and, optionally, a test file) and build the data set. Read options
 * (encoding, delimiter, header) apply to both files; progress is reported per file.
 * Returns a reason naming the file (and line or column) instead of throwing.
 */
export function loadCsv(
  bytes: Uint8Array,
  fileName: string,
  options: LoadOptions = {},
  test?: { bytes: Uint8Array; fileName: string },
): ParseResult<LoadedCsv> {
  const table = readTable(bytes, fileName, options);
  if (!table.ok) return table;
  let testTable: RawTable | undefined;
  if (test !== undefined) {
    const read = readTable(test.bytes, test.fileName, options);
    if (!read.ok) return read;
    testTable = read.value;
  }
  const built = buildDataset(table.value, options, testTable);
  if (!built.ok) return built;
  return { ok: true, value: { ...built.value, table: table.value, testTable } };
}
