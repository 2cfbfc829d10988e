/**
 * What the canvas plots share (the learning curves, charts/curveDraw.ts; the regression
 * fit, analysis/fitDraw.ts): a backing store sized for the device's pixel ratio, the
 * plot area's scales, the dashed grid on the ticks, the axes with their tick labels, and
 * straight lines dashed or not. Pure drawing, no React.
 */

/** Where the plot area sits in the canvas (CSS px) and the two value ranges it shows. */
export interface PlotBox {
  width: number;
  height: number;
  margin: { left: number; right: number; top: number; bottom: number };
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
}

/** A prepared canvas: its context in CSS px, the plot area and the value -> px scales. */
export interface PlotArea {
  ctx: CanvasRenderingContext2D;
  left: number;
  top: number;
  /** The plot area's width and height. */
  pw: number;
  ph: number;
  px: (v: number) => number;
  py: (v: number) => number;
}

export const PLOT_FONT = '11px system-ui, sans-serif';

/**
 * Size `canvas`'s backing store for the pixel ratio (only when it changed: resizing clears
 * and reallocates it), clear it and return the area; null without a 2D context.
 */
export function preparePlot(canvas: HTMLCanvasElement, box: PlotBox): PlotArea | null {
  const ratio = Math.max(1, Math.min(3, globalThis.devicePixelRatio || 1));
  const { width, height, margin } = box;
  const backing = [Math.round(width * ratio), Math.round(height * ratio)];
  if (canvas.width !== backing[0]) canvas.width = backing[0];
  if (canvas.height !== backing[1]) canvas.height = backing[1];
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const { left, top } = margin;
  const pw = Math.max(1, width - left - margin.right);
  const ph = Math.max(1, height - top - margin.bottom);
  const [x0, x1] = box.xDomain;
  const [y0, y1] = box.yDomain;
  return {
    ctx,
    left,
    top,
    pw,
    ph,
    px: (v) => left + ((v - x0) / (x1 - x0 || 1)) * pw,
    py: (v) => top + ((y1 - v) / (y1 - y0 || 1)) * ph,
  };
}

/** A straight line from (x0, y0) to (x1, y1) in `colour`; `dash` [] for a solid one. */
export function strokeLine(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number, colour: string, width: number, dash: number[]): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

/** A line across the plot area at x (vertical), on the pixel grid so it stays sharp. */
export function verticalLine(area: PlotArea, x: number, colour: string, dash: number[]): number {
  const at = Math.round(area.px(x)) + 0.5;
  strokeLine(area.ctx, at, area.top, at, area.top + area.ph, colour, 1, dash);
  return at;
}

/** The dashed grid on the ticks. */
export function drawGrid(area: PlotArea, xTicks: readonly number[], yTicks: readonly number[], colour: string): void {
  const { ctx, left, top, pw, ph, px, py } = area;
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  for (const v of xTicks) {
    const x = Math.round(px(v)) + 0.5;
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + ph);
  }
  for (const v of yTicks) {
    const y = Math.round(py(v)) + 0.5;
    ctx.moveTo(left, y);
    ctx.lineTo(left + pw, y);
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

export interface AxesStyle {
  axis: string;
  text: string;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
}

/** The left and bottom axes, a tick mark and a label at every tick. */
export function drawAxes(area: PlotArea, xTicks: readonly number[], yTicks: readonly number[], style: AxesStyle): void {
  const { ctx, left, top, pw, ph, px, py } = area;
  ctx.setLineDash([]);
  ctx.strokeStyle = style.axis;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left + 0.5, top);
  ctx.lineTo(left + 0.5, top + ph + 0.5);
  ctx.lineTo(left + pw, top + ph + 0.5);
  ctx.stroke();
  ctx.fillStyle = style.text;
  ctx.font = PLOT_FONT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of xTicks) {
    const x = px(v);
    ctx.fillRect(Math.round(x), top + ph, 1, 4);
    ctx.fillText(style.formatX(v), x, top + ph + 6);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of yTicks) {
    const y = py(v);
    ctx.fillRect(left - 4, Math.round(y), 4, 1);
    ctx.fillText(style.formatY(v), left - 6, y);
  }
}
