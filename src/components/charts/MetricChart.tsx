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
import { memo, useMemo, useState } from 'react';
import { onAxis, type XAxis } from '../../client/chartAxis';
import { downsample } from '../../client/downsample';
import { chartsMessages } from './messages';
import { CurvePlot } from './CurvePlot';
import type { Drawn, Reference, Series, StepMark } from './series';
import { useT } from '../common/useI18n';
import { ScrollRegion } from '../common/ScrollRegion';

export type { Reference, Series, StepMark } from './series';

/** Points drawn per series: enough for the eye, few enough for the data table. */
const MAX_DRAWN = 300;

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
