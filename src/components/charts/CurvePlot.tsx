/**
 * One learning curve's canvas (curveDraw.ts draws it) and its readout: a pointer, or the
 * arrow keys on the focused canvas, moves it along the points; the readout is HTML beside
 * the canvas, announced when the keys move it.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { XAxis } from '../../client/chartAxis';
import { nearestStop, plotFrame, readout, stops } from '../../client/curvePlot';
import { chartsMessages } from './messages';
import { CURVE_MARGIN, drawCurves, type CurveTheme } from './curveDraw';
import type { Drawn, Reference, StepMark } from './series';
import { useT } from '../common/useI18n';
import { useElementWidth } from '../common/useElementWidth';
import { useDarkScheme } from '../common/useDarkScheme';
import { drawSoon } from '../common/drawQueue';

/** How far (CSS px) from the pointer a series' point may be and still be read out. */
const READ_REACH_PX = 12;

export interface PlotProps {
  testId: string;
  title: string;
  drawn: Drawn[];
  domain?: [number, number];
  axis: XAxis;
  marks: readonly StepMark[];
  references: Reference[];
  height: number;
}

/** The canvas, and the readout a pointer or the arrow keys move along the points. */
export function CurvePlot({ testId, title, drawn, domain, axis, marks, references, height }: PlotProps) {
  const { t, num } = useT(chartsMessages);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(box);
  const dark = useDarkScheme();
  const tooltipId = useId();
  /** The readout's x, snapped to a point; null when nothing is read out. */
  const [hover, setHover] = useState<number | null>(null);
  /** The readout follows the arrow keys (then a screen reader hears it change), not a pointer. */
  const [byKeys, setByKeys] = useState(false);
  // Read once per scheme: getComputedStyle on every draw would restyle the page 10 times a second.
  const theme = useRef<{ dark: boolean; theme: CurveTheme } | null>(null);
  const lines = useMemo(() => drawn.map((d) => d.points), [drawn]);
  const frame = useMemo(() => plotFrame(lines, axis, references.map((r) => r.value), domain), [lines, axis, references, domain]);
  const xs = useMemo(() => stops(lines), [lines]);
  const pw = Math.max(1, width - CURVE_MARGIN.left - CURVE_MARGIN.right);
  const reach = frame ? (READ_REACH_PX * (frame.xDomain[1] - frame.xDomain[0])) / pw : 0;
  const read = useMemo(() => (hover === null ? null : readout(lines, hover, reach)), [lines, hover, reach]);

  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el || !frame || width === 0) return;
    drawSoon(el, () => drawCurves(el, {
      width,
      height,
      frame,
      lines: drawn.map((d) => ({ color: d.series.color, dashed: d.series.dashed === true, points: d.points })),
      references: references.map((r) => ({ value: r.value, color: r.color, label: `${r.name} ${num(r.value, 3)}` })),
      marks: marks.map((m) => ({ x: m.step, label: m.label })),
      formatX: (v) => num(v, frame.xDigits),
      formatY: (v) => shortTick(v, frame.yDigits, num),
      theme: (theme.current?.dark === dark ? theme.current : (theme.current = { dark, theme: themeOf(el) })).theme,
      hover: hover === null || !read ? undefined : { x: hover, points: read },
    }));
  }, [drawn, frame, width, height, references, marks, axis, hover, read, dark, t, num]);

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!frame || xs.length === 0) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const at = frame.xDomain[0] + ((e.clientX - rect.left - CURVE_MARGIN.left) / pw) * (frame.xDomain[1] - frame.xDomain[0]);
    setByKeys(false);
    setHover(xs[nearestStop(xs, at)]);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (xs.length === 0) return;
    const i = hover === null ? -1 : nearestStop(xs, hover);
    const next =
      e.key === 'ArrowRight' ? (i < 0 ? 0 : Math.min(xs.length - 1, i + 1))
      : e.key === 'ArrowLeft' ? (i < 0 ? xs.length - 1 : Math.max(0, i - 1))
      : e.key === 'Home' ? 0
      : e.key === 'End' ? xs.length - 1
      : undefined;
    if (e.key === 'Escape') setHover(null);
    if (next === undefined) return;
    e.preventDefault();
    setByKeys(true);
    setHover(xs[next]);
  };
  const shown = hover !== null && read && frame && read.some((p) => p !== null);
  const tipLeft = frame && hover !== null ? CURVE_MARGIN.left + ((hover - frame.xDomain[0]) / (frame.xDomain[1] - frame.xDomain[0] || 1)) * pw : 0;
  return (
    <div className="chart-plot" ref={box} style={{ height }}>
      <canvas
        ref={canvas}
        role="img"
        tabIndex={0}
        aria-label={t('plotLabel', { title })}
        aria-describedby={shown ? tooltipId : undefined}
        style={{ width: '100%', height }}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
        onKeyDown={onKeyDown}
        onBlur={() => setHover(null)}
      />
      <div className="chart-axis-name">{t(axis === 'step' ? 'axis_step' : 'axis_time')}</div>
      {shown && (
        // On the side of the readout line with more room, so it never covers the point read.
        <div
          id={tooltipId}
          className="chart-tooltip"
          data-testid={`${testId}-tooltip`}
          aria-live={byKeys ? 'polite' : undefined}
          style={tipLeft > width / 2 ? { right: width - tipLeft + 10 } : { left: tipLeft + 10 }}
        >
          <div className="chart-tooltip-x">{axis === 'step' ? t('tooltipStep', { x: hover }) : t('tooltipTime', { x: num(hover, 2) })}</div>
          {read.map((p, i) =>
            p === null ? null : (
              <div key={drawn[i].series.name}>
                <span className="swatch" style={{ borderTopColor: drawn[i].series.color }} aria-hidden="true" /> {drawn[i].series.name} {num(p.value, 4)}
              </div>
            ),
          )}
        </div>
      )}
    </div>
  );
}

/** The theme's colours from the plot box's CSS custom properties (styles.css, dark.css). */
function themeOf(el: HTMLElement): CurveTheme {
  const style = getComputedStyle(el);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const referenceText = style.getPropertyValue('--chart-reference-text').trim();
  return { text: read('--chart-text', '#33404c'), grid: read('--chart-grid', '#e3e6ea'), axis: read('--chart-axis', '#5c6670'), ...(referenceText ? { referenceText } : {}) };
}

/** A y tick that fits 48 px: the ticks' decimals (3 at most), or thousands (k) and millions (M) for a large squared error. */
function shortTick(v: number, digits: number, num: (v: number, digits?: number) => string): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${num(v / 1e6, 1)}M`;
  if (a >= 1e4) return `${num(v / 1e3, 0)}k`;
  return num(v, Math.min(3, digits));
}
