/**
 * A tiny benchmark of the CSV pipeline on a synthetic file, so its speed on a large
 * file (100,000 rows x 20 columns by default) can be measured in a test log or from the
 * console, without a wall-clock assertion that would make tests flaky.
 */
import { mulberry32 } from '../src/ml/model/rng';
import { buildDataset } from '../src/ml/csv/dataset';
import { readTable } from '../src/ml/csv/readTable';

/**
 * UTF-8 bytes of a CSV with a header, `columns - 1` numeric features (3 decimals) and a
 * class label `a`/`b`/`c` in the last column; deterministic for a seed.
 */
export function syntheticCsv(rows: number, columns: number, seed = 1): Uint8Array {
  const random = mulberry32(seed);
  const lines: string[] = [];
  const names = Array.from({ length: columns - 1 }, (_, i) => `f${i + 1}`);
  lines.push([...names, 'class'].join(','));
  const classes = ['a', 'b', 'c'];
  const cells: string[] = new Array<string>(columns);
  for (let r = 0; r < rows; r++) {
    const k = Math.floor(random() * 3);
    for (let c = 0; c < columns - 1; c++) cells[c] = (random() * 10 + k).toFixed(3);
    cells[columns - 1] = classes[k];
    lines.push(cells.join(','));
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

export interface BenchResult {
  rows: number;
  columns: number;
  bytes: number;
  /** Milliseconds of readTable (decode, tokenize, header) and of buildDataset (infer, split, encode). */
  readMs: number;
  buildMs: number;
  ok: boolean;
}

/** Time both steps on `syntheticCsv(rows, columns)`. */
export function benchCsv(rows = 100_000, columns = 20): BenchResult {
  const bytes = syntheticCsv(rows, columns);
  const t0 = performance.now();
  const table = readTable(bytes, 'bench.csv');
  const t1 = performance.now();
  const built = table.ok ? buildDataset(table.value) : table;
  const t2 = performance.now();
  return { rows, columns, bytes: bytes.length, readMs: t1 - t0, buildMs: t2 - t1, ok: built.ok };
}
