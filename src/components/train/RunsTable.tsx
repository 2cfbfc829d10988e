/** Earlier models of this visit beside the current one: settings and final test metrics, each one overlayable on the charts. */
import { chartsMessages } from '../charts/messages';
import type { ArchivedRun } from '../../client/state';
import { latestEvaluation } from '../../client/state';
import type { ModelConfig } from '../../shared/types';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';
import { ScrollRegion } from '../common/ScrollRegion';

interface Props {
  runs: ArchivedRun[];
  overlaid: ReadonlySet<number>;
  onToggle: (id: number) => void;
}

export function RunsTable({ runs, overlaid, onToggle }: Props) {
  const state = { model: useAppState((a) => a.model), globalStep: useAppState((a) => a.globalStep) };
  const current = useAppState((a) => latestEvaluation(a, 'test'));
  const dataset = useAppState((a) => a.dataset);
  const { t, num } = useT(chartsMessages);
  if (runs.length === 0) return null;
  // `[10, 20, 10] adagrad 0.05, batch 128, seed 42`, plus what differs from the tutorials' ReLU, no dropout, no L2.
  const describe = (c: ModelConfig) => {
    const extra = [
      c.activation && c.activation !== 'relu' ? c.activation : null,
      c.dropout ? t('describeDropout', { n: c.dropout }) : null,
      c.l2 ? t('describeL2', { n: num(c.l2, 6) }) : null,
    ].filter((x) => x !== null);
    return [`[${c.hiddenUnits.join(', ')}] ${c.optimizer} ${num(c.learningRate, 6)}`, t('describeBatch', { n: c.batchSize }), t('describeSeed', { n: String(c.seed) }), ...extra].join(', ');
  };
  const metric = (value: number | undefined) => (value === undefined ? '—' : num(value, 4));
  // A regression's runs compare by test R² (their accuracy is no number).
  const score = (e: { accuracy: number; regression?: { r2: number } } | null | undefined) => metric(e ? (e.regression ? e.regression.r2 : e.accuracy) : undefined);
  const regression = dataset?.target !== undefined;
  return (
    <ScrollRegion label={t('runsCaption')}>
      <table className="preview" data-testid="runs">
        <caption>{t('runsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colRun')}</th>
            <th scope="col">{t('colSettings')}</th>
            <th scope="col">{t('colSteps')}</th>
            <th scope="col">{t(regression ? 'colTestR2' : 'colTestAccuracy')}</th>
            <th scope="col">{t('colTestLoss')}</th>
            <th scope="col">{t('colOverlay')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-run={r.id}>
              <th scope="row">{r.id}</th>
              <td>{describe(r.config)}</td>
              <td className="num">{num(r.globalStep)}</td>
              <td className="num">{score(r.test)}</td>
              <td className="num">{metric(r.test?.averageLoss)}</td>
              <td>
                <input type="checkbox" checked={overlaid.has(r.id)} onChange={() => onToggle(r.id)} aria-label={t('overlayRun', { id: r.id })} />
              </td>
            </tr>
          ))}
          {state.model && (
            <tr data-run="current">
              <th scope="row">{t('now')}</th>
              <td>{describe(state.model)}</td>
              <td className="num">{num(state.globalStep)}</td>
              <td className="num">{score(current)}</td>
              <td className="num">{metric(current?.averageLoss)}</td>
              <td />
            </tr>
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
