import { dataMessages } from './messages';
import { CsvColumns } from './CsvColumns';
import { DropZone } from '../common/DropZone';
import { PreviewTable } from '../common/PreviewTable';
import { useT, useWords } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';

/** Feature names listed in the summary; the column table lists every one. */
const LISTED_FEATURES = 30;

function featureList(names: string[], more: (names: string, n: number) => string): string {
  if (names.length <= LISTED_FEATURES) return names.join(', ');
  return more(names.slice(0, LISTED_FEATURES).join(', '), names.length - LISTED_FEATURES);
}

/** Where the data comes from (the tutorials' sets or a CSV), and what is loaded. */
export function DatasetPanel() {
  const s = { state: useAppState((a) => a.state), csvChoices: useAppState((a) => a.csvChoices) };
  const store = useStore();
  const { t, num } = useT(dataMessages);
  const words = useWords();
  const dataset = useAppState((a) => a.dataset);
  const loading = useAppState((a) => a.loading);
  // On every data set (MNIST has no baselines tab): when a bench or a test may start timing a run.
  const baselines = useAppState((a) => a.baselines.status);
  const busy = s.state === 'training' || s.state === 'loading';
  const features = dataset ? (dataset.source === 'mnist' ? 784 : dataset.inputs.length) : 0;
  return (
    <section className="panel wide" aria-labelledby="data-title">
      <h2 id="data-title">{dataset ? t('titleNamed', { name: dataset.name }) : t('title')}</h2>
      <div className="sources">
        <div className="buttons" role="group" aria-label={t('builtIn')}>
          <button type="button" className="secondary" disabled={busy} aria-pressed={dataset?.source === 'iris'} onClick={() => store.loadPreset('iris')}>
            {t('iris')}
          </button>
          <button type="button" className="secondary" disabled={busy} aria-pressed={dataset?.source === 'mnist'} onClick={() => store.loadPreset('mnist')}>
            {t('mnist')}
          </button>
        </div>
        <DropZone
          testId="csv-drop"
          label={t('csvDrop')}
          hint={t('csvHint')}
          accept=".csv,.tsv,.txt,text/csv"
          // Open while the page starts: a file dropped then waits in the store until it can load.
          disabled={s.state === 'training'}
          onFiles={([file]) => store.loadCsv(file)}
        />
        <DropZone
          testId="test-csv-drop"
          label={t('testDrop')}
          hint={dataset?.source === 'csv' ? t('testHintCsv') : t('testHintFirst')}
          accept=".csv,.tsv,.txt,text/csv"
          disabled={busy || dataset?.source !== 'csv'}
          onFiles={([file]) => store.loadTestCsv(file)}
        />
      </div>
      {loading && (
        <div className="progress-row" role="status">
          <progress max={1} value={loading.fraction} aria-label={t('loadingWhat', { what: loading.what })} />
          <span>{t('loadingWhat', { what: loading.what })}</span>
        </div>
      )}
      {!dataset ? (
        <p role="status">{t('loadingSet')}</p>
      ) : (
        <>
          <dl
            className="facts"
            data-testid="dataset-summary"
            data-train-rows={dataset.trainRows}
            data-test-rows={dataset.testRows}
            data-validation-rows={dataset.validationRows}
            data-features={features}
            data-classes={dataset.classNames.length}
            data-baselines={baselines}
          >
            <dt>{t('trainRows')}</dt>
            <dd>{num(dataset.trainRows)}</dd>
            {dataset.validationRows > 0 && (
              <>
                <dt>{t('validationRows')}</dt>
                <dd>{num(dataset.validationRows)}</dd>
              </>
            )}
            <dt>{t('testRows')}</dt>
            <dd>{num(dataset.testRows)}</dd>
            <dt>{t('features', { n: features })}</dt>
            <dd>{dataset.source === 'mnist' ? t('pixels') : featureList(dataset.inputs.map((i) => i.name), (names, n) => t('featuresMore', { names, n }))}</dd>
            {dataset.target ? (
              <>
                <dt>{t('target')}</dt>
                <dd data-testid="target">{t('targetLine', { name: dataset.target.name, min: num(dataset.target.min), max: num(dataset.target.max), mean: num(dataset.target.mean, 2), sd: num(dataset.target.sd, 2) })}</dd>
              </>
            ) : (
              <>
                <dt>{t('classes', { n: dataset.classNames.length })}</dt>
                <dd>{dataset.classNames.join(' / ')}</dd>
              </>
            )}
            <dt>{t('split')}</dt>
            <dd>{words(dataset.splitNote)}</dd>
          </dl>
          {dataset.csv && <CsvColumns preview={dataset.csv} choices={s.csvChoices} disabled={busy} />}
          {dataset.preview.length > 0 && (
            <PreviewTable
              caption={t('firstRows', { n: dataset.preview.length })}
              header={[...dataset.inputs.map((i) => i.name), dataset.target ? dataset.target.name : t('classColumn')]}
              rows={dataset.preview}
              keepLast={1}
              columnsNote={(shown, total) => t('previewColumns', { shown, total })}
            />
          )}
        </>
      )}
    </section>
  );
}
