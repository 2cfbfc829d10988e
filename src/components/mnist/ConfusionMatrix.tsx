/**
 * A confusion matrix as a real table, for any number of classes: rows are the actual
 * class, columns the predicted one, so a row reads "of the 7s, how many were read as
 * what". Each cell is shaded by its share of the row (blue on the diagonal, red off it),
 * so the eye finds the common confusions whatever the class balance; the cells show the
 * counts or, switched, each row's percentages (scikit-learn's normalize='true'), and each
 * cell's title spells out both. Given `onSelect`, each count
 * is a button (Orange's and Weka's "show the instances"): its parent lists that cell's rows.
 */
import { memo, useState } from 'react';
import { analysisMessages } from '../analysis/messages';
import { testUnit } from '../analysis/countWords';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';
import { ScrollRegion } from '../common/ScrollRegion';

interface Props {
  /** matrix[actual][predicted] counts; square, one row and column per class. */
  matrix: number[][];
  classNames: string[];
  caption: string;
  testId?: string;
  /** Called with (actual, predicted) when a cell is clicked or pressed with Enter / Space. */
  onSelect?: (actual: number, predicted: number) => void;
  /** The cell whose rows are listed, shown pressed. */
  selected?: { actual: number; predicted: number } | null;
}

/** A count that is a button looks like the plain count it replaces, filling its cell. */
const CELL_BUTTON = { font: 'inherit', color: 'inherit', background: 'transparent', border: 0, padding: '2px 4px', width: '100%', textAlign: 'right', cursor: 'pointer' } as const;
const PRESSED = { ...CELL_BUTTON, outline: '2px solid #1c2630', outlineOffset: '-2px', fontWeight: 700 } as const;

/** Diagonal and off-diagonal tints, as "r, g, b" for rgba(). */
const RIGHT = '26, 95, 180';
const WRONG = '192, 28, 40';

/** Darkest tint: dark text on it still has a 4.5:1 contrast, so the text never changes colour. */
const MAX_ALPHA = 0.65;

function cellStyle(share: number, diagonal: boolean) {
  if (share <= 0) return undefined;
  // Off-diagonal shares are usually small: a square root makes a 5% confusion visible.
  const alpha = MAX_ALPHA * (diagonal ? share : Math.min(1, Math.sqrt(share)));
  return { background: `rgba(${diagonal ? RIGHT : WRONG}, ${alpha.toFixed(3)})` };
}

export const ConfusionMatrix = memo(function ConfusionMatrix({ matrix, classNames, caption, testId, onSelect, selected }: Props) {
  const { t, pct } = useT(analysisMessages);
  const digits = useAppState((a) => a.dataset?.source === 'mnist');
  const n = matrix.length;
  const name = (i: number) => classNames[i] ?? String(i);
  const rowTotals = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const [percentages, setPercentages] = useState(false);
  return (
    <>
      <label className="small">
        <input type="checkbox" checked={percentages} onChange={(e) => setPercentages(e.target.checked)} data-testid={testId ? `${testId}-percentages` : undefined} />{' '}
        {t('rowPercentages')}
      </label>
      <ScrollRegion label={caption}>
        <table className="confusion" data-testid={testId}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <td colSpan={2} rowSpan={2} />
              <th scope="colgroup" colSpan={n} className="axis">
                {t('predicted')}
              </th>
              <th scope="col" rowSpan={2} className="num">
                {t('total')}
              </th>
            </tr>
            <tr>
              {matrix.map((_, j) => (
                <th key={j} scope="col">
                  {name(j)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.map((row, i) => (
              <tr key={i}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={n} className="axis axis-rows">
                    {t('actual')}
                  </th>
                )}
                <th scope="row">{name(i)}</th>
                {row.map((count, j) => {
                  const share = rowTotals[i] > 0 ? count / rowTotals[i] : 0;
                  const shown = percentages ? pct(share, 0) : String(count);
                  const pressed = selected?.actual === i && selected.predicted === j;
                  return (
                    <td
                      key={j}
                      className={i === j ? 'num diagonal' : count === 0 ? 'num zero' : 'num'}
                      style={cellStyle(share, i === j)}
                      title={t('cellTitle', { actual: name(i), predicted: name(j), count, share: pct(share) })}
                    >
                      {onSelect ? (
                        <button
                          type="button"
                          style={pressed ? PRESSED : CELL_BUTTON}
                          aria-pressed={pressed}
                          aria-label={
                            percentages
                              ? t('cellLabelShare', { share: shown, count, unit: testUnit(t, count, digits), actual: name(i), predicted: name(j) })
                              : t('cellLabel', { count, unit: testUnit(t, count, digits), actual: name(i), predicted: name(j) })
                          }
                          data-testid={`confusion-cell-${i}-${j}`}
                          data-count={count}
                          onClick={() => onSelect(i, j)}
                        >
                          {shown}
                        </button>
                      ) : (
                        shown
                      )}
                    </td>
                  );
                })}
                <td className="num total" title={t('rowTotal', { count: rowTotals[i], actual: name(i) })}>
                  {rowTotals[i]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
});
