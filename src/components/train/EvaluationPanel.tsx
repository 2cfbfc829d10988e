import { trainMessages } from './messages';
import { latestEvaluation } from '../../client/state';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';

/**
 * The newest evaluation of the test split, in the keys classifier.evaluate() returns,
 * with six decimals as the tutorial prints them. data-value keeps the raw number.
 */
export function EvaluationPanel() {
  const e = useAppState((a) => latestEvaluation(a, 'test'));
  // A training split over 100,000 rows is evaluated on an even sample of them (ml/train/evaluateChunked.ts): said, not hidden.
  const train = useAppState((a) => latestEvaluation(a, 'train'));
  const { t, num } = useT(trainMessages);
  const target = useAppState((a) => a.dataset?.target);
  const regression = target !== undefined;
  const six = (v: number) => num(v, 6, 6);
  // A dash for the eye, words for a screen reader.
  const empty = (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t('notEvaluated')}</span>
    </>
  );
  return (
    <section className="panel" aria-labelledby="eval-title">
      <h2 id="eval-title">{t('evalTitle')}</h2>
      <dl className="facts eval">
        {regression ? (
          <>
            <dt>{t('keyR2')}</dt>
            <dd data-testid="test-r2" data-value={e?.regression ? e.regression.r2 : ''}>
              {e?.regression ? six(e.regression.r2) : empty}
            </dd>
            <dt>{t('keyRmse')}</dt>
            <dd data-testid="test-rmse" data-value={e?.regression ? e.regression.rmse : ''}>
              {e?.regression ? six(e.regression.rmse) : empty}
            </dd>
            <dt>{t('keyMae')}</dt>
            <dd data-testid="test-mae" data-value={e?.regression ? e.regression.mae : ''}>
              {e?.regression ? six(e.regression.mae) : empty}
            </dd>
          </>
        ) : (
          <>
            <dt>{t('keyAccuracy')}</dt>
            <dd data-testid="test-accuracy" data-value={e ? e.accuracy : ''}>
              {e ? six(e.accuracy) : empty}
            </dd>
          </>
        )}
        <dt>{t('keyAverageLoss')}</dt>
        <dd data-testid="test-loss" data-value={e ? e.averageLoss : ''}>
          {e ? six(e.averageLoss) : empty}
        </dd>
        <dt>{t('keyLoss')}</dt>
        <dd>{e ? six(e.loss) : empty}</dd>
        <dt>{t('keyGlobalStep')}</dt>
        <dd>{e ? num(e.globalStep) : empty}</dd>
      </dl>
      {e && !e.regression && <p className="muted">{t('evalSummary', { correct: e.correct, examples: e.examples, accuracy: six(e.accuracy) })}</p>}
      {e?.regression && (
        <p className="muted">
          {t('evalSummaryRegression', { examples: e.examples, label: target?.name ?? '', mae: num(e.regression.mae, 4), rmse: num(e.regression.rmse, 4), r2: num(e.regression.r2, 4, 4) })}
        </p>
      )}
      {train?.ofRows !== undefined && (
        <p className="muted small" data-testid="train-sample" data-examples={train.examples} data-rows={train.ofRows}>
          {t('trainSampled', { examples: num(train.examples), rows: num(train.ofRows) })}
        </p>
      )}
    </section>
  );
}
