/**
 * Drawing the decision-boundary map on a canvas: the class field (one colour per class,
 * paler where the model is less sure, as TensorFlow Playground shades it), the rows as
 * dots (test rows ringed), and axes with tick labels. A regression's map (`map.values`)
 * is a continuous field of the predicted number instead, the rows coloured by their
 * actual number on the same scale (valueScale.ts). Pure drawing, no React.
 */
import type { BoundaryMap } from '../../shared/analysis';
import { valueColour, valueCss } from './valueScale';

/** Tableau 10: distinct on white, and readable as dots on their own class's pale tint. */
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** Class c's colour; beyond ten classes, hues a golden angle apart. */
export function classColour(c: number): string {
  if (c < PALETTE.length) return PALETTE[c];
  return `hsl(${Math.round((c * 137.508) % 360)}, 55%, 50%)`;
}

function rgb(colour: string): [number, number, number] {
  if (colour.startsWith('#')) return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
  // hsl(h, 55%, 50%) -> rgb, for the classes past the palette.
  const h = Number(/hsl\((\d+)/.exec(colour)?.[1] ?? 0) / 360;
  const f = (n: number) => {
    const k = (n + h * 12) % 12;
    return Math.round(255 * (0.5 - 0.275 * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** Round tick values covering [lo, hi], about `count` of them (1, 2 or 5 times a power of ten apart). */
export function ticks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/**
 * A classification cell's colour: its class's colour `rgb` mixed with white by how far
 * above chance the model's `confidence` is (0.15 of the colour at chance, 0.7 when sure).
 */
function classTint(rgb: [number, number, number] | undefined, confidence: number, chance: number): [number, number, number] {
  const [r, g, b] = rgb ?? [128, 128, 128];
  const sure = Math.min(1, Math.max(0, (confidence - chance) / (1 - chance)));
  const t = 0.15 + 0.55 * sure;
  return [Math.round(255 + (r - 255) * t), Math.round(255 + (g - 255) * t), Math.round(255 + (b - 255) * t)];
}

export const CANVAS = { width: 440, height: 400, left: 56, right: 12, top: 12, bottom: 44 };

/**
 * Draw `map` on `canvas` (its backing store sized for the device's pixel ratio).
 * `format` writes tick labels; `names` are the two axes' input names.
 */
export function drawBoundary(canvas: HTMLCanvasElement, map: BoundaryMap, classCount: number, names: [string, string], format: (v: number) => string): void {
  const ratio = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
  const { width, height, left, right, top, bottom } = CANVAS;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const pw = width - left - right;
  const ph = height - top - bottom;

  // The field: one pixel per cell on a scratch canvas, scaled up smoothly.
  const n = map.resolution;
  const field = document.createElement('canvas');
  field.width = n;
  field.height = n;
  // In memory (see neuronDraw.ts): one put of the cells, then drawn scaled onto the map.
  const fctx = field.getContext('2d', { willReadFrequently: true });
  if (fctx) {
    const image = fctx.createImageData(n, n);
    const colours = Array.from({ length: Math.max(classCount, 1) }, (_, c) => rgb(classColour(c)));
    const chance = 1 / Math.max(2, classCount);
    const values = map.values;
    for (let i = 0; i < n * n; i++) {
      const [r, g, b] = values ? valueColour(values.cells[i], values.range) : classTint(colours[map.classes[i]], map.confidence[i], chance);
      image.data[4 * i] = r;
      image.data[4 * i + 1] = g;
      image.data[4 * i + 2] = b;
      image.data[4 * i + 3] = 255;
    }
    fctx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(field, left, top, pw, ph);
  }

  const [x0, x1] = map.xRange;
  const [y0, y1] = map.yRange;
  const px = (v: number) => left + ((v - x0) / (x1 - x0)) * pw;
  const py = (v: number) => top + ((y1 - v) / (y1 - y0)) * ph;

  // The rows: training rows filled with a white edge, test rows ringed in black; drawn
  // test last so they stay visible. A regression's rows take their actual number's colour;
  // a training row also gets a grey hairline outside its white edge, or one near the middle
  // of the range (white) on a white field would not show.
  const values = map.values;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, pw, ph);
  ctx.clip();
  for (const pass of [0, 1]) {
    for (let k = 0; k < map.points.shown; k++) {
      if (map.points.test[k] !== pass) continue;
      ctx.beginPath();
      ctx.arc(px(map.points.x[k]), py(map.points.y[k]), pass ? 4 : 3, 0, 2 * Math.PI);
      ctx.fillStyle = values ? valueCss(values.points[k], values.range) : classColour(map.points.labels[k]);
      ctx.fill();
      ctx.lineWidth = pass ? 1.6 : 0.8;
      ctx.strokeStyle = pass ? '#000' : '#fff';
      ctx.stroke();
      if (values && !pass) {
        ctx.beginPath();
        ctx.arc(px(map.points.x[k]), py(map.points.y[k]), 3.9, 0, 2 * Math.PI);
        ctx.lineWidth = 0.6;
        ctx.strokeStyle = '#5c6670';
        ctx.stroke();
      }
    }
  }
  ctx.restore();

  // Axes, ticks and names.
  ctx.strokeStyle = '#5c6670';
  ctx.lineWidth = 1;
  ctx.strokeRect(left + 0.5, top + 0.5, pw - 1, ph - 1);
  ctx.fillStyle = '#33404c';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of ticks(x0, x1)) {
    const x = px(v);
    ctx.fillRect(x, top + ph, 1, 4);
    ctx.fillText(format(v), x, top + ph + 6);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of ticks(y0, y1)) {
    const y = py(v);
    ctx.fillRect(left - 4, y, 4, 1);
    ctx.fillText(format(v), left - 6, y);
  }
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(names[0], left + pw / 2, height - 2);
  ctx.save();
  ctx.translate(12, top + ph / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(names[1], 0, 0);
  ctx.restore();
}

/** Share of the map's cells per class and the mean confidence there. */
export function classShares(map: BoundaryMap, classCount: number): { area: number; confidence: number; points: number }[] {
  const out = Array.from({ length: classCount }, () => ({ area: 0, confidence: 0, points: 0 }));
  const cells = map.classes.length;
  for (let i = 0; i < cells; i++) {
    const s = out[map.classes[i]];
    if (!s) continue;
    s.area++;
    s.confidence += map.confidence[i];
  }
  for (let k = 0; k < map.points.shown; k++) if (out[map.points.labels[k]]) out[map.points.labels[k]].points++;
  return out.map((s) => ({ area: cells > 0 ? s.area / cells : 0, confidence: s.area > 0 ? s.confidence / s.area : 0, points: s.points }));
}
