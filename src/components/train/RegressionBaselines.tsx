/**
 * A regression's baselines (the training mean, least squares) beside the network's newest
 * test numbers, and the verdict by test R² once a run has ended: the regression half of
 * BaselinePanel, the same table and the same plain words.
 */
import { baselineMessages } from './baselineMessages';
import { regressionVerdict, REGRESSION_BASELINE_NAMES, type RegressionBaselineName } from '../../client/baselineVerdict';
import type { Evaluation, RegressionBaselines as Baselines } from '../../shared/types';
import { BaselineTable } from './BaselineTable';
import { useT } from '../common/useI18n';

/** `targetMean`: the training targets' mean, which the mean baseline always predicts. */
export function RegressionBaselineTable({ baselines: b, test, targetMean }: { baselines: Baselines; test: Evaluation | null; targetMean: number }) {
  const { t, num } = useT(baselineMessages);
  const how: Record<RegressionBaselineName, string> = {
    mean: t('meanHow', { value: num(targetMean, 4) }),
    linear: t('linearHow'),
  };
  const net = test?.regression;
  return (
    <BaselineTable
      columns={[t('colR2'), t('colRmse'), t('colMae')]}
      rows={REGRESSION_BASELINE_NAMES.map((name) => ({ key: name, name: t(name), values: [b[name].r2, b[name].rmse, b[name].mae], how: how[name] }))}
      network={{ values: net ? [net.r2, net.rmse, net.mae] : null, how: test ? t('networkHow', { step: test.globalStep }) : t('notEvaluated') }}
      times={t('timesRegression', { mean: num(b.mean.ms, 0), linear: num(b.linear.ms, 0) })}
    />
  );
}

/** The verdict by test R², once a run has ended. */
export function RegressionVerdictLine({ baselines, network, hook = true }: { baselines: Baselines; network: number; hook?: boolean }) {
  const { t, num } = useT(baselineMessages);
  const v = regressionVerdict(baselines, network);
  const params = { network: `R² ${num(network, 3, 3)}`, baseline: t(v.baseline), score: `R² ${num(v.score, 3, 3)}` };
  const advice = { mean: t('tryMean'), linear: t('tryLinear') }[v.baseline];
  return (
    <p className={v.beaten ? 'verdict' : 'verdict warn'} data-testid={hook ? 'baseline-verdict' : undefined} data-beaten={v.beaten} data-baseline={v.baseline}>
      {v.beaten ? t('better', params) : `${t('notBetter', params)} ${advice}`}
    </p>
  );
}
