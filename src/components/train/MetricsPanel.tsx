import { useMemo } from 'react';
import { analysisMessages } from '../analysis/messages';
import { classMetrics } from '../../client/metrics';
import { latestEvaluation } from '../../client/state';
import { ConfusionRowsList } from '../analysis/ConfusionRowsList';
import { ConfusionMatrix } from '../mnist/ConfusionMatrix';
import { useCellSelection } from '../common/useCellSelection';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';
import { ScrollRegion } from '../common/ScrollRegion';

/**
 * What the newest test evaluation got right and wrong, per class: the confusion matrix
 * (MNIST shows its own beside the digit gallery), whose cells list their rows when
 * clicked, and precision, recall and F1 with their macro averages, as Weka and
 * scikit-learn report them: a class the model never predicts stands out, and the macro
 * averages are over the classes with test rows, naming the ones without.
 */
export function MetricsPanel() {
  const dataset = useAppState((a) => a.dataset);
  const { t } = useT(analysisMessages);
  const test = useAppState((a) => latestEvaluation(a, 'test'));
  const names = dataset?.classNames ?? [];
  const metrics = useMemo(() => (test?.confusion ? classMetrics(test.confusion) : null), [test]);
  const { selected, select, close } = useCellSelection(dataset?.name, names.length);
  if (!test?.confusion || !metrics) return null;
  // Three decimals, as scikit-learn's classification_report prints them (the same in both locales).
  const fixed = (v: number) => v.toFixed(3);
  const showMatrix = dataset?.source !== 'mnist';
  const present = metrics.perClass.length - metrics.absent.length;
  const listOf = (ids: number[]) => ids.map((c) => names[c] ?? String(c)).join(', ');
  return (
    <section className="panel" aria-labelledby="metrics-title">
      <h2 id="metrics-title">{t('metricsTitle', { step: test.globalStep })}</h2>
      {showMatrix && (
        <>
          <ConfusionMatrix matrix={test.confusion} classNames={names} caption={t('metricsCaption')} testId="confusion-matrix" onSelect={select} selected={selected} />
          {selected ? (
            <ConfusionRowsList actual={selected.actual} predicted={selected.predicted} classNames={names} onClose={close} />
          ) : (
            <p className="muted small">{t('metricsHint')}</p>
          )}
        </>
      )}
      <ScrollRegion label={t('metricsTable')}>
        <table className="preview" data-testid="class-metrics">
          <caption>{t('metricsTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colClass')}</th>
              <th scope="col">{t('colPrecision')}</th>
              <th scope="col">{t('colRecall')}</th>
              <th scope="col">{t('colF1')}</th>
              <th scope="col">{t('colSupport')}</th>
            </tr>
          </thead>
          <tbody>
            {metrics.perClass.map((m, c) => {
              const absent = m.support === 0;
              const never = !absent && m.predicted === 0;
              // Marked in words as well as colour: the row says why it stands out.
              return (
                <tr key={c} className={never ? 'never-predicted' : absent ? 'absent-class' : undefined} data-class={names[c] ?? c} data-recall={absent ? undefined : m.recall} data-never-predicted={never || undefined} data-absent={absent || undefined}>
                  <th scope="row">
                    {names[c] ?? c}
                    {never && <span className="flag"> · {t('neverPredicted')}</span>}
                    {absent && <span className="muted"> · {t('noRows')}</span>}
                  </th>
                  <td className="num">{fixed(m.precision)}</td>
                  <td className="num">{absent ? '—' : fixed(m.recall)}</td>
                  <td className="num">{absent ? '—' : fixed(m.f1)}</td>
                  <td className="num">{m.support}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr data-testid="macro-average" data-recall={metrics.macro.recall} data-classes={present}>
              <th scope="row">{metrics.absent.length > 0 ? t('macroPresent', { n: present }) : t('macroAverage')}</th>
              <td className="num">{fixed(metrics.macro.precision)}</td>
              <td className="num">{fixed(metrics.macro.recall)}</td>
              <td className="num">{fixed(metrics.macro.f1)}</td>
              <td className="num">{test.examples}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      {metrics.neverPredicted.length > 0 && <p className="flag small">{t('neverPredictedNote', { classes: listOf(metrics.neverPredicted) })}</p>}
      {metrics.absent.length > 0 && <p className="muted small">{t('absentClasses', { classes: listOf(metrics.absent) })}</p>}
    </section>
  );
}
