import { describe, expect, it } from 'vitest';
import { nearestIndex, nearestStop, plotFrame, readout, stops } from '../../src/client/curvePlot';
import type { PlotPoint } from '../../src/client/chartAxis';

const at = (x: number, value: number): PlotPoint => ({ step: x, x, value });

describe('the learning curve frame', () => {
  it('covers every line on round ticks, x from 0 on the step axis', () => {
    const frame = plotFrame([[at(10, 2.3), at(500, 0.4), at(2000, 0.31)], [at(100, 0.9), at(2000, 0.35)]], 'step');
    expect(frame).not.toBeNull();
    expect(frame!.xDomain).toEqual([0, 2000]);
    expect(frame!.xTicks[0]).toBe(0);
    expect(frame!.xDigits).toBe(0);
    expect(frame!.yDomain[0]).toBeLessThanOrEqual(0.31);
    expect(frame!.yDomain[1]).toBeGreaterThanOrEqual(2.3);
    expect(frame!.yTicks.length).toBeLessThanOrEqual(6);
  });

  it('keeps accuracy on [0, 1] and widens for a baseline outside the curves', () => {
    const frame = plotFrame([[at(100, 0.6), at(200, 0.7)]], 'step', [0.97], [0, 1]);
    expect(frame!.yDomain).toEqual([0, 1]);
    expect(frame!.yDigits).toBe(1);
    // A loss chart has no fixed range: a reference above the curve pulls the top up.
    const loss = plotFrame([[at(100, 0.2), at(200, 0.3)]], 'step', [1.4]);
    expect(loss!.yDomain[1]).toBeGreaterThanOrEqual(1.4);
  });

  it('gives a single point room either side, and ignores a value that is not finite', () => {
    const frame = plotFrame([[at(300, 0.5)], [at(300, Number.NaN)]], 'step');
    expect(frame!.xDomain[0]).toBeLessThan(300);
    expect(frame!.xDomain[1]).toBeGreaterThan(300);
    expect(frame!.yDomain[0]).toBeLessThan(0.5);
    expect(frame!.yDomain[1]).toBeGreaterThan(0.5);
  });

  it('is null with nothing to draw', () => {
    expect(plotFrame([], 'step')).toBeNull();
    expect(plotFrame([[], []], 'time')).toBeNull();
  });

  it('writes seconds with the decimals their ticks need', () => {
    const frame = plotFrame([[{ step: 10, seconds: 0.02, x: 0.02, value: 1 }, { step: 300, seconds: 0.31, x: 0.31, value: 0.2 }]], 'time');
    expect(frame!.xDigits).toBeGreaterThanOrEqual(1);
  });
});

describe('reading a chart out at a pointer or an arrow key', () => {
  const line = [at(0, 1), at(10, 0.8), at(20, 0.5), at(40, 0.4)];

  it('finds the nearest point, ties to the left', () => {
    expect(nearestIndex(line, -5)).toBe(0);
    expect(nearestIndex(line, 14)).toBe(1);
    expect(nearestIndex(line, 15)).toBe(1);
    expect(nearestIndex(line, 16)).toBe(2);
    expect(nearestIndex(line, 31)).toBe(3);
    expect(nearestIndex(line, 99)).toBe(3);
    expect(nearestIndex([], 3)).toBe(-1);
  });

  it('stops at every x some line has, once each, and finds the stop nearest a pointer', () => {
    const xs = stops([line, [at(10, 0.9), at(30, 0.7)]]);
    expect(xs).toEqual([0, 10, 20, 30, 40]);
    expect([-3, 4, 5, 6, 26, 1e9].map((x) => nearestStop(xs, x))).toEqual([0, 0, 0, 1, 3, 4]);
    expect(nearestStop([], 1)).toBe(-1);
  });

  it('reads each line at x, or nothing for a line with no point near', () => {
    const sparse = [at(0, 0.3), at(40, 0.9)];
    expect(readout([line, sparse], 20, 5)).toEqual([at(20, 0.5), null]);
    expect(readout([line, sparse], 40, 5)).toEqual([at(40, 0.4), at(40, 0.9)]);
  });
});
