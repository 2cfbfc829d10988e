import { useMemo } from 'react';
import type { MetricPoint } from '../shared/protocol';
import { MetricChart, type Series } from './MetricChart';
import { useAppState } from './useStore';

const TRAIN = '#1f77b4';
const TEST = '#ff7f0e';

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
  const { points } = useAppState();
  const c = useMemo(() => curves(points), [points]);
  const loss = useMemo<Series[]>(
    () => [
      { name: 'train (batch)', color: TRAIN, points: c.batchLoss },
      { name: 'test', color: TEST, points: c.testLoss },
    ],
    [c],
  );
  const accuracy = useMemo<Series[]>(
    () => [
      { name: 'test', color: TEST, points: c.testAcc },
      { name: 'train', color: TRAIN, points: c.trainAcc },
    ],
    [c],
  );
  return (
    <section className="panel wide" aria-labelledby="charts-title">
      <h2 id="charts-title">Learning curves</h2>
      <div className="charts">
        <MetricChart testId="loss-chart" title="Loss (mean cross-entropy per example)" series={loss} />
        <MetricChart testId="accuracy-chart" title="Accuracy" series={accuracy} domain={[0, 1]} />
      </div>
    </section>
  );
}
