/**
 * A curve over [0, 1] x [0, 1] (ROC, precision-recall): the model's line, a dashed
 * reference line (chance), and a dot where the chosen threshold sits. No animation.
 */
import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { binaryMessages } from './binaryMessages';
import { useT } from '../common/useI18n';

export interface XY {
  x: number;
  y: number;
}

interface Props {
  testId: string;
  title: string;
  xLabel: string;
  yLabel: string;
  points: XY[];
  /** The chance line's two ends. */
  reference: [XY, XY];
  /** Where the threshold puts the model on this curve. */
  marker: XY | null;
}

const UNIT: [number, number] = [0, 1];
const TICKS = [0, 0.25, 0.5, 0.75, 1];

export const CurveChart = memo(function CurveChart({ testId, title, xLabel, yLabel, points, reference, marker }: Props) {
  const { t, num } = useT(binaryMessages);
  return (
    <figure className="chart" data-testid={testId} data-points={points.length}>
      {/* The y axis is named here: a rotated label beside the ticks crowds a narrow panel. */}
      <figcaption>
        {title} <span className="muted small">({t('axes', { y: yLabel, x: xLabel })})</span>
      </figcaption>
      <div role="img" aria-label={t('chartLabel', { title, points: points.length })}>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
            <XAxis type="number" dataKey="x" domain={UNIT} ticks={TICKS} tickFormatter={(v: number) => num(v, 2)} height={40} label={{ value: xLabel, position: 'insideBottom', offset: 0 }} />
            <YAxis type="number" domain={UNIT} ticks={TICKS} width={40} tickFormatter={(v: number) => num(v, 2)} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? num(v, 3) : String(v))} labelFormatter={(l) => `${xLabel} ${num(Number(l), 3)}`} />
            <Line name={t('chance')} data={reference} dataKey="y" stroke="#8a949e" strokeDasharray="5 4" dot={false} isAnimationActive={false} strokeWidth={1} />
            <Line name={t('curve')} data={points} dataKey="y" stroke="#1a5fb4" dot={false} isAnimationActive={false} strokeWidth={2} />
            {marker && <ReferenceDot x={marker.x} y={marker.y} r={5} fill="#c01c28" stroke="#ffffff" />}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
