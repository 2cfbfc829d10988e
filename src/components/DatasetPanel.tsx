import { CsvColumns } from './csv/CsvColumns';
import { DropZone } from './DropZone';
import { PreviewTable } from './PreviewTable';
import { useAppState, useStore } from './useStore';

/** Where the data comes from (the tutorials' sets or a CSV), and what is loaded. */
export function DatasetPanel() {
  const s = useAppState();
  const store = useStore();
  const { dataset, loading } = s;
  const busy = s.state === 'training' || s.state === 'loading';
  return (
    <section className="panel wide" aria-labelledby="data-title">
      <h2 id="data-title">Data{dataset && <>: {dataset.name}</>}</h2>
      <div className="sources">
        <div className="buttons" role="group" aria-label="Built-in data sets">
          <button type="button" className="secondary" disabled={busy} aria-pressed={dataset?.source === 'iris'} onClick={() => store.loadPreset('iris')}>
            Iris (tf.estimator tutorial)
          </button>
          <button type="button" className="secondary" disabled={busy} aria-pressed={dataset?.source === 'mnist'} onClick={() => store.loadPreset('mnist')}>
            MNIST (Mechanics 101)
          </button>
        </div>
        <DropZone
          testId="csv-drop"
          label="Drop a CSV here, or choose one"
          hint="Your file stays in this browser. Any delimiter, UTF-8, UTF-16, EUC-KR or Windows-1252."
          accept=".csv,.tsv,.txt,text/csv"
          disabled={busy}
          onFiles={([file]) => store.loadCsv(file)}
        />
        <DropZone
          testId="test-csv-drop"
          label="Optional: a separate test CSV"
          hint={dataset?.source === 'csv' ? 'Like iris_test.csv: same columns as the training file.' : 'Load a training CSV first.'}
          accept=".csv,.tsv,.txt,text/csv"
          disabled={busy || dataset?.source !== 'csv'}
          onFiles={([file]) => store.loadTestCsv(file)}
        />
      </div>
      {loading && (
        <div className="progress-row" aria-live="polite">
          <progress max={1} value={loading.fraction} aria-label={`Loading ${loading.what}`} />
          <span>Loading {loading.what}…</span>
        </div>
      )}
      {!dataset ? (
        <p aria-live="polite">Loading the data set…</p>
      ) : (
        <>
          <dl
            className="facts"
            data-testid="dataset-summary"
            data-train-rows={dataset.trainRows}
            data-test-rows={dataset.testRows}
            data-validation-rows={dataset.validationRows}
            data-features={dataset.source === 'mnist' ? 784 : dataset.inputs.length}
            data-classes={dataset.classNames.length}
          >
            <dt>Training rows</dt>
            <dd>{dataset.trainRows.toLocaleString()}</dd>
            {dataset.validationRows > 0 && (
              <>
                <dt>Validation rows</dt>
                <dd>{dataset.validationRows.toLocaleString()}</dd>
              </>
            )}
            <dt>Test rows</dt>
            <dd>{dataset.testRows.toLocaleString()}</dd>
            <dt>Features ({dataset.source === 'mnist' ? 784 : dataset.inputs.length})</dt>
            <dd>{dataset.source === 'mnist' ? '28 x 28 grey pixels' : dataset.inputs.map((i) => i.name).join(', ')}</dd>
            <dt>Classes ({dataset.classNames.length})</dt>
            <dd>{dataset.classNames.join(' / ')}</dd>
            <dt>Split</dt>
            <dd>{dataset.splitNote}</dd>
          </dl>
          {dataset.csv && <CsvColumns preview={dataset.csv} choices={s.csvChoices} disabled={busy} />}
          {dataset.preview.length > 0 && <PreviewTable caption={`First ${dataset.preview.length} training rows`} header={[...dataset.inputs.map((i) => i.name), 'class']} rows={dataset.preview} />}
        </>
      )}
    </section>
  );
}
