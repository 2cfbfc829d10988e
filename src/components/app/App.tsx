import { useEffect } from 'react';
import { appMessages } from './messages';
import { Alerts } from './Alerts';
import { BaselinePanel } from '../train/BaselinePanel';
import { BatchPredictPanel } from '../predict/BatchPredictPanel';
import { BoundaryPanel } from '../analysis/BoundaryPanel';
import { Charts } from '../charts/Charts';
import { CheckpointsPanel } from '../checkpoints/CheckpointsPanel';
import { DatasetPanel } from '../data/DatasetPanel';
import { EvaluationPanel } from '../train/EvaluationPanel';
import { LanguageSwitch } from './LanguageSwitch';
import { MetricsPanel } from '../train/MetricsPanel';
import { MnistPanel } from '../mnist/MnistPanel';
import { NetworkPanel } from '../analysis/NetworkPanel';
import { PredictPanel } from '../predict/PredictPanel';
import { SettingsPanel } from '../train/SettingsPanel';
import { TrainPanel } from '../train/TrainPanel';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';

export function App() {
  const source = useAppState((a) => a.dataset?.source);
  const { t } = useT(appMessages);
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
        <BaselinePanel />
        <MetricsPanel />
        <Charts />
        <BoundaryPanel />
        <NetworkPanel />
        {source === 'mnist' ? <MnistPanel /> : <PredictPanel />}
        <BatchPredictPanel />
        <CheckpointsPanel />
      </main>
    </div>
  );
}
