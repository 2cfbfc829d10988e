/**
 * Loss and accuracy, train and test on one chart each, as TensorBoard and tfjs-vis draw
 * them, over global steps or training seconds; earlier runs of the data set can be
 * overlaid (dashed) in either view. The x axis choice is local to the page view, not a
 * run setting, so it stays out of the URL.
 */
import { useId, useMemo, useState } from 'react';
import { curves, X_AXES, type XAxis } from '../../client/chartAxis';
import { chartsMessages } from './messages';
import { smooth } from '../../client/smoothing';
import { MetricChart, type Reference, type Series } from './MetricChart';
import { baselineMessages } from '../train/baselineMessages';
import { useOverlaidRuns } from './overlaidRuns';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';

const TRAIN = '#1f77b4';
const TEST = '#ff7f0e';
const PAST = '#6a3d9a';
const VALIDATION = '#2ca02c';
/** Dark enough for their labels to read on white (contrast above 4.5:1). */
const BASELINE_COLORS = { majority: '#595959', logistic: '#1a7f37', forest: '#7a4a3a' } as const;

export function Charts() {
  const { t, num } = useT(chartsMessages);
  const points = useAppState((a) => a.points);
  // Where early stopping's restored weights come from: a vertical mark on both charts.
  const bestStep = useAppState((a) => a.evaluations[a.evaluations.length - 1]?.restoredFrom);
  const marks = useMemo(() => (bestStep === undefined ? [] : [{ step: bestStep, label: t('bestMark', { step: bestStep }) }]), [bestStep, t]);
  const runs = useAppState((a) => a.runs);
  const dataset = useAppState((a) => a.dataset);
  const [smoothing, setSmoothing] = useState(0);
  const [axis, setAxis] = useState<XAxis>('step');
  const overlaid = useOverlaidRuns();
  const pastRuns = useMemo(() => runs.filter((r) => r.dataset === dataset?.name), [runs, dataset]);
  const shown = useMemo(() => pastRuns.filter((r) => overlaid.has(r.id)).map((r) => ({ run: r, c: curves(r.points) })), [pastRuns, overlaid]);
  const words = useT(baselineMessages);
  const baselines = useAppState((a) => a.baselines);
  const target = dataset?.target;
  const references = useMemo<Reference[]>(() => {
    if (baselines.status !== 'ready') return [];
    const b = baselines.baselines;
    // A regression's baselines on its MAE chart: the training mean and the least-squares line.
    if (b.task === 'regression') {
      return [
        { name: words.t('chartMean'), value: b.mean.mae, color: BASELINE_COLORS.majority },
        { name: words.t('chartLinear'), value: b.linear.mae, color: BASELINE_COLORS.logistic },
      ];
    }
    return [
      { name: words.t('chartMajority'), value: b.majority.accuracy, color: BASELINE_COLORS.majority },
      { name: words.t('chartLogistic'), value: b.logistic.accuracy, color: BASELINE_COLORS.logistic },
      { name: words.t('chartForest'), value: b.forest.accuracy, color: BASELINE_COLORS.forest },
    ];
  }, [baselines, words]);
  const referenceNote =
    references.length > 0 ? words.t('chartNote', { values: references.map((r) => `${r.name} ${words.num(r.value, 4)}`).join(', ') }) : undefined;
  const sliderId = useId();
  const axisId = useId();
  const axisHintId = useId();
  const c = useMemo(() => curves(points), [points]);
  const loss = useMemo<Series[]>(
    () => [
      { name: t('trainBatch'), color: TRAIN, points: smooth(c.batchLoss, smoothing) },
      { name: t('test'), color: TEST, points: smooth(c.testLoss, smoothing) },
      ...(c.validationLoss.length > 0 ? [{ name: t('validation'), color: VALIDATION, points: smooth(c.validationLoss, smoothing) }] : []),
      ...shown.map(({ run, c: rc }) => ({ name: t('pastRunTest', { id: run.id }), color: PAST, dashed: true, points: smooth(rc.testLoss, smoothing) })),
    ],
    [c, smoothing, shown, t],
  );
  const accuracy = useMemo<Series[]>(
    () => [
      { name: t('test'), color: TEST, points: smooth(c.testAcc, smoothing) },
      { name: t('train'), color: TRAIN, points: smooth(c.trainAcc, smoothing) },
      ...(c.validationAcc.length > 0 ? [{ name: t('validation'), color: VALIDATION, points: smooth(c.validationAcc, smoothing) }] : []),
      ...shown.map(({ run, c: rc }) => ({ name: t('pastRunTest', { id: run.id }), color: PAST, dashed: true, points: smooth(rc.testAcc, smoothing) })),
    ],
    [c, smoothing, shown, t],
  );
  return (
    <section className="panel charts-panel" aria-labelledby="charts-title">
      <h2 id="charts-title" className="sr-only">{t('title')}</h2>
      <div className="charts-controls">
        <label htmlFor={sliderId} className="smoothing" title={t('smoothingHint')}>
          {t('smoothing')} <input id={sliderId} type="range" min={0} max={0.99} step={0.01} value={smoothing} onChange={(e) => setSmoothing(Number(e.target.value))} />{' '}
          <output htmlFor={sliderId}>{num(smoothing, 2)}</output>
        </label>
        <label htmlFor={axisId} className="smoothing">
          {t('xAxis')}{' '}
          <select id={axisId} data-testid="x-axis" value={axis} aria-describedby={axisHintId} onChange={(e) => setAxis(e.target.value as XAxis)}>
            {X_AXES.map((a) => (
              <option key={a} value={a}>
                {t(`axis_${a}`)}
              </option>
            ))}
          </select>
        </label>
        <span id={axisHintId} className="muted small" hidden={axis !== 'time'}>
          {t('timeHint')}
        </span>
      </div>
      <div className="charts">
        <MetricChart height={150} testId="loss-chart" title={target ? t('lossTitleRegression', { label: target.name }) : t('lossTitle')} series={loss} axis={axis} smoothed={smoothing > 0} marks={marks} />
        <MetricChart
          height={150}
          testId="accuracy-chart"
          title={target ? t('maeTitle', { label: target.name }) : t('accuracyTitle')}
          series={accuracy}
          domain={target ? undefined : [0, 1]}
          axis={axis}
          smoothed={smoothing > 0}
          marks={marks}
          references={references}
          referenceNote={referenceNote}
        />
      </div>
    </section>
  );
}
