import { describe, expect, it } from 'vitest';
import { benchCsv, syntheticCsv } from '../../bench/csv';

describe('a large file', () => {
  it('parses 100,000 rows x 20 columns (time logged, not asserted)', () => {
    const result = benchCsv(100_000, 20);
    console.log(
      `CSV bench: ${result.rows} rows x ${result.columns} columns, ${(result.bytes / 1e6).toFixed(1)} MB: ` +
        `readTable ${result.readMs.toFixed(0)} ms, buildDataset ${result.buildMs.toFixed(0)} ms`,
    );
    expect(result.ok).toBe(true);
  });

  it('builds deterministic synthetic files', () => {
    expect(syntheticCsv(5, 3, 7)).toEqual(syntheticCsv(5, 3, 7));
    expect(new TextDecoder().decode(syntheticCsv(1, 3)).split('\n')[0]).toBe('f1,f2,class');
  });
});
