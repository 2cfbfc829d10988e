/**
 * Which character separates the fields: comma, semicolon (European spreadsheets, whose
 * decimal separator is the comma), tab or pipe. The one that splits the first records
 * into the same number of fields, counted outside quotes, wins.
 */
import { CsvTokenizer } from './tokenize';
import type { Delimiter } from './types';
import { parseNumber } from './values';

/** Candidates in tie-break order. `;` beats `,` on a tie because `5,1;3,5;...` (decimal commas)
 * splits evenly on both; `\t` first because tabs in data are rare. */
export const DELIMITERS: readonly Delimiter[] = ['\t', ';', ',', '|'];

/** Records looked at; enough to see a pattern, few enough to stay instant. */
const SAMPLE_RECORDS = 50;

export interface DelimiterScore {
  delimiter: Delimiter;
  /** The most common number of fields per record. */
  fields: number;
  /** Fraction of sampled records with that number of fields. */
  consistency: number;
  /** Fraction of sampled fields that read as numbers (decimal commas allowed unless ','). */
  numeric: number;
}

/**
 * How evenly `delimiter` splits the first records of `sample`. A record cut off at the
 * end of a partial sample (`complete` false), or one inside an unclosed quote, is not counted.
 */
export function scoreDelimiter(sample: string, delimiter: Delimiter, complete: boolean): DelimiterScore {
  const counts: number[] = [];
  let cellsSeen = 0;
  let numbers = 0;
  const decimalComma = delimiter !== ',';
  const tokenizer = new CsvTokenizer(delimiter, (cells) => {
    if (counts.length >= SAMPLE_RECORDS) return;
    counts.push(cells.length);
    for (const cell of cells) {
      cellsSeen++;
      if (!Number.isNaN(parseNumber(cell, decimalComma))) numbers++;
    }
  });
  tokenizer.push(sample);
  if (complete) tokenizer.end();
  const tally = new Map<number, number>();
  for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
  let fields = 1;
  let best = 0;
  for (const [c, k] of tally) {
    if (k > best || (k === best && c > fields)) {
      fields = c;
      best = k;
    }
  }
  return {
    delimiter,
    fields,
    consistency: counts.length === 0 ? 0 : best / counts.length,
    numeric: cellsSeen === 0 ? 0 : numbers / cellsSeen,
  };
}

/**
 * The delimiter of `sample` (the start of the file's text), among candidates giving at
 * least 2 fields: the most consistent field count wins; on a tie, the one whose fields
 * are more often numbers (`5,1;3,5` is two decimal-comma numbers split on `;`, but `1;3`
 * split on `,` is no number); then more fields; then DELIMITERS order. Falls back to ','
 * when nothing splits (a single-column file: readTable reports it).
 */
export function detectDelimiter(sample: string, complete: boolean): Delimiter {
  let best: DelimiterScore | null = null;
  for (const d of DELIMITERS) {
    const s = scoreDelimiter(sample, d, complete);
    if (s.fields < 2) continue;
    if (best === null || better(s, best)) best = s;
  }
  return best === null ? ',' : best.delimiter;
}

function better(a: DelimiterScore, b: DelimiterScore): boolean {
  if (a.consistency !== b.consistency) return a.consistency > b.consistency;
  if (a.numeric !== b.numeric) return a.numeric > b.numeric;
  return a.fields > b.fields;
}
