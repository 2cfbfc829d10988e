/**
 * do_eval's printout as a table: for every evaluation (at each checkpoint and where a run
 * ends), Num examples, Num correct and Precision @ 1 on train, validation and test, newest
 * step first so the latest stays in view; and precision per split over steps, so
 * overfitting shows as train pulling away from validation. Works for any run whose
 * evaluations carry counts, not only MNIST.
 */
import { memo, useMemo } from 'react';
import type { Evaluation, Split } from '../../shared/types';
import { mnistMessages } from './messages';
import { trainMessages } from '../train/messages';
import { MetricChart, type Series } from '../charts/MetricChart';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';
import { ScrollRegion } from '../common/ScrollRegion';

const SPLITS: { split: Split; color: string }[] = [
  { split: 'train', color: '#1f77b4' },
  { split: 'validation', color: '#2ca02c' },
  { split: 'test', color: '#ff7f0e' },
];

/** Precision @ 1 as do_eval computes it: correct / examples (0 for an empty split). */
export function precisionOf(e: Evaluation): number {
  return e.examples > 0 ? e.correct / e.examples : 0;
}

/**
 * Evaluations grouped by the step they were made at, newest first. Consecutive runs of
 * the same step form one group (arrival order within a group: train, validation, test).
 */
function byStep(evaluations: Evaluation[]): { step: number; rows: Evaluation[] }[] {
  const groups: { step: number; rows: Evaluation[] }[] = [];
  for (const e of evaluations) {
    const last = groups[groups.length - 1];
    if (last && last.step === e.globalStep) last.rows.push(e);
    else groups.push({ step: e.globalStep, rows: [e] });
  }
  return groups.reverse();
}

const Rows = memo(function Rows({ evaluations }: { evaluations: Evaluation[] }) {
  const { t, num } = useT(mnistMessages);
  const groups = useMemo(() => byStep(evaluations), [evaluations]);
  return groups.map((g, gi) => (
    <tbody key={`${groups.length - gi}`}>
      {g.rows.map((e, i) => {
        const precision = precisionOf(e);
        return (
          <tr
            key={`${e.split}-${i}`}
            data-testid="eval-table"
            data-split={e.split}
            data-step={e.globalStep}
            data-examples={e.examples}
            data-correct={e.correct}
            data-precision={precision}
            data-restored-from={e.restoredFrom ?? ''}
            data-r2={e.regression?.r2 ?? ''}
            data-rmse={e.regression?.rmse ?? ''}
          >
            {i === 0 && (
              <th scope="rowgroup" rowSpan={g.rows.length} className="num">
                {num(g.step)}
              </th>
            )}
            <th scope="row">
              {t(`split_${e.split}`)}
              {e.restoredFrom !== undefined && <span className="muted"> {t('restoredFrom', { step: e.restoredFrom })}</span>}
            </th>
            <td className="num">{num(e.examples)}</td>
            {e.regression ? (
              <>
                <td className="num">{num(e.regression.rmse, 4)}</td>
                <td className="num">{num(e.regression.r2, 4, 4)}</td>
              </>
            ) : (
              <>
                <td className="num">{num(e.correct)}</td>
                <td className="num">{num(precision, 4)}</td>
              </>
            )}
          </tr>
        );
      })}
    </tbody>
  ));
});

export function EvalTable() {
  const evaluations = useAppState((a) => a.evaluations);
  const regression = useAppState((a) => a.dataset?.target !== undefined);
  const { t } = useT(mnistMessages);
  const { t: tt } = useT(trainMessages);
  const series = useMemo<Series[]>(
    () =>
      SPLITS.map(({ split, color }) => ({
        name: t(`split_${split}`),
        color,
        // A regression's R² (its evaluations count no correct rows).
        points: evaluations.filter((e) => e.split === split).map((e) => ({ step: e.globalStep, value: e.regression ? e.regression.r2 : precisionOf(e) })),
      })).filter((s) => s.points.length > 0),
    [evaluations, t],
  );
  return (
    <div className="eval-table">
      <ScrollRegion className="eval-scroll" label={t('evaluations')}>
        <table className="preview">
          <caption>{t('evalCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colStep')}</th>
              <th scope="col">{t('colSplit')}</th>
              <th scope="col" className="num">
                {t('colExamples')}
              </th>
              <th scope="col" className="num">
                {regression ? tt('keyRmse') : t('colCorrect')}
              </th>
              <th scope="col" className="num">
                {regression ? tt('keyR2') : t('colPrecision')}
              </th>
            </tr>
          </thead>
          {evaluations.length > 0 ? (
            <Rows evaluations={evaluations} />
          ) : (
            <tbody>
              <tr>
                <td colSpan={5} className="muted">
                  {t('noEvaluation')}
                </td>
              </tr>
            </tbody>
          )}
        </table>
      </ScrollRegion>
      <MetricChart testId="precision-chart" title={t(regression ? 'r2Chart' : 'precisionChart')} series={series} domain={regression ? undefined : [0, 1]} />
    </div>
  );
}
