/**
 * A regression label: each row's number (DNNRegressor's label column), plain or formatted
 * (`$250,000`, as values.ts parseQuantity reads it). A row whose label
 * is missing is dropped as for classes; a row whose label is text is dropped too, with a
 * warning naming the first; a column with fewer than two different numbers is refused.
 * The rows keep class id 0 (one "class") so the seeded splits (split.ts) stay as they
 * are: stratifying by a single class is a plain seeded shuffle.
 */
import { msg, type Message } from '../../shared/message';
import type { ParseResult, RawTable } from './types';
import type { Labelled } from './labels';
import { isMissing, parseQuantity } from './values';

/** Labelled with one class (the label's name) and each row's number; NaN where the row is dropped (id -1). */
export interface Targets extends Labelled {
  values: Float64Array;
}

/**
 * Each row's label as a number. `first` is the main file's first text cell when it
 * must be an error (regression asked for a column of words): then the reason names it.
 */
export function readTargets(table: RawTable, labelIndex: number, warnings: Message[]): ParseResult<Targets> {
  const label = table.columns[labelIndex];
  const decimalComma = table.delimiter !== ',';
  const n = table.rows.length;
  const values = new Float64Array(n);
  const ids = new Int32Array(n);
  let missing = 0;
  let bad = 0;
  let firstBad: { value: string; line: number } | null = null;
  const distinct = new Set<number>();
  for (let r = 0; r < n; r++) {
    const cell = table.rows[r][labelIndex];
    if (isMissing(cell)) {
      values[r] = NaN;
      ids[r] = -1;
      missing++;
      continue;
    }
    const v = parseQuantity(cell.trim(), decimalComma);
    if (!Number.isFinite(v)) {
      values[r] = NaN;
      ids[r] = -1;
      bad++;
      firstBad ??= { value: cell.trim(), line: table.lines[r] };
      continue;
    }
    values[r] = v;
    if (distinct.size < 2) distinct.add(v);
  }
  // More words than numbers: a column of classes, not a quantity with a few typos.
  if (firstBad !== null && bad >= n - missing - bad) {
    return { ok: false, reason: msg('csv.regression-not-numeric', { file: table.fileName, label, ...firstBad }) };
  }
  if (distinct.size < 2) return { ok: false, reason: msg('csv.target-constant', { file: table.fileName, label, distinct: distinct.size }) };
  if (firstBad !== null) warnings.push(msg('csv.target-not-numbers', { file: table.fileName, label, count: bad, ...firstBad }));
  return { ok: true, value: { classNames: [label], ids, missing, values } };
}
