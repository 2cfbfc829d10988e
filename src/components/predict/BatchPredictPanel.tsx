import { predictMessages } from './messages';
import type { CellFlag } from '../../shared/types';
import { saveFile } from '../../client/download';
import { labelDigits } from '../analysis/fitAxes';
import { DropZone } from '../common/DropZone';
import { PreviewTable } from '../common/PreviewTable';
import { useT, useWords } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';

const FLAG_KEYS = { 'not-a-number': 'flagText', 'not-finite': 'flagNotFinite', 'unseen-category': 'flagUnseen', 'not-a-date': 'flagNotDate' } as const satisfies Record<CellFlag['kind'], string>;

/** Classify a whole file of new rows (with or without the label column) and download the result. */
export function BatchPredictPanel() {
  const dataset = useAppState((a) => a.dataset);
  const batch = useAppState((a) => a.batch);
  const state = useAppState((a) => a.state);
  const store = useStore();
  const { t, num } = useT(predictMessages);
  const words = useWords();
  if (!dataset || dataset.source !== 'csv') return null;
  const flagWords = (flags: readonly CellFlag[]) => flags.map((f) => t(FLAG_KEYS[f.kind], { column: f.column })).join('; ');
  const base = batch ? batch.fileName.replace(/\.[^.]*$/, '') : 'predictions';
  const target = dataset.task === 'regression' ? dataset.target : undefined;
  return (
    <section className="panel wide" aria-labelledby="batch-title">
      <h2 id="batch-title">{t('batchTitle')}</h2>
      <DropZone
        testId="batch-predict"
        label={t('batchDrop')}
        hint={t('batchHint')}
        accept=".csv,.tsv,.txt,text/csv"
        disabled={state === 'training'}
        onFiles={([file]) => store.predictFile(file)}
      />
      {batch && (
        <>
          <p role="status">
            {t(target ? 'batchDoneValue' : 'batchDone', { rows: batch.rows, file: batch.fileName })}
            {batch.score && (
              <>
                {' '}
                <strong data-testid="batch-score" data-value={batch.score.accuracy}>
                  {t('batchScore', { correct: batch.score.correct, examples: batch.score.examples, accuracy: num(batch.score.accuracy, 4, 4) })}
                </strong>
              </>
            )}
            {batch.regressionScore && (
              <>
                {' '}
                <strong data-testid="batch-score" data-rmse={batch.regressionScore.rmse} data-mae={batch.regressionScore.mae} data-r2={batch.regressionScore.r2}>
                  {t('batchScoreValue', {
                    rmse: num(batch.regressionScore.rmse, labelDigits(batch.regressionScore.rmse)),
                    mae: num(batch.regressionScore.mae, labelDigits(batch.regressionScore.mae)),
                    r2: num(batch.regressionScore.r2, 3, 3),
                    examples: batch.regressionScore.examples,
                    label: target?.name ?? '',
                  })}
                </strong>
              </>
            )}
          </p>
          {batch.warnings.map((w, i) => (
            <p key={i} className="muted">
              {words(w)}
            </p>
          ))}
          <button type="button" data-testid="download-predictions" onClick={() => saveFile(batch.csv, `${base}-predictions.csv`, 'text/csv;charset=utf-8')}>
            {t('download')}
          </button>
          <PreviewTable
            caption={t('batchRows', { n: batch.preview.length })}
            header={batch.previewFlags ? [t('warningsColumn'), ...batch.columns] : batch.columns}
            rows={batch.previewFlags ? batch.preview.map((row, r) => [flagWords(batch.previewFlags?.[r] ?? []), ...row]) : batch.preview}
            keepLast={1 + dataset.classNames.length}
            columnsNote={(shown, total) => t('previewColumns', { shown, total })}
          />
        </>
      )}
    </section>
  );
}
