import { useEffect } from 'react';
import { appMessages } from './messages';
import { Alerts } from './Alerts';
import { BaselinePanel } from '../train/BaselinePanel';
import { BatchPredictPanel } from '../predict/BatchPredictPanel';
import { BinaryPanel } from '../analysis/BinaryPanel';
import { BoundaryPanel } from '../analysis/BoundaryPanel';
import { Charts } from '../charts/Charts';
import { CheckpointsPanel } from '../checkpoints/CheckpointsPanel';
import { DatasetPanel } from '../data/DatasetPanel';
import { EvaluationPanel } from '../train/EvaluationPanel';
import { CrossValidationPanel } from '../train/CrossValidation';
import { LanguageSwitch } from './LanguageSwitch';
import { MetricsPanel } from '../train/MetricsPanel';
import { EvalTable } from '../mnist/EvalTable';
import { MnistPanel } from '../mnist/MnistPanel';
import { mnistMessages } from '../mnist/messages';
import { NetworkPanel } from '../analysis/NetworkPanel';
import { PredictPanel } from '../predict/PredictPanel';
import { SettingsPanel } from '../train/SettingsPanel';
import { TrainPanel } from '../train/TrainPanel';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';

export function App() {
  const source = useAppState((a) => a.dataset?.source);
  const hasValidation = useAppState((a) => (a.dataset?.validationRows ?? 0) > 0);
  const { t } = useT(appMessages);
  const evalWords = useT(mnistMessages);
  const title = t('title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToMain')}
      </a>
      <header className="app-header">
        <div className="app-title">
          <h1>{title}</h1>
          <p className="subtitle">{t('subtitle')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <Alerts />
      {/* tabIndex -1: the skip link moves the keyboard focus here, not only the scroll position. */}
      <main className="grid" id="main" tabIndex={-1}>
        <DatasetPanel />
        <TrainPanel />
        <SettingsPanel />
        <EvaluationPanel />
        <CrossValidationPanel />
        <BaselinePanel />
        <MetricsPanel />
        <BinaryPanel />
        <Charts />
        {/* do_eval's table for any run with a validation split (a dropped CSV has one by default); MNIST's panel has its own. */}
        {source !== 'mnist' && hasValidation && (
          <section className="panel wide" aria-label={evalWords.t('evaluations')}>
            <EvalTable />
          </section>
        )}
        <BoundaryPanel />
        <NetworkPanel />
        {source === 'mnist' ? <MnistPanel /> : <PredictPanel />}
        <BatchPredictPanel />
        <CheckpointsPanel />
      </main>
    </div>
  );
}
