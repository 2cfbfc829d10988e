/**
 * k-fold cross-validation on the page: the folds select beside Train (Weka's "Cross-validation,
 * Folds k" test option; Train then runs the folds first), the line that recommends it for a
 * small data set, and the summary of the newest cross-validation: mean ± sd and a row per fold.
 */
import { cvMessages } from './cvMessages';
import type { CvFold, CvSummary, MeanSd } from '../../shared/cv';
import { useId } from 'react';
import { useT } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';
import { ScrollRegion } from '../common/ScrollRegion';

/** The choices the select offers (Weka's default 10, and 5); a link may ask for another k up to 20. */
const FOLD_OPTIONS = [0, 5, 10] as const;
/** Under this many rows a test split is a few dozen rows and its accuracy noisy: the page recommends CV. */
export const RECOMMEND_BELOW_ROWS = 300;

/** The folds select, and the recommendation for a small data set. */
export function CvFoldsField({ disabled }: { disabled: boolean }) {
  const folds = useAppState((a) => a.settings.folds);
  const dataset = useAppState((a) => a.dataset);
  const store = useStore();
  const { t } = useT(cvMessages);
  const hintId = useId();
  const options: number[] = FOLD_OPTIONS.includes(folds as (typeof FOLD_OPTIONS)[number]) || folds <= 1 ? [...FOLD_OPTIONS] : [...FOLD_OPTIONS, folds];
  const rows = dataset ? dataset.trainRows + dataset.testRows + dataset.validationRows : 0;
  const recommend = dataset !== null && rows < RECOMMEND_BELOW_ROWS && folds <= 1;
  return (
    <div className="cv-folds">
      <label className="field">
        <span>{t('folds')}</span>
        <select
          data-testid="cv-folds"
          value={folds <= 1 ? 0 : folds}
          disabled={disabled}
          aria-describedby={hintId}
          onChange={(e) => store.changeSettings({ folds: Number(e.target.value) })}
        >
          {options.map((k) => (
            <option key={k} value={k}>
              {k === 0 ? t('foldsOff') : t('foldsK', { k })}
            </option>
          ))}
        </select>
        <small id={hintId} className="muted">
          {t('foldsHint')}
        </small>
      </label>
      {recommend && (
        <p className="muted" data-testid="cv-recommend">
          {t('recommend', { rows, test: dataset.testRows })}
        </p>
      )}
    </div>
  );
}

/** The folds' progress line while they train, or null. */
export function useCvProgressText(): string | null {
  const cv = useAppState((a) => a.cv);
  const { t } = useT(cvMessages);
  if (!cv) return null;
  if (cv.fold === 0) return t('foldStarting', { folds: cv.folds });
  return t('foldOf', { fold: cv.fold, folds: cv.folds, done: cv.globalStep, total: cv.steps });
}

/** The newest cross-validation: mean ± sd of the test accuracy, and each fold's metrics. */
export function CrossValidationPanel() {
  const summary = useAppState((a) => a.cvSummary);
  return summary ? <Summary summary={summary} /> : null;
}

/**
 * The summary line and the per-fold table: a classifier's accuracy, loss and macro F1, or a
 * regression's R², RMSE and MAE. cv-summary's data-mean and data-sd are the first column's
 * (test accuracy, or a regression's test R²).
 */
function Summary({ summary }: { summary: CvSummary }) {
  const { t, num } = useT(cvMessages);
  const four = (v: number) => num(v, 4, 4);
  const pm = (m: MeanSd) => `${four(m.mean)} ± ${four(m.sd)}`;
  const k = summary.folds;
  const r = summary.regression;
  const columns: { title: string; value: (f: CvFold) => number; total: MeanSd }[] = r
    ? [
        { title: t('colR2'), value: (f) => f.regression?.r2 ?? NaN, total: r.r2 },
        { title: t('colRmse'), value: (f) => f.regression?.rmse ?? NaN, total: r.rmse },
        { title: t('colMae'), value: (f) => f.regression?.mae ?? NaN, total: r.mae },
      ]
    : [
        { title: t('colAccuracy'), value: (f) => f.accuracy, total: summary.accuracy },
        { title: t('colLoss'), value: (f) => f.averageLoss, total: summary.averageLoss },
        { title: t('colF1'), value: (f) => f.macroF1, total: summary.macroF1 },
      ];
  const first = columns[0];
  const line = r
    ? t('summaryRegression', { k, mean: four(r.r2.mean), sd: four(r.r2.sd), rmse: pm(r.rmse) })
    : t('summary', { k, mean: four(summary.accuracy.mean), sd: four(summary.accuracy.sd) });
  return (
    <section className="panel" aria-labelledby="cv-title">
      <h2 id="cv-title">{t('title', { k })}</h2>
      <p data-testid="cv-summary" data-folds={k} data-mean={first.total.mean} data-sd={first.total.sd}>
        <strong>{line}</strong>
      </p>
      <p className="muted">{t('explain', { steps: summary.steps, total: summary.rows, seed: String(summary.seed) })}</p>
      <ScrollRegion label={t('caption')}>
        <table className="preview">
          <caption>{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colFold')}</th>
              <th scope="col">{t('colRows')}</th>
              <th scope="col">{t('colStep')}</th>
              {columns.map((c) => (
                <th scope="col" key={c.title}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.results.map((f) => (
              <tr key={f.fold} data-testid="cv-fold" data-fold={f.fold} data-accuracy={f.accuracy} data-r2={f.regression?.r2 ?? ''}>
                <th scope="row">{f.fold}</th>
                <td className="num">{num(f.testRows)}</td>
                <td className="num">{num(f.globalStep)}</td>
                {columns.map((c) => (
                  <td className="num" key={c.title}>
                    {four(c.value(f))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('rowMean')}
              </th>
              {columns.map((c) => (
                <td className="num" key={c.title}>
                  {pm(c.total)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </section>
  );
}
