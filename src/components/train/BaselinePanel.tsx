import { baselineMessages } from './baselineMessages';
import { BaselineTable } from './BaselineTable';
import { RegressionBaselineTable, RegressionVerdictLine } from './RegressionBaselines';
import { baselineVerdict, BASELINE_NAMES, type BaselineName } from '../../client/baselineVerdict';
import { latestEvaluation, type BaselineState } from '../../client/state';
import type { ClassificationBaselines, Evaluation } from '../../shared/types';
import { useT, useWords } from '../common/useI18n';
import { useAppState } from '../common/useStore';

/**
 * The loaded data set's baselines (ZeroR, logistic regression, random forest) beside the
 * network's newest test accuracy, and, once a run has ended, a plain verdict: which
 * baseline the network does not beat and what to try, or that it beats them all.
 * data-majority / data-logistic / data-forest: the raw test accuracies ('' until computed).
 */
export function BaselinePanel() {
  const state = useAppState((a) => a.baselines);
  const test = useAppState((a) => latestEvaluation(a, 'test'));
  const ended = useAppState((a) => a.state === 'done' || a.state === 'stopped');
  const { t } = useT(baselineMessages);
  const b = state.status === 'ready' && state.baselines.task !== 'regression' ? state.baselines : null;
  const r = state.status === 'ready' && state.baselines.task === 'regression' ? state.baselines : null;
  return (
    <section
      className="panel"
      aria-labelledby="baseline-title"
      data-testid="baseline"
      data-status={state.status}
      data-majority={b ? b.majority.accuracy : ''}
      data-logistic={b ? b.logistic.accuracy : ''}
      data-forest={b ? b.forest.accuracy : ''}
      // A regression's: test R² of the training mean and of least squares.
      data-mean={r ? r.mean.r2 : ''}
      data-linear={r ? r.linear.r2 : ''}
    >
      <h2 id="baseline-title">{t('title')}</h2>
      <p className="muted small">{t('intro')}</p>
      <Body state={state} test={test} />
      {/* The whole verdict with its advice: the output column's strip shows two lines of it. */}
      {b && test && ended && <VerdictLine baselines={b} network={test.accuracy} hook={false} />}
      {r && test?.regression && ended && <RegressionVerdictLine baselines={r} network={test.regression.r2} hook={false} />}
    </section>
  );
}

/**
 * The verdict against the best baseline, once a run has ended: beside the network's own numbers
 * in the output column, where a person looks after pressing Train (the table is in the drawer).
 */
export function BaselineVerdict() {
  const state = useAppState((a) => a.baselines);
  const test = useAppState((a) => latestEvaluation(a, 'test'));
  const ended = useAppState((a) => a.state === 'done' || a.state === 'stopped');
  const ready = state.status === 'ready' ? state.baselines : null;
  const b = ready?.task === 'regression' ? null : ready;
  const r = ready?.task === 'regression' ? ready : null;
  const { t, num } = useT(baselineMessages);
  if (r) {
    const note = t('chartNoteRegression', { values: `${t('chartMean')} ${num(r.mean.mae, 4)}, ${t('chartLinear')} ${num(r.linear.mae, 4)}` });
    return (
      <div className="output-verdict" aria-live="polite">
        {test?.regression && ended ? <RegressionVerdictLine baselines={r} network={test.regression.r2} /> : <p className="muted small">{note}</p>}
      </div>
    );
  }
  const values = b ? [`${t('chartMajority')} ${num(b.majority.accuracy, 4)}`, `${t('chartLogistic')} ${num(b.logistic.accuracy, 4)}`, `${t('chartForest')} ${num(b.forest.accuracy, 4)}`].join(', ') : '';
  // Always there and of a fixed height (styles), so nothing below it moves when the verdict comes,
  // and a screen reader hears the verdict when it appears at the end of a run.
  return (
    <div className="output-verdict" aria-live="polite">
      {b && test && ended ? <VerdictLine baselines={b} network={test.accuracy} /> : b && <p className="muted small">{t('chartNote', { values })}</p>}
    </div>
  );
}

function Body({ state, test }: { state: BaselineState; test: Evaluation | null }) {
  const { t, num } = useT(baselineMessages);
  const words = useWords();
  const targetMean = useAppState((a) => a.dataset?.target?.mean);
  const className = useAppState((a) => (state.status === 'ready' && state.baselines.task !== 'regression' ? a.dataset?.classNames[state.baselines.majority.classIndex] : undefined));
  if (state.status === 'computing') return <p role="status">{t('computing')}</p>;
  if (state.status === 'none') return <p role="status">{t('none')}</p>;
  if (state.status === 'failed') return <p role="alert" className="alert error">{words(state.reason)}</p>;
  const b = state.baselines;
  if (b.task === 'regression') return <RegressionBaselineTable baselines={b} test={test} targetMean={targetMean ?? NaN} />;
  const forestHow =
    b.forest.rows < b.trainRows
      ? t('forestSample', { trees: b.forest.trees, rows: b.forest.rows, train: b.trainRows, features: b.forest.features })
      : t('forestHow', { trees: b.forest.trees, features: b.forest.features });
  const how: Record<BaselineName, string> = {
    majority: t('majorityHow', { class: className ?? String(b.majority.classIndex) }),
    logistic: t('logisticHow', { steps: b.logistic.steps }),
    forest: forestHow,
  };
  return (
    <BaselineTable
      columns={[t('colAccuracy')]}
      rows={BASELINE_NAMES.map((name) => ({ key: name, name: t(name), values: [b[name].accuracy], how: how[name] }))}
      network={{ values: test ? [test.accuracy] : null, how: test ? t('networkHow', { step: test.globalStep }) : t('notEvaluated') }}
      times={t('times', { majority: num(b.majority.ms, 0), logistic: num(b.logistic.ms, 0), forest: num(b.forest.ms, 0) })}
    />
  );
}

/** Said once a run has ended. */
function VerdictLine({ baselines, network, hook = true }: { baselines: ClassificationBaselines; network: number; hook?: boolean }) {
  const { t, num } = useT(baselineMessages);
  const v = baselineVerdict(baselines, network);
  const params = { network: num(network, 3, 3), baseline: t(v.baseline), score: num(v.score, 3, 3) };
  const advice = { majority: t('tryMajority'), logistic: t('tryLogistic'), forest: t('tryForest') }[v.baseline];
  return (
    <p className={v.beaten ? 'verdict' : 'verdict warn'} data-testid={hook ? 'baseline-verdict' : undefined} data-beaten={v.beaten} data-baseline={v.baseline}>
      {v.beaten ? t('better', params) : `${t('notBetter', params)} ${advice}`}
    </p>
  );
}
