import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { downsample } from '../client/downsample';

export interface Series {
  name: string;
  color: string;
  /** An earlier run overlaid for comparison. */
  dashed?: boolean;
  points: { step: number; value: number }[];
}

/** Points drawn per series: enough for the eye, few enough that a render takes a few ms. */
const MAX_DRAWN = 300;

interface Props {
  testId: string;
  title: string;
  series: Series[];
  /** Fixed y range (accuracy is always [0, 1]); auto when absent. */
  domain?: [number, number];
}

/**
 * A live learning curve over global steps. No animation and no dots: with a point
 * arriving several times a second, animation alone would keep the main thread busy.
 * `data-points` is the length of the first series before downsampling.
 */
export const MetricChart = memo(function MetricChart({ testId, title, series, domain }: Props) {
  const total = series[0]?.points.length ?? 0;
  const latest = series
    .filter((s) => s.points.length > 0 && !s.dashed)
    .map((s) => `${s.name} ${s.points[s.points.length - 1].value.toFixed(4)}`)
    .join(', ');
  return (
    <figure className="chart" data-testid={testId} data-points={total}>
      <figcaption>
        {title}
        {latest && <span className="muted"> · latest: {latest}</span>}
      </figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
          <XAxis type="number" dataKey="step" domain={['dataMin', 'dataMax']} allowDuplicatedCategory={false} tickCount={6} />
          <YAxis type="number" domain={domain ?? ['auto', 'auto']} width={48} tickFormatter={(v: number) => String(+v.toFixed(3))} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} labelFormatter={(l) => `step ${l}`} />
          <Legend />
          {series.map((s) => (
            <Line
              key={s.name}
              name={s.name}
              data={downsample(s.points, MAX_DRAWN, (p) => p.value)}
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
    </figure>
  );
});
