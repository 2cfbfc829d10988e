/**
 * Is the first record column names, data, or TensorFlow's `<rows>,<features>,<classes...>`
 * line? Files from numeric instruments often have no header; TensorFlow's tutorials use
 * the count line; everything else has names. Guessed by comparing the first record with
 * the records below it, column by column.
 */
import type { HeaderKind } from './types';
import { isMissing, parseNumber } from './values';

/** Records below the first one compared against it. */
const LOOK_AHEAD = 50;

const NON_NEGATIVE_INT = /^\d+$/;

/**
 * True when `first` reads as a TensorFlow header for the records after it: two
 * non-negative integers N, F with F >= 1, the other records have F + 1 fields, and
 * either N is the number of those records or the line cannot be a data row (its
 * length differs, or it holds class names that are not numbers).
 */
export function isTensorFlowFirstRecord(first: readonly string[], dataCounts: readonly number[], dataRows: number): boolean {
  if (first.length < 2) return false;
  const n = first[0].trim();
  const f = first[1].trim();
  if (!NON_NEGATIVE_INT.test(n) || !NON_NEGATIVE_INT.test(f)) return false;
  const features = Number(f);
  if (features < 1 || dataCounts.length === 0) return false;
  const agree = dataCounts.filter((c) => c === features + 1).length;
  if (agree < dataCounts.length * 0.5) return false;
  const namesAreText = first.slice(2).some((c) => !isMissing(c) && Number.isNaN(parseNumber(c)));
  return Number(n) === dataRows || first.length !== features + 1 || namesAreText;
}

/**
 * 'names' or 'none' for `first` given the records after it. No header when every cell
 * of the first record is a number or missing (and at least one is a number): the
 * "all numeric like the others" case. Otherwise column by column: a text cell above a
 * numeric column votes for a header; a text value that recurs below it votes for data
 * (`red,small,yes` followed by more colours and sizes). A header unless data wins.
 */
export function detectNamesOrNone(first: readonly string[], rest: readonly (readonly string[])[], decimalComma: boolean): HeaderKind {
  let numbers = 0;
  let texts = 0;
  for (const cell of first) {
    if (isMissing(cell)) continue;
    if (Number.isNaN(parseNumber(cell, decimalComma))) texts++;
    else numbers++;
  }
  if (texts === 0) return numbers > 0 ? 'none' : 'names';
  const sample = rest.slice(0, LOOK_AHEAD);
  let votes = 0;
  for (let c = 0; c < first.length; c++) {
    const head = first[c].trim();
    if (head === '' || !Number.isNaN(parseNumber(head, decimalComma))) continue;
    let numeric = 0;
    let present = 0;
    let recurs = false;
    for (const row of sample) {
      const cell = row[c];
      if (cell === undefined || isMissing(cell)) continue;
      present++;
      if (!Number.isNaN(parseNumber(cell, decimalComma))) numeric++;
      else if (cell.trim() === head) recurs = true;
    }
    if (present > 0 && numeric === present) votes++;
    else if (recurs) votes--;
  }
  return votes >= 0 ? 'names' : 'none';
}
