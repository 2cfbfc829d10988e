/**
 * The test rows behind one confusion-matrix cell, under the matrix: their cells as the
 * person knows them (a CSV's own cells, Iris's four numbers, MNIST's digits) and the
 * model's probability of the predicted class. Asked of the worker when the cell is
 * picked and again after every new test evaluation, so it always describes the matrix
 * above it; the heading says which evaluation.
 */
import { analysisMessages } from './messages';
import { latestEvaluation } from '../../client/state';
import type { ConfusionRows } from '../../shared/analysis';
import { DigitImage } from '../mnist/DigitImage';
import { testUnit } from './countWords';
import { useT, useWords } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';
import { useViewRequest } from '../common/useViewRequest';
import { ScrollRegion } from '../common/ScrollRegion';

/** Most rows listed for one cell. */
const LIMIT = 100;
const DIGIT = 28 * 28;

interface Props {
  actual: number;
  predicted: number;
  classNames: string[];
  onClose: () => void;
}

export function ConfusionRowsList({ actual, predicted, classNames, onClose }: Props) {
  const model = useAppState((a) => a.model);
  const runState = useAppState((a) => a.state);
  const generation = useAppState((a) => a.generation);
  const slot = useAppState((a) => a.analysis.confusionRows);
  const testStep = useAppState((a) => latestEvaluation(a, 'test')?.globalStep ?? -1);
  const store = useStore();
  const { t } = useT(analysisMessages);
  const digits = useAppState((a) => a.dataset?.source === 'mnist');
  const words = useWords();
  const key = `${generation}|${testStep}|${actual}|${predicted}`;
  const idle = runState !== 'loading' && model !== null;
  useViewRequest(idle, runState === 'training', slot, key, () => store.requestConfusionRows(actual, predicted, LIMIT, key));

  const name = (c: number) => classNames[c] ?? String(c);
  const rows = slot.value && slot.value.actual === actual && slot.value.predicted === predicted ? slot.value : null;
  const failed = slot.asked === key && !slot.pending ? slot.error : null;
  return (
    <section className="confusion-rows" aria-live="polite" data-testid="confusion-rows" data-count={rows?.rows.length ?? ''} data-total={rows?.total ?? ''} data-step={rows?.globalStep ?? ''}>
      <div className="buttons" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h3 style={{ margin: 0, fontSize: '1rem' }}>{t('rowsHeading', { count: rows?.total ?? '…', unit: testUnit(t, rows?.total ?? '…', digits), actual: name(actual), predicted: name(predicted) })}</h3>
        <button type="button" className="small-button" onClick={onClose}>
          {t('rowsClose')}
        </button>
      </div>
      {failed ? (
        <p role="alert" className="alert">
          {words(failed)}
        </p>
      ) : !rows ? (
        <p className="muted">{t('rowsLoading')}</p>
      ) : (
        <>
          <p className="muted small">
            {t('rowsStep', { step: rows.globalStep })} {rows.rows.length < rows.total ? t('rowsFirst', { shown: rows.rows.length }) : ''}
          </p>
          {rows.rows.length === 0 ? <p>{t('rowsNone')}</p> : rows.digits ? <Digits rows={rows} name={name} /> : <RowsTable rows={rows} name={name} />}
        </>
      )}
    </section>
  );
}

function RowsTable({ rows, name }: { rows: ConfusionRows; name: (c: number) => string }) {
  const { t, pct } = useT(analysisMessages);
  return (
    <ScrollRegion label={t('rowsCaption')}>
      <table className="preview">
        <caption className="sr-only">{t('rowsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colRow')}</th>
            {rows.columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
            <th scope="col">{t('colProbability', { predicted: name(rows.predicted) })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.rows.map((row) => (
            <tr key={row.index}>
              <th scope="row" className="num">
                {row.index}
              </th>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
              <td className="num">{pct(row.probability)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Digits({ rows, name }: { rows: ConfusionRows; name: (c: number) => string }) {
  const { t, pct } = useT(analysisMessages);
  const digits = rows.digits ?? new Uint8Array();
  return (
    // Focusable: it scrolls, and a keyboard must be able to scroll it (axe: scrollable-region-focusable).
    <ul className="gallery-grid" tabIndex={0} aria-label={t('rowsCaption')}>
      {rows.rows.map((row, k) => (
        <li key={row.index} className="gallery-digit" title={`#${row.index} · ${pct(row.probability)}`}>
          <DigitImage
            pixels={digits.subarray(k * DIGIT, (k + 1) * DIGIT)}
            size={42}
            label={t('digitLabel', { row: row.index, actual: name(rows.actual), predicted: name(rows.predicted), probability: pct(row.probability) })}
          />
          <span className="small">{pct(row.probability, 0)}</span>
        </li>
      ))}
    </ul>
  );
}
