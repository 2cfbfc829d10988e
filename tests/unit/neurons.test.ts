/**
 * The per-neuron pictures (src/ml/analysis/neurons.ts): the hidden layers' forward pass,
 * which units are drawn when there are too many, the per-unit quantisation, and the
 * decision map carrying them for Iris's 10 + 20 + 10 hidden units on either engine.
 */
import { describe, expect, it } from 'vitest';
import { coarserGrid, hiddenActivations, meanAbs, NEURON_WORK, neuronGrid, neuronResolution, unitBudget } from '../../src/ml/analysis/neurons';
import { boundaryOf } from '../../src/ml/analysis/views';
import { irisSource } from '../../src/ml/datasets/iris';
import { FastDenseNet, makeFastOptimizer } from '../../src/ml/fast';
import { mulberry32 } from '../../src/ml/model/rng';
import { MAX_NEURON_MAPS } from '../../src/shared/analysis';
import { IRIS_CONFIG, loadIris, makeSession } from './helpers';

/** Weights in getWeights() order for `widths`, uniform in [-1, 1). */
function randomWeights(widths: number[], seed: number): Float32Array[] {
  const random = mulberry32(seed);
  const out: Float32Array[] = [];
  for (let l = 0; l + 1 < widths.length; l++) {
    out.push(Float32Array.from({ length: widths[l] * widths[l + 1] }, () => random() * 2 - 1));
    out.push(Float32Array.from({ length: widths[l + 1] }, () => random() * 2 - 1));
  }
  return out;
}

describe('hiddenActivations', () => {
  it('computes act(x · W + b) layer by layer (a hand-worked ReLU net)', () => {
    // 2 inputs -> 2 relu -> 1 tanh -> 1 logit. Kernel [in, out] row-major.
    const weights = [Float32Array.of(1, -1, 2, 1), Float32Array.of(0, 0.5), Float32Array.of(1, -2), Float32Array.of(0.25), Float32Array.of(1), Float32Array.of(0)];
    const x = Float32Array.of(1, 2, -1, 0);
    const [h1, h2] = hiddenActivations(weights, [2, 2, 1, 1], 'relu', x, 2);
    // Row 0: [1*1 + 2*2 + 0, 1*-1 + 2*1 + 0.5] = [5, 1.5]; row 1: [-1, 1.5] -> relu [0, 1.5].
    expect(Array.from(h1)).toEqual([5, 1.5, 0, 1.5]);
    // Row 0: 5 - 3 + 0.25 = 2.25; row 1: 0 - 3 + 0.25 -> relu 0.
    expect(Array.from(h2)).toEqual([2.25, 0]);
  });

  it.each(['relu', 'tanh', 'sigmoid', 'linear'] as const)('is the fused network forward pass (%s): its last hidden layer gives the same logits', (activation) => {
    const widths = [4, 6, 5, 3];
    const weights = randomWeights(widths, 7);
    const net = new FastDenseNet({ widths, activations: [activation, activation], optimizer: makeFastOptimizer('sgd', 0) });
    net.setWeights(weights);
    const rows = 9;
    const random = mulberry32(3);
    const x = Float32Array.from({ length: rows * 4 }, () => random() * 4 - 2);
    const hidden = hiddenActivations(weights, widths, activation, x, rows);
    expect(hidden.map((h) => h.length)).toEqual([rows * 6, rows * 5]);
    const logits = net.predict(x, rows);
    const last = hidden[1];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < 3; c++) {
        let z = weights[5][c];
        for (let k = 0; k < 5; k++) z += last[r * 5 + k] * weights[4][k * 3 + c];
        expect(z).toBeCloseTo(logits[r * 3 + c], 4);
      }
    }
  });
});

describe('which units are drawn', () => {
  it.each<[number[], number[]]>([
    [[10, 20, 10], [10, 20, 10]],
    [[64], [64]],
    [[128, 32], [52, 12]],
    [[100, 1, 1], [62, 1, 1]],
    [[500, 500, 500], [22, 21, 21]],
  ])('hidden widths %j draw %j', (widths, drawn) => {
    const budget = unitBudget(widths);
    expect(budget).toEqual(drawn);
    expect(budget.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(MAX_NEURON_MAPS);
  });

  it('above the limit, keeps the strongest units by mean |activation| and says so', () => {
    // 2 inputs -> 70 relu units: unit j's kernel is j / 70 on both inputs, so strength grows with j.
    const width = 70;
    const kernel = new Float32Array(2 * width);
    for (let j = 0; j < width; j++) kernel[j] = kernel[width + j] = j / width;
    const weights = [kernel, new Float32Array(width), new Float32Array(width * 2), new Float32Array(2)];
    const x = Float32Array.of(1, 1, 2, 0.5, 0.1, 0.3, 1, 2);
    const grid = neuronGrid(weights, [2, width, 2], 'relu', x, 2);
    expect(grid?.chosen).toBe('strongest');
    expect(grid?.units.map((u) => u.unit)).toEqual(Array.from({ length: 64 }, (_, i) => i + 6));
    expect(grid?.values).toHaveLength(64 * 4);
  });
});

describe('the quantised grid', () => {
  it('maps each unit over its own range to 0..255, a flat unit to 0, and keeps the range', () => {
    // 1 input -> 2 linear units: u0 = x, u1 = 3 (flat).
    const weights = [Float32Array.of(1, 0), Float32Array.of(0, 3), Float32Array.of(1, 1), Float32Array.of(0)];
    const x = Float32Array.of(-2, 0, 2, 1);
    const grid = neuronGrid(weights, [1, 2, 1], 'linear', x, 2);
    expect(grid?.chosen).toBe('all');
    expect(grid?.resolution).toBe(2);
    expect(grid?.units).toEqual([
      { layer: 0, unit: 0, lo: -2, hi: 2, meanAbs: 1.25 },
      { layer: 0, unit: 1, lo: 3, hi: 3, meanAbs: 3 },
    ]);
    expect(Array.from(grid?.values ?? [])).toEqual([0, 128, 255, 191, 0, 0, 0, 0]);
  });

  it('is null for a network without hidden layers', () => {
    expect(neuronGrid([new Float32Array(6), new Float32Array(3)], [2, 3], 'relu', new Float32Array(2), 1)).toBeNull();
  });

  it('falls back to a coarser grid of the same area for a large network, never below 8 cells a side', () => {
    expect(neuronResolution([4, 10, 20, 10, 3], 60)).toBe(60);
    // 20 inputs -> 64 -> 64: 5,376 multiply-adds a cell.
    const side = neuronResolution([20, 64, 64, 2], 60);
    expect(side).toBeLessThan(60);
    expect(side * side * (20 * 64 + 64 * 64)).toBeLessThanOrEqual(NEURON_WORK);
    expect((side + 1) * (side + 1) * (20 * 64 + 64 * 64)).toBeGreaterThan(NEURON_WORK);
    expect(neuronResolution([1000, 1000, 1000, 2], 60)).toBe(8);
    // Each coarse cell is the fine grid's cell at its centre: a 4x4 grid of ids read at 2x2.
    const fine = Float32Array.from({ length: 16 }, (_, i) => i);
    expect(Array.from(coarserGrid(fine, 4, 1, 2))).toEqual([5, 7, 13, 15]);
  });

  it('meanAbs averages over rows', () => {
    expect(Array.from(meanAbs(Float32Array.of(1, -2, -3, 4), 2, 2))).toEqual([2, 3]);
  });
});

describe('the decision map of Iris', () => {
  it('carries a picture for every one of the 10 + 20 + 10 hidden units, and they change with training', async () => {
    const { session } = makeSession(IRIS_CONFIG, 'fused');
    const source = irisSource(loadIris());
    const before = await boundaryOf(session, source, -1, -1, 12);
    const neurons = before.neurons;
    expect(neurons?.widths).toEqual([10, 20, 10]);
    expect(neurons?.units).toHaveLength(40);
    expect(neurons?.units.slice(9, 11).map((u) => [u.layer, u.unit])).toEqual([[0, 9], [1, 0]]);
    expect(neurons?.values).toHaveLength(40 * 144);
    await session.train(1, 200, 100);
    const after = await boundaryOf(session, source, -1, -1, 12);
    const changed = after.neurons?.units.some((u, k) => u.hi !== neurons?.units[k].hi);
    expect(changed).toBe(true);
    session.dispose();
  });

  it('is the same picture on the tfjs engine (from a copy of its weights)', async () => {
    const fused = makeSession(IRIS_CONFIG, 'fused').session;
    const tfjs = makeSession(IRIS_CONFIG, 'tfjs').session;
    const source = irisSource(loadIris());
    const a = (await boundaryOf(fused, source, -1, -1, 8)).neurons;
    const b = (await boundaryOf(tfjs, source, -1, -1, 8)).neurons;
    expect(b?.units).toHaveLength(40);
    b?.units.forEach((u, k) => expect(u.hi).toBeCloseTo(a?.units[k].hi ?? NaN, 4));
    fused.dispose();
    tfjs.dispose();
  });
});
