/** CSV text -> RawTable -> built data set, throwing the worded reason: what the CSV unit tests start from. */
import { buildDataset } from '../../src/ml/csv/dataset';
import { readTable } from '../../src/ml/csv/readTable';
import type { DatasetOptions, RawTable } from '../../src/ml/csv/types';
import { reasonError } from '../../src/shared/result';

export const utf8 = (text: string) => new TextEncoder().encode(text);

export function table(text: string, fileName = 'data.csv'): RawTable {
  const read = readTable(utf8(text), fileName);
  if (!read.ok) throw reasonError(read.reason);
  return read.value;
}

export function build(text: string, options?: DatasetOptions, testText?: string) {
  const built = buildDataset(table(text), options, testText === undefined ? undefined : table(testText, 'test.csv'));
  if (!built.ok) throw reasonError(built.reason);
  return built.value;
}
