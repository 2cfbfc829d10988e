import { checkpointsMessages } from './messages';
import { programWords } from './programMessages';
import { DropZone } from '../common/DropZone';
import { useT } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';
import { ScrollRegion } from '../common/ScrollRegion';

/**
 * tf.estimator's model_dir in the browser: the checkpoints saved every 1000 steps and
 * where a run ends (the newest five are kept), to restore or delete; and the ways a
 * model leaves the browser: TF.js files, a Python/Keras script of the run, the history,
 * and the judging program (one HTML file that classifies offline, src/ml/program).
 */
export function CheckpointsPanel() {
  const s = {
    state: useAppState((a) => a.state),
    persistent: useAppState((a) => a.persistent),
    checkpoints: useAppState((a) => a.checkpoints),
    // Only whether there are curve points is read (0 or 1 here), so progress frames do not re-render the panel.
    points: { length: useAppState((a) => Math.min(a.points.length, 1)) },
  };
  const store = useStore();
  const { t, num, date, lang } = useT(checkpointsMessages);
  const busy = s.state === 'training' || s.state === 'loading';
  return (
    <section className="panel" aria-labelledby="checkpoints-title">
      <h2 id="checkpoints-title">{t('title')}</h2>
      {!s.persistent && <p className="muted">{t('notPersistent')}</p>}
      {s.checkpoints.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ScrollRegion label={t('caption')}>
          <table className="preview" data-testid="checkpoints">
            <caption>{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colStep')}</th>
                <th scope="col">{t('colSaved')}</th>
                <th scope="col">{t('colAccuracy')}</th>
                <th scope="col">
                  <span className="sr-only">{t('colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {s.checkpoints.map((c) => (
                <tr key={c.id} data-step={c.globalStep}>
                  <td className="num">{num(c.globalStep)}</td>
                  <td>
                    <time dateTime={c.savedAt}>{date(new Date(c.savedAt))}</time>
                  </td>
                  <td className="num">
                    {c.testAccuracy === null ? (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="sr-only">{t('notEvaluated')}</span>
                      </>
                    ) : (
                      num(c.testAccuracy, 4, 4)
                    )}
                  </td>
                  <td className="actions">
                    <button type="button" className="secondary" disabled={busy} onClick={() => store.restoreCheckpoint(c.id)} aria-label={t('restoreLabel', { step: c.globalStep })}>
                      {t('restore')}
                    </button>
                    <button type="button" className="secondary" onClick={() => store.deleteCheckpoint(c.id)} aria-label={t('deleteLabel', { step: c.globalStep })}>
                      {t('delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <div className="buttons" role="group" aria-label={t('exportGroup')}>
        <button type="button" data-testid="export-model" disabled={s.state === 'loading'} onClick={() => store.exportFiles('model')}>
          {t('exportModel')}
        </button>
        <button type="button" className="secondary" data-testid="export-python" disabled={s.state === 'loading'} onClick={() => store.exportFiles('python')}>
          {t('exportPython')}
        </button>
        <button type="button" className="secondary" data-testid="export-history" disabled={s.points.length === 0} onClick={() => store.exportFiles('history')}>
          {t('exportHistory')}
        </button>
        <button type="button" data-testid="export-program" disabled={s.state === 'loading'} onClick={() => store.exportProgram(lang, programWords)} aria-describedby="export-program-hint">
          {t('exportProgram')}
        </button>
      </div>
      <p id="export-program-hint" className="muted">
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
