/**
 * A table of rows as text (untrusted cells stay text): the data preview and the batch
 * predictions. It scrolls inside its own box, so a wide file never widens the page; the
 * box is focusable so a keyboard can scroll it too.
 */
import { ScrollRegion } from './ScrollRegion';

/** Most columns drawn: a 5,000-column file's ten rows would be 50,000 cells; the column table lists them all. */
export const PREVIEW_COLUMNS = 100;

interface Props {
  caption: string;
  header: string[];
  rows: string[][];
  /** What the caption adds when columns are left out: `(shown, total) => words`. */
  columnsNote?: (shown: number, total: number) => string;
  /** Columns kept at the end whatever the cap (the class, the predictions). */
  keepLast?: number;
}

export function PreviewTable({ caption, header, rows, columnsNote, keepLast = 0 }: Props) {
  const cut = header.length > PREVIEW_COLUMNS;
  // The first columns and the last `keepLast` ones: a wide row keeps its class or its predictions.
  const pick = <T,>(cells: T[]): T[] => (cut ? [...cells.slice(0, PREVIEW_COLUMNS - keepLast), ...cells.slice(cells.length - keepLast)] : cells);
  const shown = cut ? `${caption} (${columnsNote?.(PREVIEW_COLUMNS, header.length) ?? `${PREVIEW_COLUMNS} / ${header.length}`})` : caption;
  return (
    <ScrollRegion label={shown}>
      <table className="preview">
        <caption>{shown}</caption>
        <thead>
          <tr>
            {pick(header).map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {pick(row).map((v, c) => (
                <td key={c}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
