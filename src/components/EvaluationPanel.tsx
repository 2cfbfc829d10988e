import { latestEvaluation } from '../client/state';
import { useAppState } from './useStore';

/** The newest evaluation of the test split, in the keys classifier.evaluate() returns. */
export function EvaluationPanel() {
  const e = latestEvaluation(useAppState(), 'test');
  return (
    <section className="panel" aria-labelledby="eval-title">
      <h2 id="eval-title">Evaluation (test split)</h2>
      <dl className="facts eval">
        <dt>accuracy</dt>
        <dd data-testid="test-accuracy" data-value={e ? e.accuracy : ''}>
          {e ? e.accuracy.toFixed(6) : '—'}
        </dd>
        <dt>average_loss</dt>
        <dd data-testid="test-loss" data-value={e ? e.averageLoss : ''}>
          {e ? e.averageLoss.toFixed(6) : '—'}
        </dd>
        <dt>loss</dt>
        <dd>{e ? e.loss.toFixed(6) : '—'}</dd>
        <dt>global_step</dt>
        <dd>{e ? e.globalStep : '—'}</dd>
      </dl>
      {e && (
        <p className="muted">
          {e.correct} of {e.examples} test rows classified correctly. Test Accuracy: {e.accuracy.toFixed(6)}
        </p>
      )}
    </section>
  );
}
