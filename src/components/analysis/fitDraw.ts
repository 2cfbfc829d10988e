/**
 * Drawing one of the regression fit's plots on a canvas: dots (one per test row), the
 * reference line (the diagonal y = x, or the zero line of the residuals), a dashed grid
 * on the round ticks, tick labels and the two axes' names. A canvas, not recharts' SVG:
 * recharts took 35 to 800 ms to render 1,000 dots per plot (two plots, after every test
 * evaluation during a run); this draws them in a few ms. Pure drawing, no React. Like the
 * decision map, the plot keeps its light card in dark mode (regression.css). The canvas's
 * sizing, grid and axes are common/plotCanvas.ts, shared with the learning curves.
 */
import { drawAxes, drawGrid, preparePlot } from '../common/plotCanvas';

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
  const { width, height, left, right, top, bottom } = FIT_CANVAS;
  const area = preparePlot(canvas, { width, height, margin: { left, right, top, bottom }, xDomain: spec.xDomain, yDomain: spec.yDomain });
  if (!area) return;
  const { ctx, pw, ph, px, py } = area;
  const [x0, x1] = spec.xDomain;
  const [y0, y1] = spec.yDomain;
  drawGrid(area, spec.xTicks, spec.yTicks, GRID);

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

  // Axes, ticks and names.
  drawAxes(area, spec.xTicks, spec.yTicks, { axis: REFERENCE, text: TEXT, formatX: spec.formatX, formatY: spec.formatY });
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
