/**
 * A live learning curve over global steps or training seconds. No animation and no dots:
 * with a point arriving several times a second, animation alone would keep the main
 * thread busy. Each series is downsampled once per change (at most MAX_DRAWN points) and
 * the same points feed the line and the data table, so thousands of points stay cheap.
 *
 * `data-points` is the length of the first series on the chosen axis, before downsampling
 * (in the time view, points without a time are not on the axis).
 */
import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis as ChartXAxis, YAxis } from 'recharts';
import { niceTicks, onAxis, tickDigits, type CurvePoint, type PlotPoint, type XAxis } from '../../client/chartAxis';
import { downsample } from '../../client/downsample';
import { chartsMessages } from './messages';
import { useT } from '../common/useI18n';
import { ScrollRegion } from '../common/ScrollRegion';

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

/** Where the references' labels sit, in turn, so close values do not print over each other. */
const LABEL_POSITIONS = ['insideTopLeft', 'insideBottomRight', 'insideTopRight'] as const;

/** Points drawn per series: enough for the eye, few enough that a render takes a few ms. */
const MAX_DRAWN = 300;
const X_TICKS = 6;

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

export const MetricChart = memo(function MetricChart({ testId, title, series, domain, axis = 'step', smoothed = false, marks = NO_MARKS, references = [], referenceNote, height = 180 }: Props) {
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
  // Round ticks (0, 500, 1,000 …) over the drawn points, and the decimals they need.
  const { digits, ticks } = useMemo(() => {
    const xs = drawn.flatMap((d) => (d.points.length > 0 ? [d.points[0].x, d.points[d.points.length - 1].x] : []));
    if (xs.length === 0) return { digits: 0, ticks: undefined };
    const t = niceTicks(Math.min(...xs), Math.max(...xs), X_TICKS);
    return { digits: tickDigits(axis, t[0] ?? 0, t[t.length - 1] ?? 0, t.length), ticks: t.length >= 2 ? t : undefined };
  }, [drawn, axis]);
  const latest = drawn
    .filter((d) => d.points.length > 0 && !d.series.dashed)
    .map((d) => `${d.series.name} ${num(d.points[d.points.length - 1].value, 4)}`)
    .join(', ');
  const axisLabel = t(axis === 'step' ? 'axis_step' : 'axis_time');
  const noTime = axis === 'time' && series.some((s) => s.points.length > 0) && drawn.every((d) => d.total === 0);
  return (
    <figure className="chart" data-testid={testId} data-points={total} data-x-axis={axis} data-marks={marks.map((m) => m.step).join(',')}>
      {/* One line, cut with an ellipsis (the whole of it in the tooltip): the plot below never moves. */}
      <figcaption title={latest ? `${title} · ${t('latest', { values: latest })}` : title}>
        {title}
        {latest && <span className="muted"> · {t('latest', { values: latest })}</span>}
      </figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
          <ChartXAxis
            type="number"
            dataKey="x"
            domain={ticks ? [ticks[0], ticks[ticks.length - 1]] : ['dataMin', 'dataMax']}
            ticks={ticks}
            allowDuplicatedCategory={false}
            tickCount={X_TICKS}
            tickFormatter={(v: number) => num(v, digits)}
            height={40}
            label={{ value: axisLabel, position: 'insideBottom', offset: 0 }}
          />
          <YAxis type="number" domain={domain ?? ['auto', 'auto']} width={48} tickFormatter={(v: number) => shortTick(v, num)} />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? num(v, 4) : String(v))}
            labelFormatter={(l) => (axis === 'step' ? t('tooltipStep', { x: Number(l) }) : t('tooltipTime', { x: num(Number(l), 2) }))}
          />
          <Legend verticalAlign="top" />
          {axis === 'step' &&
            marks.map((m) => <ReferenceLine key={m.step} x={m.step} stroke="#555" strokeDasharray="4 3" label={{ value: m.label, position: 'insideTopRight', fontSize: 11 }} />)}
          {references.map((r, i) => (
            <ReferenceLine
              key={r.name}
              y={r.value}
              stroke={r.color}
              strokeDasharray="6 4"
              strokeWidth={1.5}
              ifOverflow="extendDomain"
              label={{ value: `${r.name} ${num(r.value, 3)}`, position: LABEL_POSITIONS[i % LABEL_POSITIONS.length], fill: r.color, fontSize: 11 }}
            />
          ))}
          {drawn.map(({ series: s, points }) => (
            <Line
              key={s.name}
              name={s.name}
              data={points}
              dataKey="value"
              stroke={s.color}
              strokeDasharray={s.dashed ? '5 4' : undefined}
              strokeOpacity={s.dashed ? 0.7 : 1}
              dot={false}
              isAnimationActive={false}
              strokeWidth={2}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      {noTime && <p className="muted small">{t('noTime')}</p>}
      {referenceNote && <p className="sr-only">{referenceNote}</p>}
      <DataTable testId={testId} drawn={drawn} smoothed={smoothed} />
    </figure>
  );
});

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

/** A y tick that fits 48 px: 3 decimals, or thousands (k) and millions (M) for a large squared error. */
function shortTick(v: number, num: (v: number, digits?: number) => string): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${num(v / 1e6, 1)}M`;
  if (a >= 1e4) return `${num(v / 1e3, 0)}k`;
  return num(v, 3);
}
