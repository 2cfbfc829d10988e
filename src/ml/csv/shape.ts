/**
 * Records -> a rectangle with column names: reads the first record as names, data or a
 * TensorFlow count line (header.ts), then makes every row as wide as the header.
 * A few ragged rows (a stray delimiter, a cut-off last line) are skipped and counted;
 * many mean the file was misread, and the reason names their lines.
 */
import { detectNamesOrNone, isTensorFlowFirstRecord } from './header';
import type { Delimiter, HeaderKind, ParseResult, RawTable } from './types';
import { defaultNames, isMissing, uniqueNames } from './values';
import { msg, type Message } from '../../shared/message';

/** Ragged rows are skipped when fewer than this fraction of the rows; else the file is rejected. */
export const RAGGED_LIMIT = 0.05;
/**
 * Most columns a file may have. Reading is linear in cells (a 100,000-column file is read
 * in seconds under Node), but every feature is a field of the page's prediction form and
 * an input of the network; at 5,000 columns the page takes a few seconds to show a file
 * on a busy two-core machine (npm run bench measures it), past that tens of seconds.
 */
export const MAX_COLUMNS = 5000;
/** Line numbers listed in a message before "and N more". */
const LIST_LINES = 10;

type Shaped = Omit<RawTable, 'fileName' | 'encoding' | 'delimiter'>;

/** Line numbers for a message: the first LIST_LINES, and how many more there are. */
export function listLines(lines: readonly number[]): { lines: number[]; more: number } {
  return { lines: lines.slice(0, LIST_LINES), more: Math.max(0, lines.length - LIST_LINES) };
}

function modalCount(records: readonly (readonly string[])[], from: number): number {
  const tally = new Map<number, number>();
  let best = 0;
  let mode = 0;
  for (let r = from; r < records.length; r++) {
    const k = (tally.get(records[r].length) ?? 0) + 1;
    tally.set(records[r].length, k);
    if (k > best) {
      best = k;
      mode = records[r].length;
    }
  }
  return mode;
}

function resolveHeader(records: readonly string[][], delimiter: Delimiter, forced: HeaderKind | 'auto'): HeaderKind {
  if (forced !== 'auto') return forced;
  const counts = records.slice(1, 51).map((r) => r.length);
  if (isTensorFlowFirstRecord(records[0], counts, records.length - 1)) return 'tensorflow';
  return detectNamesOrNone(records[0], records.slice(1, 51), delimiter !== ',');
}

/**
 * Shape `records` (consumed: rows are trimmed in place) into named columns. `lines[r]`
 * is the 1-based line of record r. Fewer than `minColumns` columns is an error (a
 * training file needs a feature and a label; a file to classify may have one column).
 */
export function shapeTable(
  records: string[][],
  lines: number[],
  fileName: string,
  delimiter: Delimiter,
  forcedHeader: HeaderKind | 'auto',
  minColumns = 2,
): ParseResult<Shaped> {
  const header = resolveHeader(records, delimiter, forcedHeader);
  const warnings: Message[] = [];
  const first = records[0];
  const dataFrom = header === 'none' ? 0 : 1;
  const modal = modalCount(records, dataFrom);
  let columns: string[];
  let tensorflowClasses: string[] | undefined;

  switch (header) {
    case 'tensorflow': {
      const features = Number(first[1]?.trim());
      if (!Number.isInteger(features) || features < 1 || !/^\d+$/.test(first[0]?.trim() ?? '')) {
        return { ok: false, reason: msg('csv.tf-header', { file: fileName, line: lines[0] }) };
      }
      columns = [...defaultNames(features), 'class'];
      tensorflowClasses = first.slice(2).map((c) => c.trim()).filter((c) => c !== '');
      const declared = Number(first[0].trim());
      if (declared !== records.length - 1) {
        warnings.push(msg('csv.tf-row-count', { line: lines[0], declared, rows: records.length - 1 }));
      }
      break;
    }
    case 'names': {
      let names = first;
      // `a,b,c,` over rows of 3 values: the trailing empty names are not columns.
      while (names.length > modal && names.length > 1 && names[names.length - 1].trim() === '') names = names.slice(0, -1);
      const unique = uniqueNames(names);
      columns = unique.names;
      warnings.push(...unique.notes);
      break;
    }
    case 'none':
      columns = defaultNames(modal);
      warnings.push(msg('csv.no-header', { file: fileName, columns: modal }));
      break;
    default: {
      const never: never = header;
      return never;
    }
  }
  const width = columns.length;
  if (width > MAX_COLUMNS) {
    return { ok: false, reason: msg('csv.too-many-columns', { file: fileName, columns: width, max: MAX_COLUMNS }) };
  }
  const headerCells = header === 'none' ? [] : first.slice();

  // Make rows `width` wide: extra cells that are all blank (a trailing delimiter) are dropped.
  const rows: string[][] = [];
  const rowLines: number[] = [];
  const ragged: number[] = [];
  for (let r = dataFrom; r < records.length; r++) {
    let cells = records[r];
    if (cells.length > width && cells.slice(width).every((c) => c.trim() === '')) cells = cells.slice(0, width);
    if (cells.length === width) {
      rows.push(cells);
      rowLines.push(lines[r]);
    } else ragged.push(lines[r]);
  }
  const total = rows.length + ragged.length;

  if (total === 0) {
    return { ok: false, reason: msg('csv.header-only', { file: fileName, line: lines[0] }) };
  }
  if (width < minColumns) {
    return { ok: false, reason: msg('csv.one-column', { file: fileName }) };
  }
  if (ragged.length > 0 && ragged.length >= total * RAGGED_LIMIT) {
    if (header !== 'none' && modal !== width && rows.length < ragged.length) {
      return { ok: false, reason: msg('csv.header-mismatch', { file: fileName, line: lines[0], names: width, values: modal, delimiter }) };
    }
    const params = { file: fileName, ragged: ragged.length, total, width, limit: RAGGED_LIMIT, ...listLines(ragged) };
    return { ok: false, reason: msg('csv.ragged-rows', params) };
  }
  if (ragged.length > 0) {
    warnings.push(msg('csv.skipped-ragged', { count: ragged.length, width, ...listLines(ragged) }));
  }
  if (rows.every((row) => row.every((c) => isMissing(c)))) {
    return { ok: false, reason: msg('csv.no-values', { file: fileName }) };
  }
  return { ok: true, value: { header, columns, headerCells, rows, lines: rowLines, tensorflowClasses, skippedLines: ragged, warnings } };
}
