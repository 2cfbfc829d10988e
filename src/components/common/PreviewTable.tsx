/**
 * A table of rows as text (untrusted cells stay text): the data preview and the batch
 * predictions. It scrolls inside its own box, so a wide file never widens the page; the
 * box is focusable so a keyboard can scroll it too.
 */
import { ScrollRegion } from './ScrollRegion';

export function PreviewTable({ caption, header, rows }: { caption: string; header: string[]; rows: string[][] }) {
  return (
    <ScrollRegion label={caption}>
      <table className="preview">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {header.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((v, c) => (
                <td key={c}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
