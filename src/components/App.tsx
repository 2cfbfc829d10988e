import { useEffect } from 'react';
import { appMessages } from '../client/i18n/messages/app';
import { Alerts } from './Alerts';
import { BatchPredictPanel } from './BatchPredictPanel';
import { BoundaryPanel } from './BoundaryPanel';
import { Charts } from './Charts';
import { CheckpointsPanel } from './CheckpointsPanel';
import { DatasetPanel } from './DatasetPanel';
import { EvaluationPanel } from './EvaluationPanel';
import { LanguageSwitch } from './LanguageSwitch';
import { MetricsPanel } from './MetricsPanel';
import { MnistPanel } from './mnist/MnistPanel';
import { NetworkPanel } from './NetworkPanel';
import { PredictPanel } from './PredictPanel';
import { SettingsPanel } from './SettingsPanel';
import { TrainPanel } from './TrainPanel';
import { useT } from './useI18n';
import { useAppState } from './useStore';

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
