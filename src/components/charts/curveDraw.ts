/**
 * Drawing a learning curve chart on a canvas: grid and ticks, the lines (dashed for an
 * overlaid run), the baselines' horizontal reference lines with their labels, early
 * stopping's vertical mark, and the pointer's readout line. The axis's name is HTML
 * beside it, so it is read, found and translated like the rest of the page. A canvas, not recharts' SVG:
 * recharts redrew both charts on every progress event of a run (10 a second), 30-40 ms
 * each here, 5 of 6.5 s of main-thread time in a 2,000-step MNIST run; this draws them in
 * a millisecond or two. Pure drawing, no React.
 */
import { type PlotFrame } from '../../client/curvePlot';
import { type PlotPoint } from '../../client/chartAxis';
import { drawAxes, drawGrid, preparePlot, strokeLine, verticalLine } from '../common/plotCanvas';

/** Margins around the plot area, in CSS px: the y tick labels on the left, the x ticks and the axis name (HTML, MetricChart) below. */
export const CURVE_MARGIN = { left: 48, right: 16, top: 8, bottom: 36 };

export interface CurveLine {
  color: string;
  dashed: boolean;
  points: readonly PlotPoint[];
}

export interface CurveReference {
  value: number;
  color: string;
  label: string;
}

export interface CurveMark {
  x: number;
  label: string;
}

/** Colours the page's theme decides (light or dark), read from CSS custom properties. */
export interface CurveTheme {
  text: string;
  grid: string;
  axis: string;
  /** The reference lines' labels: in their line's colour when absent (on a dark panel those greys would not read). */
  referenceText?: string;
}

export interface CurveSpec {
  /** The canvas's size in CSS px. */
  width: number;
  height: number;
  frame: PlotFrame;
  lines: readonly CurveLine[];
  references: readonly CurveReference[];
  marks: readonly CurveMark[];
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  theme: CurveTheme;
  /** The readout's x (a vertical line, and a dot on each line's point there). */
  hover?: { x: number; points: readonly (PlotPoint | null)[] };
}

/** Where the i-th reference's label sits, in turn, so close values do not print over each other. */
const LABEL_SIDES = [
  { align: 'left', above: true },
  { align: 'right', above: false },
  { align: 'right', above: true },
] as const;

export function drawCurves(canvas: HTMLCanvasElement, spec: CurveSpec): void {
  const { frame, theme } = spec;
  const area = preparePlot(canvas, { width: spec.width, height: spec.height, margin: CURVE_MARGIN, xDomain: frame.xDomain, yDomain: frame.yDomain });
  if (!area) return;
  const { ctx, left, top, pw, ph, px, py } = area;
  drawGrid(area, frame.xTicks, frame.yTicks, theme.grid);
  drawAxes(area, frame.xTicks, frame.yTicks, { axis: theme.axis, text: theme.text, formatX: spec.formatX, formatY: spec.formatY });

  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top - 1, pw, ph + 2);
  ctx.clip();
  // Baselines under the curves: dashed, labelled in their colour.
  spec.references.forEach((r, i) => {
    const y = Math.round(py(r.value)) + 0.5;
    strokeLine(ctx, left, y, left + pw, y, r.color, 1.5, [6, 4]);
    const side = LABEL_SIDES[i % LABEL_SIDES.length];
    ctx.fillStyle = theme.referenceText ?? r.color;
    ctx.textAlign = side.align;
    ctx.textBaseline = side.above ? 'bottom' : 'top';
    ctx.fillText(r.label, side.align === 'left' ? left + 4 : left + pw - 4, side.above ? y - 2 : y + 2);
  });
  // Early stopping's mark: where the restored weights come from, labelled on the side with room.
  for (const m of spec.marks) {
    const x = verticalLine(area, m.x, theme.axis, [4, 3]);
    const right = x > left + pw / 2;
    ctx.fillStyle = theme.text;
    ctx.textAlign = right ? 'right' : 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(m.label, right ? x - 4 : x + 4, top + 2);
  }
  // The curves: one path each.
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  for (const line of spec.lines) {
    if (line.points.length === 0) continue;
    ctx.strokeStyle = line.color;
    ctx.globalAlpha = line.dashed ? 0.7 : 1;
    ctx.setLineDash(line.dashed ? [5, 4] : []);
    ctx.beginPath();
    line.points.forEach((p, i) => (i === 0 ? ctx.moveTo(px(p.x), py(p.value)) : ctx.lineTo(px(p.x), py(p.value))));
    // A lone point is a line of no length: a dot shows it.
    if (line.points.length === 1) ctx.arc(px(line.points[0].x), py(line.points[0].value), 1.5, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  if (spec.hover) {
    verticalLine(area, spec.hover.x, theme.axis, []);
    spec.hover.points.forEach((p, i) => {
      if (!p) return;
      ctx.fillStyle = spec.lines[i].color;
      ctx.beginPath();
      ctx.arc(px(p.x), py(p.value), 3.5, 0, 2 * Math.PI);
      ctx.fill();
    });
  }
  ctx.restore();
}
