import { describe, expect, it } from 'vitest';
import { downsample } from '../../src/client/downsample';

const series = (n: number) => Array.from({ length: n }, (_, i) => ({ step: i, value: Math.sin(i / 10) }));

describe('downsample', () => {
  it('keeps short series whole', () => {
    expect(downsample(series(50), 300, (p) => p.value)).toHaveLength(50);
  });

  it('caps long series, keeps the ends and the order of steps', () => {
    const out = downsample(series(100_000), 300, (p) => p.value);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out[0].step).toBe(0);
    expect(out[out.length - 1].step).toBe(99_999);
    for (let i = 1; i < out.length; i++) expect(out[i].step).toBeGreaterThan(out[i - 1].step);
  });

  it('keeps a single spike that falls inside a bucket', () => {
    const points = series(10_000).map((p) => ({ ...p, value: p.step === 4321 ? 99 : 0 }));
    expect(downsample(points, 100, (p) => p.value).some((p) => p.value === 99)).toBe(true);
  });
});
