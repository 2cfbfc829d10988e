import { useMemo } from 'react';
import { classMetrics } from '../client/metrics';
import { latestEvaluation } from '../client/state';
import { ConfusionMatrix } from './mnist/ConfusionMatrix';
import { useAppState } from './useStore';

/**
 * What the newest test evaluation got right and wrong, per class: the confusion matrix
 * (MNIST shows its own beside the digit gallery) and precision, recall and F1 with
 * their macro averages, as Weka and scikit-learn report them.
 */
export function MetricsPanel() {
  const state = useAppState();
  const test = latestEvaluation(state, 'test');
  const names = state.dataset?.classNames ?? [];
  const metrics = useMemo(() => (test?.confusion ? classMetrics(test.confusion) : null), [test]);
  if (!test?.confusion || !metrics) return null;
  const pct = (v: number) => v.toFixed(3);
  return (
    <section className="panel" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Per class (test split, step {test.globalStep})</h2>
      {state.dataset?.source !== 'mnist' && (
        <ConfusionMatrix matrix={test.confusion} classNames={names} caption="Confusion matrix: rows are the true class, columns the predicted one" testId="confusion-matrix" />
      )}
      <div className="table-scroll">
        <table className="preview" data-testid="class-metrics">
          <caption>Precision, recall and F1</caption>
          <thead>
            <tr>
              <th scope="col">class</th>
              <th scope="col">precision</th>
              <th scope="col">recall</th>
              <th scope="col">F1</th>
              <th scope="col">rows</th>
            </tr>
          </thead>
          <tbody>
            {metrics.perClass.map((m, c) => (
              <tr key={c}>
                <th scope="row">{names[c] ?? c}</th>
                <td className="num">{pct(m.precision)}</td>
                <td className="num">{pct(m.recall)}</td>
                <td className="num">{pct(m.f1)}</td>
                <td className="num">{m.support}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">macro average</th>
              <td className="num">{pct(metrics.macro.precision)}</td>
              <td className="num">{pct(metrics.macro.recall)}</td>
              <td className="num">{pct(metrics.macro.f1)}</td>
              <td className="num">{test.examples}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
