/**
 * What the quality benches share (quality-bench.test.ts: classes, quality-bench-regression.test.ts:
 * numbers): public tables shipped in the `vega-datasets` npm package, as the bytes of the
 * CSV a person would drop (JSON files become CSV text first, jsonToCsv); the page's defaults
 * they train with; one run of the network on a split; the table's number format.
 */
import { readFileSync } from 'node:fs';
import { runPlan } from '../../src/client/runPlan';
import { DEFAULTS, modelConfig } from '../../src/client/settings';
import type { LoadedCsv } from '../../src/ml/csv/index';
import { Session, type RunEndInfo } from '../../src/ml/train/session';
import type { MeanSd } from '../../src/shared/cv';
import type { Evaluation } from '../../src/shared/types';
import { english } from '../unit/words';

/** The page's defaults; QUALITY_PATIENCE (epochs, 0 = off) only to see what early stopping costs, never for the tables. */
export const SETTINGS = {
  ...DEFAULTS.csv,
  ...(process.env.QUALITY_PATIENCE === undefined ? {} : { patience: Number(process.env.QUALITY_PATIENCE) }),
  // QUALITY_SETTINGS='{"l2":0.001}': any settings over the defaults, to try a default change on every set before making it.
  ...(JSON.parse(process.env.QUALITY_SETTINGS ?? '{}') as Partial<typeof DEFAULTS.csv>),
};

export const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The network with the CSV defaults on one split (the fused engine, the page's run plan): its last test evaluation and how the run ended. */
export async function runDefaults(loaded: LoadedCsv): Promise<{ test: Evaluation; end: RunEndInfo; plannedSteps: number }> {
  const plan = runPlan(SETTINGS, loaded.data.train.rows);
  let test: Evaluation | null = null;
  let ended: RunEndInfo | null = null;
  const session = new Session(
    loaded.data,
    modelConfig(SETTINGS),
    {
      yieldToEvents: tick,
      progress: (p) => {
        for (const e of p.evaluations) if (e.split === 'test') test = e;
      },
      runEnd: (e) => (ended = e),
    },
    'fused',
  );
  try {
    await session.train(1, plan.steps, plan.evalEvery, plan.patience);
  } finally {
    session.dispose();
  }
  const end = ended as RunEndInfo | null;
  const last = test as Evaluation | null;
  if (end?.end !== 'done' || !last) throw new Error(`run ended ${end?.end ?? 'without an end'}${end?.message ? `: ${english(end.message)}` : ''}`);
  return { test: last, end, plannedSteps: plan.steps };
}

const f3 = (v: number) => v.toFixed(3);
/** A mean ± sd as the tables print it. */
export const pm = (m: MeanSd) => `${f3(m.mean)} ± ${f3(m.sd)}`;
export { f3 };

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
