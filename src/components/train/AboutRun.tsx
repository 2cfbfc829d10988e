import { trainMessages } from './messages';
import { runPlan } from '../../client/runPlan';
import { useT, useWords } from '../common/useI18n';
import { useAppState } from '../common/useStore';

/**
 * "About this run": the model in words, its parameter count, and the engine internals (the
 * tfjs backend, which engine runs the steps, tensors in memory). Behind a tab of the drawer,
 * not in the toolbar: a person training needs none of it to see what a change did.
 */
export function AboutRun() {
  const settings = useAppState((a) => a.settings);
  const parameters = useAppState((a) => a.parameters);
  const backend = useAppState((a) => a.backend);
  const engine = useAppState((a) => a.engine);
  const tensors = useAppState((a) => a.tensors);
  const trainRows = useAppState((a) => a.dataset?.trainRows ?? 0);
  const plan = runPlan(settings, trainRows);
  const { t, num } = useT(trainMessages);
  const words = useWords();
  return (
    <section className="panel" aria-labelledby="about-run-title">
      <h2 id="about-run-title">{t('aboutTitle')}</h2>
      <p className="model-line">
        {t('modelLine', {
          model: settings.dataset === 'mnist' ? 'mnist.py inference()' : 'DNNClassifier',
          // Joined as text: the units are a list, not one number to group.
          units: settings.hiddenUnits.join(', '),
          optimizer: settings.optimizer,
          lr: num(settings.learningRate, 10),
          batch: settings.batchSize,
          steps: plan.steps,
          seed: String(settings.seed),
        })}
        {parameters !== null && t('parameters', { n: parameters })}
      </p>
      <p className="backend-line">
        {t('backend')}{' '}
        <strong data-testid="backend" data-value={backend?.name ?? ''}>
          {backend?.name ?? '…'}
        </strong>
        {backend && <span className="muted"> ({words(backend.reason)})</span>}
      </p>
      <p className="backend-line">
        {t('engine')}{' '}
        <strong data-testid="engine" data-value={engine?.name ?? ''}>
          {engine ? (engine.name === 'fused' ? t('engineFused') : t('engineTfjs', { backend: backend?.name ?? '…' })) : '…'}
        </strong>
        {engine && <span className="muted"> ({words(engine.reason)})</span>}
        {tensors !== null && (
          <span className="muted" data-testid="tensor-count" data-value={tensors}>
            {' '}
            {t('tensors', { n: tensors })}
          </span>
        )}
      </p>
    </section>
  );
}
