/**
 * A live learning curve over global steps or training seconds, drawn on a canvas
 * (curveDraw.ts says why not recharts). No animation: a point arrives several times a
 * second. Each series is downsampled once per change (at most MAX_DRAWN points) and the
 * same points feed the line, the pointer's readout and the data table, so thousands of
 * points stay cheap.
 *
 * `data-points` is the length of the first series on the chosen axis, before downsampling
 * (in the time view, points without a time are not on the axis).
 */
import { memo, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { onAxis, type CurvePoint, type PlotPoint, type XAxis } from '../../client/chartAxis';
import { nearestStop, plotFrame, readout, stops } from '../../client/curvePlot';
import { downsample } from '../../client/downsample';
import { chartsMessages } from './messages';
import { CURVE_MARGIN, drawCurves, type CurveTheme } from './curveDraw';
import { useT } from '../common/useI18n';
import { ScrollRegion } from '../common/ScrollRegion';
import { useDarkScheme, useElementWidth } from '../common/useElementWidth';

export interface Series {
  name: string;
  color: string;
  /** An earlier run overlaid for comparison. */
  dashed?: boolean;
  points: CurvePoint[];
}

/** A horizontal dashed line at a fixed value (a baseline's test accuracy), labelled. */
export interface Reference {
  name: string;
  value: number;
  color: string;
}

/** Points drawn per series: enough for the eye, few enough for the data table. */
const MAX_DRAWN = 300;
/** How far (CSS px) from the pointer a series' point may be and still be read out. */
const READ_REACH_PX = 12;

interface Props {
  testId: string;
  title: string;
  series: Series[];
  /** Fixed y range (accuracy is always [0, 1]); auto when absent. */
  domain?: [number, number];
  /** What x is: the global step (default) or training seconds. */
  axis?: XAxis;
  /** The values are smoothed: the data table says so. */
  smoothed?: boolean;
  /** Steps to mark with a vertical line (the step axis only): where early stopping's best weights come from. */
  marks?: readonly StepMark[];
  references?: Reference[];
  /** The references in words, for a screen reader (it does not read the lines; the eye reads their labels). */
  referenceNote?: string;
  /** The plot's height in px: fixed, so the workspace never shifts as points arrive. */
  height?: number;
}

export interface StepMark {
  step: number;
  label: string;
}

/** A series as drawn: its points on the axis, downsampled, and how many there were before. */
interface Drawn {
  series: Series;
  total: number;
  points: PlotPoint[];
}

const NO_MARKS: readonly StepMark[] = [];
const NO_REFERENCES: Reference[] = [];

export const MetricChart = memo(function MetricChart({
  testId,
  title,
  series,
  domain,
  axis = 'step',
  smoothed = false,
  marks = NO_MARKS,
  references = NO_REFERENCES,
  referenceNote,
  height = 180,
}: Props) {
  const { t, num } = useT(chartsMessages);
  const drawn = useMemo<Drawn[]>(
    () =>
      series.map((s) => {
        const placed = onAxis(s.points, axis);
        return { series: s, total: placed.length, points: downsample(placed, MAX_DRAWN, (p) => p.value) };
      }),
    [series, axis],
  );
  const total = drawn[0]?.total ?? 0;
  const latest = drawn
    .filter((d) => d.points.length > 0 && !d.series.dashed)
    .map((d) => `${d.series.name} ${num(d.points[d.points.length - 1].value, 4)}`)
    .join(', ');
  const noTime = axis === 'time' && series.some((s) => s.points.length > 0) && drawn.every((d) => d.total === 0);
  return (
    <figure className="chart" data-testid={testId} data-points={total} data-x-axis={axis} data-marks={marks.map((m) => m.step).join(',')}>
      {/* One line, cut with an ellipsis (the whole of it in the tooltip): the plot below never moves. */}
      <figcaption title={latest ? `${title} · ${t('latest', { values: latest })}` : title}>
        {title}
        {latest && <span className="muted"> · {t('latest', { values: latest })}</span>}
      </figcaption>
      <ul className="chart-legend">
        {drawn.map(({ series: s }) => (
          <li key={s.name}>
            <span className={s.dashed ? 'swatch dashed' : 'swatch'} style={{ borderTopColor: s.color }} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
      <CurvePlot testId={testId} title={title} drawn={drawn} domain={domain} axis={axis} marks={axis === 'step' ? marks : NO_MARKS} references={references} height={height} />
      {noTime && <p className="muted small">{t('noTime')}</p>}
      {referenceNote && <p className="sr-only">{referenceNote}</p>}
      <DataTable testId={testId} drawn={drawn} smoothed={smoothed} />
    </figure>
  );
});

interface PlotProps {
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
function CurvePlot({ testId, title, drawn, domain, axis, marks, references, height }: PlotProps) {
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
    drawCurves(el, {
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
    });
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

/**
 * The chart's numbers as tables, one per series, for a screen reader or a keyboard: the
 * drawn (downsampled) points with their step, time and value. Built only while open.
 */
function DataTable({ testId, drawn, smoothed }: { testId: string; drawn: Drawn[]; smoothed: boolean }) {
  const { t, num } = useT(chartsMessages);
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-data" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('dataTable')}</summary>
      {open && (
        <ScrollRegion label={t('dataTable')} testId={`${testId}-data`}>
          {smoothed && <p className="muted small">{t('smoothedNote')}</p>}
          {drawn
            .filter((d) => d.points.length > 0)
            .map(({ series: s, total, points }) => (
              <table key={s.name} className="preview">
                <caption>
                  {total > points.length
                    ? t('dataCaptionSampled', { series: s.name, shown: points.length, total })
                    : t('dataCaption', { series: s.name, shown: points.length })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('colStep')}
                    </th>
                    <th scope="col" className="num">
                      {t('colTime')}
                    </th>
                    <th scope="col" className="num">
                      {t('colValue')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p, i) => (
                    <tr key={i}>
                      <th scope="row" className="num">
                        {num(p.step)}
                      </th>
                      <td className="num">{p.seconds === undefined ? '—' : num(p.seconds, 2)}</td>
                      <td className="num">{num(p.value, 4)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
        </ScrollRegion>
      )}
    </details>
  );
}

/** A y tick that fits 48 px: the ticks' decimals (3 at most), or thousands (k) and millions (M) for a large squared error. */
function shortTick(v: number, digits: number, num: (v: number, digits?: number) => string): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${num(v / 1e6, 1)}M`;
  if (a >= 1e4) return `${num(v / 1e3, 0)}k`;
  return num(v, Math.min(3, digits));
}
