/**
 * Binary data sets (exactly two classes): the test split's ROC curve with its AUC, the
 * precision-recall curve with its average precision, and a threshold slider over the
 * 2x2 matrix. The worker scores the test rows (`binary-curves`); the panel asks again
 * when a run ends, when Evaluate adds an evaluation, or when the positive class changes,
 * never during a run (it keeps the curves it has). The positive class is the second
 * class by default (the sorted labels' second, as scikit-learn's pos_label=1), or the
 * one picked.
 */
import { useMemo, useState } from 'react';
import { binaryMessages } from './binaryMessages';
import { CurveChart, type XY } from './CurveChart';
import { ThresholdMatrix } from './ThresholdMatrix';
import type { BinaryCurves } from '../../shared/analysis';
import { latestEvaluation } from '../../client/state';
import { confusionAt } from '../../client/threshold';
import { ScrollRegion } from '../common/ScrollRegion';
import { useT, useWords } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';
import { useViewRequest } from '../common/useViewRequest';

const ROC_CHANCE: [XY, XY] = [
  { x: 0, y: 0 },
  { x: 1, y: 1 },
];

export function BinaryPanel() {
  const store = useStore();
  const { t, num } = useT(binaryMessages);
  const words = useWords();
  const dataset = useAppState((a) => a.dataset);
  const model = useAppState((a) => a.model);
  const runState = useAppState((a) => a.state);
  const generation = useAppState((a) => a.generation);
  const slot = useAppState((a) => a.analysis.binary);
  // The newest test evaluation (its step, and how many there are): a run's end or Evaluate asks again.
  const testKey = useAppState((a) => `${latestEvaluation(a, 'test')?.globalStep ?? -1}:${a.evaluations.length}`);
  const [positive, setPositive] = useState(1);
  const [threshold, setThreshold] = useState(0.5);
  const names = dataset?.classNames ?? [];
  const binary = names.length === 2 && (dataset?.testRows ?? 0) > 0;

  const key = `${generation}|${positive}|${testKey}`;
  const ready = binary && model !== null && runState !== 'loading' && runState !== 'training';
  useViewRequest(ready, false, slot, key, () => store.requestBinaryCurves(positive, key));

  // Curves of the other positive class are not this one's (they arrive after a switch).
  const curves = binary && slot.value?.positive === positive ? slot.value : null;
  const confusion = useMemo(() => (curves ? confusionAt(curves.scores, curves.positives, threshold) : null), [curves, threshold]);
  if (!binary) return null;
  const pos = names[positive];
  const neg = names[1 - positive];
  const failed = slot.asked === key && !slot.pending ? slot.error : null;
  return (
    <section className="panel" aria-labelledby="binary-title" data-testid="binary-panel" data-step={curves?.globalStep ?? ''}>
      <h2 id="binary-title">{curves ? t('title', { step: curves.globalStep }) : t('titleNoStep')}</h2>
      <p className="muted small">{t('intro')}</p>
      <label className="inline-field">
        {t('positive')}{' '}
        <select data-testid="positive-class" value={positive} onChange={(e) => setPositive(Number(e.target.value))}>
          {names.map((n, c) => (
            <option key={c} value={c}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {failed && <p role="alert">{words(failed)}</p>}
      {!curves && !failed && <p className="muted">{t('loading')}</p>}
      {curves && (
        <>
          <dl className="facts">
            <dt>{t('auc')}</dt>
            <dd data-testid="auc" data-value={curves.auc ?? ''}>
              {curves.auc === null ? t('aucUndefined') : num(curves.auc, 4, 4)}
            </dd>
            <dt>{t('ap')}</dt>
            <dd data-testid="average-precision" data-value={curves.averagePrecision ?? ''}>
              {curves.averagePrecision === null ? t('apUndefined') : num(curves.averagePrecision, 4, 4)}
            </dd>
          </dl>
          {curves.auc !== null && <p className="muted small">{t('aucNote', { positive: pos, negative: neg })}</p>}
          <Curves curves={curves} threshold={threshold} />
          <label className="threshold-field">
            <span>
              {t('thresholdLabel', { positive: pos })}: <strong>{num(threshold, 2, 2)}</strong>
            </span>
            <input type="range" min={0} max={1} step={0.01} value={threshold} data-testid="threshold" onChange={(e) => setThreshold(Number(e.target.value))} />
          </label>
          {confusion && <ThresholdMatrix confusion={confusion} threshold={threshold} positive={pos} negative={neg} />}
          <PointsTable curves={curves} />
        </>
      )}
    </section>
  );
}

/** Where a threshold sits on a curve: the point of the lowest threshold at or above it (rows scoring >= it are called positive). */
function pointAt<T extends { threshold: number }>(points: readonly T[] | null, threshold: number): T | null {
  if (!points) return null;
  let best: T | null = null;
  for (const p of points) if (p.threshold >= threshold && (best === null || p.threshold < best.threshold)) best = p;
  return best;
}

function Curves({ curves, threshold }: { curves: BinaryCurves; threshold: number }) {
  const { t } = useT(binaryMessages);
  const roc = useMemo(() => curves.roc?.map((p) => ({ x: p.fpr, y: p.tpr })) ?? [], [curves]);
  const pr = useMemo(() => curves.pr?.map((p) => ({ x: p.recall, y: p.precision })) ?? [], [curves]);
  // The precision of calling every row positive: the PR curve's chance line.
  const prevalence = useMemo(() => curves.positives.reduce((a, b) => a + b, 0) / Math.max(1, curves.positives.length), [curves]);
  const rocAt = pointAt(curves.roc, threshold);
  const prAt = pointAt(curves.pr, threshold);
  return (
    <div className="binary-charts">
      {curves.roc && <CurveChart testId="roc-chart" title={t('rocTitle')} xLabel={t('fpr')} yLabel={t('tpr')} points={roc} reference={ROC_CHANCE} marker={rocAt && { x: rocAt.fpr, y: rocAt.tpr }} />}
      {curves.pr && (
        <CurveChart
          testId="pr-chart"
          title={t('prTitle')}
          xLabel={t('recall')}
          yLabel={t('precision')}
          points={pr}
          reference={[
            { x: 0, y: prevalence },
            { x: 1, y: prevalence },
          ]}
          marker={prAt && { x: prAt.recall, y: prAt.precision }}
        />
      )}
    </div>
  );
}

/** Both curves' points as tables (a screen reader's or a keyboard's view of the charts), built only while open. */
function PointsTable({ curves }: { curves: BinaryCurves }) {
  const { t, num } = useT(binaryMessages);
  const [open, setOpen] = useState(false);
  const threshold = (v: number) => (Number.isFinite(v) ? num(v, 4) : '∞');
  return (
    <details className="chart-data" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('pointsTable')}</summary>
      {open && (
        <ScrollRegion label={t('pointsTable')}>
          {curves.roc && (
            <table className="preview">
              <caption>{t('rocCaption', { shown: curves.roc.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colThreshold')}</th>
                  <th scope="col">{t('colFpr')}</th>
                  <th scope="col">{t('colTpr')}</th>
                </tr>
              </thead>
              <tbody>
                {curves.roc.map((p, i) => (
                  <tr key={i}>
                    <th scope="row" className="num">
                      {threshold(p.threshold)}
                    </th>
                    <td className="num">{num(p.fpr, 3)}</td>
                    <td className="num">{num(p.tpr, 3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {curves.pr && (
            <table className="preview">
              <caption>{t('prCaption', { shown: curves.pr.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colThreshold')}</th>
                  <th scope="col">{t('colRecall')}</th>
                  <th scope="col">{t('colPrecision')}</th>
                </tr>
              </thead>
              <tbody>
                {curves.pr.map((p, i) => (
                  <tr key={i}>
                    <th scope="row" className="num">
                      {threshold(p.threshold)}
                    </th>
                    <td className="num">{num(p.recall, 3)}</td>
                    <td className="num">{num(p.precision, 3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </ScrollRegion>
      )}
    </details>
  );
}
