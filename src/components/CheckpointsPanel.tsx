import { DropZone } from './DropZone';
import { useAppState, useStore } from './useStore';

/**
 * tf.estimator's model_dir in the browser: the checkpoints saved every 1000 steps and
 * where a run ends (the newest five are kept), to restore or delete; and the ways a
 * model leaves the browser: TF.js files, a Python/Keras script of the run, the history.
 */
export function CheckpointsPanel() {
  const s = useAppState();
  const store = useStore();
  const busy = s.state === 'training' || s.state === 'loading';
  return (
    <section className="panel" aria-labelledby="checkpoints-title">
      <h2 id="checkpoints-title">Checkpoints and export</h2>
      {!s.persistent && <p className="muted">This browser keeps nothing across a reload here; checkpoints last until the page closes.</p>}
      {s.checkpoints.length === 0 ? (
        <p className="muted">Checkpoints appear every 1000 steps and where a run ends.</p>
      ) : (
        <table className="preview" data-testid="checkpoints">
          <caption>Saved in this browser, newest first</caption>
          <thead>
            <tr>
              <th scope="col">step</th>
              <th scope="col">saved</th>
              <th scope="col">test accuracy</th>
              <th scope="col">
                <span className="sr-only">actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {s.checkpoints.map((c) => (
              <tr key={c.id} data-step={c.globalStep}>
                <td className="num">{c.globalStep}</td>
                <td>{new Date(c.savedAt).toLocaleTimeString()}</td>
                <td className="num">{c.testAccuracy === null ? '—' : c.testAccuracy.toFixed(4)}</td>
                <td className="actions">
                  <button type="button" className="secondary" disabled={busy} onClick={() => store.restoreCheckpoint(c.id)} aria-label={`Restore the checkpoint at step ${c.globalStep}`}>
                    Restore
                  </button>
                  <button type="button" className="secondary" onClick={() => store.deleteCheckpoint(c.id)} aria-label={`Delete the checkpoint at step ${c.globalStep}`}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="buttons">
        <button type="button" data-testid="export-model" disabled={s.state === 'loading'} onClick={() => store.exportFiles('model')}>
          Export model (TF.js)
        </button>
        <button type="button" className="secondary" data-testid="export-python" disabled={s.state === 'loading'} onClick={() => store.exportFiles('python')}>
          Python / Keras script
        </button>
        <button type="button" className="secondary" data-testid="export-history" disabled={s.points.length === 0} onClick={() => store.exportFiles('history')}>
          History (CSV)
        </button>
      </div>
      <DropZone
        testId="import-model"
        label="Import a model: model.json and weights.bin"
        hint="Exported by this app; checked before it replaces the current model."
        accept=".json,.bin"
        multiple
        disabled={busy}
        onFiles={(files) => store.importModel(files)}
      />
    </section>
  );
}
