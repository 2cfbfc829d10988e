/**
 * The quality benches' data (quality-bench.test.ts: classes, quality-bench-regression.test.ts:
 * numbers): public tables shipped in the `vega-datasets` npm package, as the bytes of the
 * CSV a person would drop. JSON files become CSV text first (jsonToCsv).
 */
import { readFileSync } from 'node:fs';

export const VEGA_DATA = 'node_modules/vega-datasets/data';

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** How a column's values are written: gapminder's cluster ids become names ("region 3"), so they are classes or categories, not numbers. */
export type CellText = Record<string, (value: unknown) => string>;

/** An array of flat records as CSV text: the union of their keys, in first-seen order; `text` rewrites the named columns' present values. */
export function jsonToCsv(records: Record<string, unknown>[], text: CellText = {}): string {
  const keys: string[] = [];
  for (const r of records) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  const cell = (k: string, v: unknown) => csvCell(text[k] && v !== null && v !== undefined ? text[k](v) : v);
  const rows = records.map((r) => keys.map((k) => cell(k, r[k])).join(','));
  return [keys.map(csvCell).join(','), ...rows].join('\n');
}

/** A file under VEGA_DATA (or a path with a slash, as it is) as CSV bytes. */
export function csvBytes(file: string, text: CellText = {}): Uint8Array {
  const path = file.includes('/') ? file : `${VEGA_DATA}/${file}`;
  const raw = readFileSync(path, 'utf8');
  const csv = file.endsWith('.json') ? jsonToCsv(JSON.parse(raw) as Record<string, unknown>[], text) : raw;
  return new TextEncoder().encode(csv);
}
