import { checkpointsMessages } from './messages';
import { programWords } from './programMessages';
import { DropZone } from '../common/DropZone';
import { useT } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';

/**
 * The ways a model leaves the browser (TF.js files, a Python/Keras script of the run, the
 * judging program: one HTML file that classifies offline, src/ml/program) and comes back
 * (import), under the network they are files of. Kept on screen, not in the drawer: these
 * are what a person does with a model they like.
 */
export function ModelFiles() {
  const state = useAppState((a) => a.state);
  const store = useStore();
  const { t, lang } = useT(checkpointsMessages);
  const busy = state === 'training' || state === 'loading';
  return (
    <section className="panel model-files" aria-labelledby="model-files-title">
      <h2 id="model-files-title">{t('exportGroup')}</h2>
      <div className="buttons">
        <button type="button" data-testid="export-model" disabled={state === 'loading'} onClick={() => store.exportFiles('model')}>
          {t('exportModel')}
        </button>
        <button type="button" className="secondary" data-testid="export-python" disabled={state === 'loading'} onClick={() => store.exportFiles('python')}>
          {t('exportPython')}
        </button>
        <button type="button" className="secondary" data-testid="export-program" disabled={state === 'loading'} onClick={() => store.exportProgram(lang, programWords)} aria-describedby="export-program-hint">
          {t('exportProgram')}
        </button>
      </div>
      <p id="export-program-hint" className="muted small">
        {t('exportProgramHint')}
      </p>
      <DropZone
        testId="import-model"
        label={t('importDrop')}
        hint={t('importHint')}
        accept=".json,.bin"
        multiple
        disabled={busy}
        onFiles={(files) => store.importModel(files)}
      />
    </section>
  );
}
