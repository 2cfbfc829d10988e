/**
 * Wide files (issue 19, item 2): a file at the column limit loads whole, one past it is
 * refused naming the file and its width, and the page's windowed column table renders a
 * screenful of rows whatever the width.
 */
import { describe, expect, it } from 'vitest';
import { syntheticCsv } from '../../bench/csv';
import { buildDataset } from '../../src/ml/csv/dataset';
import { readTable } from '../../src/ml/csv/readTable';
import { MAX_COLUMNS } from '../../src/ml/csv/shape';
import { rowWindow } from '../../src/components/common/useWindowedRows';

describe('a wide file', () => {
  it(`loads at the limit of ${MAX_COLUMNS} columns, every column a feature`, () => {
    const read = readTable(syntheticCsv(6, MAX_COLUMNS), 'wide.csv');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.columns).toHaveLength(MAX_COLUMNS);
    const built = buildDataset(read.value);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.value.data.featureNames).toHaveLength(MAX_COLUMNS - 1);
    expect(built.value.data.train.features.every(Number.isFinite)).toBe(true);
  });

  it('is refused one column past the limit, naming the file and its columns', () => {
    const read = readTable(syntheticCsv(3, MAX_COLUMNS + 1), 'too-wide.csv');
    expect(read).toEqual({ ok: false, reason: { code: 'csv.too-many-columns', params: { file: 'too-wide.csv', columns: MAX_COLUMNS + 1, max: MAX_COLUMNS } } });
  });

  it('is refused without a header too (the width is the rows\')', () => {
    const row = Array.from({ length: MAX_COLUMNS + 5 }, (_, i) => String(i % 7)).join(',');
    const read = readTable(new TextEncoder().encode(`${row}\n${row}\n`), 'numbers.csv');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatchObject({ code: 'csv.too-many-columns', params: { columns: MAX_COLUMNS + 5 } });
  });
});

describe('the windowed column table', () => {
  it('renders every row of a short table', () => {
    expect(rowWindow(50, 0)).toMatchObject({ windowed: false, start: 0, end: 50, before: 0, after: 0 });
  });

  it.each([0, 30 * 2500, 30 * 4999])('renders a screenful of a 5,000-row table scrolled to %i px, spacers for the rest', (top) => {
    const w = rowWindow(5000, top, { rowPx: 30, visible: 16 });
    expect(w.windowed).toBe(true);
    expect(w.end - w.start).toBeLessThanOrEqual(16 + 40);
    // The row at the top of the box is rendered, and the spacers keep the scroll height.
    expect(w.start).toBeLessThanOrEqual(Math.min(4999, top / 30));
    expect(w.end).toBeGreaterThan(Math.min(4999, top / 30));
    expect(w.before + (w.end - w.start) * 30 + w.after).toBe(5000 * 30);
  });
});
