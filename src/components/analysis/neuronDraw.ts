/**
 * Drawing one hidden unit's activation over the map's grid on a canvas, one pixel per
 * cell (CSS scales it). A diverging scale centred on zero, each unit on its own range:
 * white at 0, to blue for the unit's largest |output| when positive, to orange when
 * negative. Both ends keep at least 4.5:1 against white (WCAG's 3:1 for graphics, with
 * room), so a strong cell shows on the panel. Pure drawing, no React.
 */
import type { NeuronGrid } from '../../shared/analysis';

/** The scale's ends: 6.9:1 and 5.0:1 against white. */
export const NEURON_POSITIVE: [number, number, number] = [0x0b, 0x5c, 0xa0];
export const NEURON_NEGATIVE: [number, number, number] = [0xb3, 0x55, 0x00];

/** The colour of activation `a` on a unit whose largest |activation| is `scale` (> 0). */
export function neuronColour(a: number, scale: number): [number, number, number] {
  const t = scale > 0 && Number.isFinite(a) ? Math.max(-1, Math.min(1, a / scale)) : 0;
  const end = t >= 0 ? NEURON_POSITIVE : NEURON_NEGATIVE;
  const k = Math.abs(t);
  return [0, 1, 2].map((i) => Math.round(255 + (end[i] - 255) * k)) as [number, number, number];
}

/** Unit `k` of `grid` (its cells grid.resolution x grid.resolution, row 0 at the top) onto `canvas`. */
export function drawNeuron(canvas: HTMLCanvasElement, grid: NeuronGrid, k: number): void {
  const { resolution } = grid;
  const cells = resolution * resolution;
  // Sized only when the size changes: assigning a canvas's width reallocates its backing store.
  if (canvas.width !== resolution) canvas.width = resolution;
  if (canvas.height !== resolution) canvas.height = resolution;
  // A canvas in memory, not on the GPU: a unit is a few thousand pixels put at once, and
  // forty GPU canvases each taking an upload per map cost 2-3x the frame time under
  // software GL (SwiftShader), for nothing a real GPU would do faster at this size.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const unit = grid.units[k];
  if (!ctx || !unit) return;
  const image = ctx.createImageData(resolution, resolution);
  const span = unit.hi - unit.lo;
  const scale = Math.max(Math.abs(unit.lo), Math.abs(unit.hi));
  // The cells are bytes (0-255 over [lo, hi]): 256 colours, one per byte, not one per cell
  // (a 40-unit network's maps are 100,000 cells at every map during a run).
  const lut = new Uint8ClampedArray(256 * 3);
  for (let v = 0; v < 256; v++) {
    const [r, g, b] = neuronColour(span > 0 ? unit.lo + (v / 255) * span : unit.lo, scale);
    lut[3 * v] = r;
    lut[3 * v + 1] = g;
    lut[3 * v + 2] = b;
  }
  const values = grid.values;
  const data = image.data;
  for (let c = 0; c < cells; c++) {
    const v = 3 * values[k * cells + c];
    data[4 * c] = lut[v];
    data[4 * c + 1] = lut[v + 1];
    data[4 * c + 2] = lut[v + 2];
    data[4 * c + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}
