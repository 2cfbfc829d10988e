import { saveFile } from '../client/store';
import { DropZone } from './DropZone';
import { PreviewTable } from './PreviewTable';
import { useAppState, useStore } from './useStore';

/** Classify a whole file of new rows (with or without the label column) and download the result. */
export function BatchPredictPanel() {
  const { dataset, batch, state } = useAppState();
  const store = useStore();
  if (!dataset || dataset.source !== 'csv') return null;
  const base = batch ? batch.fileName.replace(/\.[^.]*$/, '') : 'predictions';
  return (
    <section className="panel wide" aria-labelledby="batch-title">
      <h2 id="batch-title">Classify a file of rows</h2>
      <DropZone
        testId="batch-predict"
        label="Drop a CSV of new rows, or choose one"
        hint="Same columns as the training file; the label column may be left out. With it, the predictions are scored."
        accept=".csv,.tsv,.txt,text/csv"
        disabled={state === 'training'}
        onFiles={([file]) => store.predictFile(file)}
      />
      {batch && (
        <>
          <p>
            {batch.rows.toLocaleString()} rows of {batch.fileName} classified.
            {batch.score && (
              <>
                {' '}
                <strong data-testid="batch-score" data-value={batch.score.accuracy}>
                  {batch.score.correct} of {batch.score.examples} correct (accuracy {batch.score.accuracy.toFixed(4)})
                </strong>
              </>
            )}
          </p>
          {batch.warnings.map((w, i) => (
            <p key={i} className="muted">
              {w}
            </p>
          ))}
          <button type="button" data-testid="download-predictions" onClick={() => saveFile(batch.csv, `${base}-predictions.csv`, 'text/csv;charset=utf-8')}>
            Download predictions (CSV)
          </button>
          <PreviewTable caption={`First ${batch.preview.length} rows`} header={batch.columns} rows={batch.preview} />
        </>
      )}
    </section>
  );
}
