/**
 * The per-neuron pictures (TensorFlow Playground's signature): every hidden unit's
 * activation over the decision map's grid. Pure: the forward pass runs on a copy of the
 * weights (getWeights() order: kernel0 [in * out], bias0 [out], ...) with the fused
 * network's own kernels (fast/matmul.ts, fast/activations.ts), so the tfjs engine's
 * models get the same pictures as the fused engine's, and the grid's features are the
 * ones the map's probabilities came from.
 */
import { MAX_NEURON_MAPS, type NeuronGrid } from '../../shared/analysis';
import { MessageError, msg } from '../../shared/message';
import type { Activation } from '../../shared/types';
import { addBiasActivate } from '../fast/activations';
import { createScratch, matMul } from '../fast/matmul';

/**
 * The hidden layers' outputs for `rows` rows of `features` [rows, widths[0]]:
 * out[l] = act(in · kernel_l + bias_l), [rows, widths[l + 1]] for each hidden layer l
 * (the logits layer is not computed). `widths` = [inputs, ...hidden, classes].
 */
export function hiddenActivations(weights: readonly Float32Array[], widths: readonly number[], activation: Activation, features: Float32Array, rows: number): Float32Array[] {
  const hidden = widths.length - 2;
  if (weights.length !== 2 * (widths.length - 1)) throw new MessageError(msg('train.weights-misfit', { expected: 2 * (widths.length - 1), found: weights.length }));
  const scratch = createScratch(Math.max(...widths));
  const out: Float32Array[] = [];
  let input = features;
  for (let l = 0; l < hidden; l++) {
    const z = new Float32Array(rows * widths[l + 1]);
    matMul(input, weights[2 * l], z, rows, widths[l], widths[l + 1], scratch);
    addBiasActivate(z, weights[2 * l + 1], rows, widths[l + 1], activation);
    out.push(z);
    input = z;
  }
  return out;
}

/** Mean |activation| of each unit of a layer's outputs [rows, width]. */
export function meanAbs(layer: Float32Array, rows: number, width: number): Float64Array {
  const sums = new Float64Array(width);
  for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) sums[j] += Math.abs(layer[r * width + j]);
  for (let j = 0; j < width; j++) sums[j] /= Math.max(1, rows);
  return sums;
}

/**
 * How many units of each layer are drawn: all when they fit in `max`, else a share of
 * `max` by the layer's width (at least one each, trimmed from the widest).
 */
export function unitBudget(widths: readonly number[], max = MAX_NEURON_MAPS): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= max) return widths.slice();
  const budget = widths.map((w) => Math.min(w, Math.max(1, Math.floor((max * w) / total))));
  let left = max - budget.reduce((a, b) => a + b, 0);
  // Hand out what floor() left, widest layers first; then trim if the minimum of one each overshot.
  const order = widths.map((w, l) => ({ w, l })).sort((a, b) => b.w - a.w || a.l - b.l);
  for (let i = 0; left > 0 && i < order.length * max; i++) {
    const l = order[i % order.length].l;
    if (budget[l] < widths[l]) {
      budget[l]++;
      left--;
    }
  }
  for (let i = 0; left < 0 && i < order.length * max; i++) {
    const l = order[i % order.length].l;
    if (budget[l] > 1) {
      budget[l]--;
      left++;
    }
  }
  return budget;
}

/** Most multiply-adds the pictures may take (about 25 ms in a browser worker): a larger network gets a coarser grid. */
export const NEURON_WORK = 5_000_000;
/** The coarsest grid the pictures fall back to, cells per side. */
export const MIN_NEURON_RESOLUTION = 8;

/**
 * Cells per side of the pictures' grid: the map's own, or fewer when the hidden layers'
 * forward pass over it would cost more than `work` multiply-adds (never below MIN_NEURON_RESOLUTION).
 */
export function neuronResolution(widths: readonly number[], resolution: number, work = NEURON_WORK): number {
  let perRow = 0;
  for (let l = 0; l + 2 < widths.length; l++) perRow += widths[l] * widths[l + 1];
  const fits = Math.floor(Math.sqrt(work / Math.max(1, perRow)));
  return Math.max(Math.min(resolution, MIN_NEURON_RESOLUTION), Math.min(resolution, fits));
}

/** Every `resolution`-grid cell's nearest cell of the map's finer grid: features [side^2, width] -> [resolution^2, width]. */
export function coarserGrid(features: Float32Array, side: number, width: number, resolution: number): Float32Array {
  if (resolution === side) return features;
  const out = new Float32Array(resolution * resolution * width);
  for (let r = 0; r < resolution; r++) {
    const sr = Math.floor(((r + 0.5) * side) / resolution);
    for (let c = 0; c < resolution; c++) {
      const sc = Math.floor(((c + 0.5) * side) / resolution);
      out.set(features.subarray((sr * side + sc) * width, (sr * side + sc + 1) * width), (r * resolution + c) * width);
    }
  }
  return out;
}

/**
 * The hidden units' activations over the map's grid (`features` [side^2, widths[0]], row
 * 0 at the top), on a coarser grid when the network is large (neuronResolution),
 * quantised per unit to a byte over its own range: values[u * cells + c] = round(255 (a - lo) / (hi - lo)).
 * Null when the network has no hidden layer.
 */
export function neuronGrid(
  weights: readonly Float32Array[],
  widths: readonly number[],
  activation: Activation,
  features: Float32Array,
  side: number,
  max = MAX_NEURON_MAPS,
): NeuronGrid | null {
  const hiddenWidths = widths.slice(1, -1);
  if (hiddenWidths.length === 0) return null;
  const resolution = neuronResolution(widths, side);
  const cells = resolution * resolution;
  const layers = hiddenActivations(weights, widths, activation, coarserGrid(features, side, widths[0], resolution), cells);
  const budget = unitBudget(hiddenWidths, max);
  const units: NeuronGrid['units'] = [];
  layers.forEach((out, l) => {
    const width = hiddenWidths[l];
    const strength = meanAbs(out, cells, width);
    const all = Array.from({ length: width }, (_, j) => j);
    // The strongest by mean |activation| (ties: lower unit first), shown in unit order.
    const kept = budget[l] >= width ? all : all.sort((a, b) => strength[b] - strength[a] || a - b).slice(0, budget[l]).sort((a, b) => a - b);
    for (const j of kept) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let c = 0; c < cells; c++) {
        const a = out[c * width + j];
        if (a < lo) lo = a;
        if (a > hi) hi = a;
      }
      units.push({ layer: l, unit: j, lo: Number.isFinite(lo) ? lo : 0, hi: Number.isFinite(hi) ? hi : 0, meanAbs: strength[j] });
    }
  });
  const values = new Uint8Array(units.length * cells);
  units.forEach((u, k) => {
    const out = layers[u.layer];
    const width = hiddenWidths[u.layer];
    const span = u.hi - u.lo;
    if (!(span > 0)) return;
    for (let c = 0; c < cells; c++) values[k * cells + c] = Math.round((255 * (out[c * width + u.unit] - u.lo)) / span);
  });
  const chosen = units.length < hiddenWidths.reduce((a, b) => a + b, 0) ? 'strongest' : 'all';
  return { widths: hiddenWidths, resolution, chosen, units, values };
}
