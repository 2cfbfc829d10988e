/**
 * The 2x2 confusion matrix of a binary model at the slider's threshold, with precision,
 * recall and accuracy there. Counted on the page from the test rows' scores
 * (client/threshold.ts): moving the slider asks nothing of the worker.
 */
import { binaryMessages } from './binaryMessages';
import type { BinaryConfusion } from '../../client/threshold';
import { rates } from '../../client/threshold';
import { ScrollRegion } from '../common/ScrollRegion';
import { useT } from '../common/useI18n';

interface Props {
  confusion: BinaryConfusion;
  threshold: number;
  positive: string;
  negative: string;
}

export function ThresholdMatrix({ confusion: c, threshold, positive, negative }: Props) {
  const { t, num } = useT(binaryMessages);
  const { precision, recall } = rates(c);
  const total = c.tp + c.fp + c.fn + c.tn;
  const three = (v: number | null) => (v === null ? t('noPrecision') : num(v, 3, 3));
  const cell = (count: number, what: 'tp' | 'fp' | 'fn' | 'tn') => (
    <td className="num" data-testid={`threshold-${what}`} data-value={count} title={t(what)}>
      {count} <span className="muted small">{t(what)}</span>
    </td>
  );
  return (
    <div>
      <ScrollRegion label={t('threshold')}>
        <table className="preview" data-testid="threshold-confusion" data-tp={c.tp} data-fp={c.fp} data-fn={c.fn} data-tn={c.tn}>
          <caption>{t('matrixCaption', { threshold: num(threshold, 2, 2) })}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('calledPositive', { positive })}</th>
              <th scope="col">{t('calledNegative', { negative })}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('actualPositive', { positive })}</th>
              {cell(c.tp, 'tp')}
              {cell(c.fn, 'fn')}
            </tr>
            <tr>
              <th scope="row">{t('actualNegative', { negative })}</th>
              {cell(c.fp, 'fp')}
              {cell(c.tn, 'tn')}
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
      <p className="small" data-testid="threshold-rates" data-precision={precision ?? ''} data-recall={recall ?? ''}>
        {t('atRates', { threshold: num(threshold, 2, 2), precision: three(precision), recall: three(recall), accuracy: three(total > 0 ? (c.tp + c.tn) / total : null) })}
      </p>
    </div>
  );
}
