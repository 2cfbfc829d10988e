/**
 * Drawing one of the regression fit's plots on a canvas: dots (one per test row), the
 * reference line (the diagonal y = x, or the zero line of the residuals), a dashed grid
 * on the round ticks, tick labels and the two axes' names. A canvas, not recharts' SVG:
 * recharts took 35 to 800 ms to render 1,000 dots per plot (two plots, after every test
 * evaluation during a run); this draws them in a few ms. Pure drawing, no React. Like the
 * decision map, the plot keeps its light card in dark mode (regression.css).
 */

/** The plot's size in CSS px (the canvas scales to its column's width, keeping this ratio). */
export const FIT_CANVAS = { width: 300, height: 250, left: 50, right: 10, top: 8, bottom: 38 };

export interface FitPlotSpec {
  /** [rows] each: the dots' coordinates in the axes' units. */
  xs: Float32Array;
  ys: Float32Array;
  xDomain: [number, number];
  xTicks: number[];
  yDomain: [number, number];
  yTicks: number[];
  xLabel: string;
  yLabel: string;
  /** The diagonal y = x (predicted against actual); else the zero line (residuals). */
  diagonal: boolean;
  /** Tick labels, in the page's locale. */
  formatX: (v: number) => string;
  formatY: (v: number) => string;
}

const DOT = 'rgba(26, 95, 180, 0.55)';
const REFERENCE = '#5c6670';
const GRID = '#e3e6ea';
const TEXT = '#33404c';

/** Draw `spec` on `canvas` (its backing store sized for the device's pixel ratio). */
export function drawFitPlot(canvas: HTMLCanvasElement, spec: FitPlotSpec): void {
  const ratio = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
  const { width, height, left, right, top, bottom } = FIT_CANVAS;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const pw = width - left - right;
  const ph = height - top - bottom;
  const [x0, x1] = spec.xDomain;
  const [y0, y1] = spec.yDomain;
  const px = (v: number) => left + ((v - x0) / (x1 - x0 || 1)) * pw;
  const py = (v: number) => top + ((y1 - v) / (y1 - y0 || 1)) * ph;

  // Grid on the ticks.
  ctx.strokeStyle = GRID;
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  for (const v of spec.xTicks) {
    const x = Math.round(px(v)) + 0.5;
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + ph);
  }
  for (const v of spec.yTicks) {
    const y = Math.round(py(v)) + 0.5;
    ctx.moveTo(left, y);
    ctx.lineTo(left + pw, y);
  }
  ctx.stroke();

  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, pw, ph);
  ctx.clip();
  // The reference line under the dots, dashed.
  ctx.strokeStyle = REFERENCE;
  ctx.setLineDash([5, 4]);
  ctx.beginPath();
  if (spec.diagonal) {
    const lo = Math.max(x0, y0);
    const hi = Math.min(x1, y1);
    ctx.moveTo(px(lo), py(lo));
    ctx.lineTo(px(hi), py(hi));
  } else {
    ctx.moveTo(left, py(0));
    ctx.lineTo(left + pw, py(0));
  }
  ctx.stroke();
  ctx.setLineDash([]);
  // Dots: one path, one fill (a thousand arcs cost a few ms this way).
  ctx.fillStyle = DOT;
  ctx.beginPath();
  const n = Math.min(spec.xs.length, spec.ys.length);
  for (let i = 0; i < n; i++) {
    const x = px(spec.xs[i]);
    const y = py(spec.ys[i]);
    ctx.moveTo(x + 2.2, y);
    ctx.arc(x, y, 2.2, 0, 2 * Math.PI);
  }
  ctx.fill();
  ctx.restore();

  // Axes, ticks and names (solid: restore() brought back the grid's dash).
  ctx.setLineDash([]);
  ctx.strokeStyle = REFERENCE;
  ctx.beginPath();
  ctx.moveTo(left + 0.5, top);
  ctx.lineTo(left + 0.5, top + ph + 0.5);
  ctx.lineTo(left + pw, top + ph + 0.5);
  ctx.stroke();
  ctx.fillStyle = TEXT;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of spec.xTicks) {
    const x = px(v);
    ctx.fillRect(x, top + ph, 1, 4);
    ctx.fillText(spec.formatX(v), x, top + ph + 6);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of spec.yTicks) {
    const y = py(v);
    ctx.fillRect(left - 4, y, 4, 1);
    ctx.fillText(spec.formatY(v), left - 6, y);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(spec.xLabel, left + pw / 2, height - 1);
  ctx.save();
  ctx.translate(10, top + ph / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(spec.yLabel, 0, 0);
  ctx.restore();
}
