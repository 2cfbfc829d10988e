import { useEffect } from 'react';
import { appMessages } from './messages';
import { Alerts } from './Alerts';
import { BaselineVerdict } from '../train/BaselinePanel';
import { BoundaryPanel } from '../analysis/BoundaryPanel';
import { Charts } from '../charts/Charts';
import { CvFoldsField } from '../train/CrossValidation';
import { DatasetPanel } from '../data/DatasetPanel';
import { Drawer } from './Drawer';
import { MnistDraw } from '../mnist/MnistPanel';
import { ModelFiles } from '../checkpoints/ModelFiles';
import { NetworkPanel } from '../analysis/NetworkPanel';
import { PredictPanel } from '../predict/PredictPanel';
import { RegressionFit } from '../analysis/RegressionFit';
import { SettingsPanel } from '../train/SettingsPanel';
import { Toolbar } from './Toolbar';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';

/**
 * One workspace, as TensorFlow Playground lays it out: the toolbar on top, then three
 * columns (data | model | output) that fill the screen and scroll inside themselves, so a
 * change and its effect are seen together; the less-used panels in a drawer underneath.
 * On a phone the columns stack and the toolbar docks at the bottom (styles.css).
 */
export function App() {
  const source = useAppState((a) => a.dataset?.source);
  const busy = useAppState((a) => a.state === 'training' || a.state === 'loading');
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
      <Toolbar />
      <Alerts />
      {/* tabIndex -1: the skip link moves the keyboard focus here, not only the scroll position. */}
      <main className="workspace" id="main" tabIndex={-1}>
        <div className="column column-data" role="region" aria-label={t('dataColumn')}>
          <DatasetPanel />
        </div>
        <div className="column column-model" role="region" aria-label={t('modelColumn')}>
          <NetworkPanel />
          <SettingsPanel />
          <section className="panel test-options">
            <CvFoldsField disabled={busy} />
          </section>
          <ModelFiles />
        </div>
        <div className="column column-output" role="region" aria-label={t('outputColumn')}>
          <BaselineVerdict />
          <Charts />
          <div className={source === 'mnist' ? 'output-map mnist' : 'output-map'}>
            <BoundaryPanel />
            {source === 'mnist' ? <MnistDraw /> : <PredictPanel />}
          </div>
          <RegressionFit />
        </div>
      </main>
      <Drawer />
    </div>
  );
}
