import { useId, useMemo, useState } from 'react';
import { smooth } from '../client/smoothing';
import type { MetricPoint } from '../shared/protocol';
import { MetricChart, type Series } from './MetricChart';
import { RunsTable } from './RunsTable';
import { useAppState } from './useStore';

const TRAIN = '#1f77b4';
const TEST = '#ff7f0e';
const PAST = '#6a3d9a';

/** Split the flat point list into the curves each chart draws. */
function curves(points: MetricPoint[]) {
  const batchLoss: Series['points'] = [];
  const testLoss: Series['points'] = [];
  const trainAcc: Series['points'] = [];
  const testAcc: Series['points'] = [];
  for (const p of points) {
    if (p.split === 'train' && p.accuracy === undefined) batchLoss.push({ step: p.step, value: p.loss });
    if (p.split === 'train' && p.accuracy !== undefined) trainAcc.push({ step: p.step, value: p.accuracy });
    if (p.split === 'test') {
      testLoss.push({ step: p.step, value: p.loss });
      if (p.accuracy !== undefined) testAcc.push({ step: p.step, value: p.accuracy });
    }
  }
  return { batchLoss, testLoss, trainAcc, testAcc };
}

/** Loss and accuracy, train and test on one chart each, as TensorBoard and tfjs-vis draw them. */
export function Charts() {
  const state = useAppState();
  const { points } = state;
  const [smoothing, setSmoothing] = useState(0);
  const [overlaid, setOverlaid] = useState<ReadonlySet<number>>(new Set());
  const pastRuns = useMemo(() => state.runs.filter((r) => r.dataset === state.dataset?.name), [state.runs, state.dataset]);
  const shown = useMemo(() => pastRuns.filter((r) => overlaid.has(r.id)).map((r) => ({ run: r, c: curves(r.points) })), [pastRuns, overlaid]);
  const sliderId = useId();
  const c = useMemo(() => curves(points), [points]);
  const loss = useMemo<Series[]>(
    () => [
      { name: 'train (batch)', color: TRAIN, points: smooth(c.batchLoss, smoothing) },
      { name: 'test', color: TEST, points: smooth(c.testLoss, smoothing) },
      ...shown.map(({ run, c: rc }) => ({ name: `run ${run.id} test`, color: PAST, dashed: true, points: smooth(rc.testLoss, smoothing) })),
    ],
    [c, smoothing, shown],
  );
  const accuracy = useMemo<Series[]>(
    () => [
      { name: 'test', color: TEST, points: smooth(c.testAcc, smoothing) },
      { name: 'train', color: TRAIN, points: smooth(c.trainAcc, smoothing) },
      ...shown.map(({ run, c: rc }) => ({ name: `run ${run.id} test`, color: PAST, dashed: true, points: smooth(rc.testAcc, smoothing) })),
    ],
    [c, smoothing, shown],
  );
  return (
    <section className="panel wide" aria-labelledby="charts-title">
      <h2 id="charts-title">Learning curves</h2>
      <label htmlFor={sliderId} className="smoothing">
        Smoothing (TensorBoard's debiased moving average){' '}
        <input id={sliderId} type="range" min={0} max={0.99} step={0.01} value={smoothing} onChange={(e) => setSmoothing(Number(e.target.value))} />{' '}
        <output htmlFor={sliderId}>{smoothing.toFixed(2)}</output>
      </label>
      <div className="charts">
        <MetricChart testId="loss-chart" title="Loss (mean cross-entropy per example)" series={loss} />
        <MetricChart testId="accuracy-chart" title="Accuracy" series={accuracy} domain={[0, 1]} />
      </div>
      <RunsTable
        runs={pastRuns}
        overlaid={overlaid}
        onToggle={(id) => {
          const next = new Set(overlaid);
          if (!next.delete(id)) next.add(id);
          setOverlaid(next);
        }}
      />
    </section>
  );
}
