import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { saveFile } from './client/download';
import { saveWhenHidden } from './client/pageHide';
import { Store } from './client/store';
import { randomTabId, tabIdentity } from './client/tab';
import { browserUrl } from './client/url';
import { startTrainingWorker } from './client/workerClient';
import { App } from './components/app/App';
import { LangProvider } from './components/common/useI18n';
import { StoreProvider } from './components/common/useStore';
import { registerServiceWorker } from './sw/register';
import './styles.css';
import './components/app/workspace.css';
import './components/app/dark.css';

const store = new Store({
  createWorker: startTrainingWorker,
  url: browserUrl,
  clock: { now: () => performance.now(), setInterval: (run, ms) => window.setInterval(run, ms) },
  nextFrame: (paint) => requestAnimationFrame(paint),
  saveFile,
});
// Which tab this is decides whose stored session a reload opens (two tabs keep two).
const storage = (() => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
})();
void tabIdentity({ storage, locks: navigator.locks ?? null, newId: randomTabId }).then(
  (tab) => store.start(tab),
  () => store.start(),
);
saveWhenHidden(window, document, () => store.checkpointNow());
// Offline once loaded: the app shell, the data sets and the wasm files (production builds only).
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <LangProvider>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </LangProvider>
  </StrictMode>,
);
