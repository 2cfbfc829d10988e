/**
 * The baselines' table, one row per baseline and one for the network: a classifier's test
 * accuracy, or a regression's R², RMSE and MAE, then how each was made, and the time each took.
 */
import { baselineMessages } from './baselineMessages';
import { useT } from '../common/useI18n';

export interface BaselineRow {
  /** data-baseline: majority, logistic, forest, mean, linear. */
  key: string;
  name: string;
  /** One per column, in the columns' order. */
  values: number[];
  how: string;
}

/** `network`: its values (null before the first test evaluation) and its `how`. `times`: the line under the table. */
export function BaselineTable({ columns, rows, network, times }: { columns: string[]; rows: BaselineRow[]; network: { values: number[] | null; how: string }; times: string }) {
  const { t, num } = useT(baselineMessages);
  const four = (v: number) => num(v, 4, 4);
  return (
    <>
      <table className="preview baselines">
        <thead>
          <tr>
            <th scope="col">{t('colModel')}</th>
            {columns.map((c) => (
              <th scope="col" className="num" key={c}>
                {c}
              </th>
            ))}
            <th scope="col">{t('colHow')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-baseline={r.key}>
              <th scope="row">{r.name}</th>
              {r.values.map((v, i) => (
                <td className="num" key={columns[i]}>
                  {four(v)}
                </td>
              ))}
              <td>{r.how}</td>
            </tr>
          ))}
          <tr className="network-row">
            <th scope="row">{t('network')}</th>
            {columns.map((c, i) => (
              <td className="num" key={c}>
                {network.values ? four(network.values[i]) : '—'}
              </td>
            ))}
            <td>{network.how}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted small">{times}</p>
    </>
  );
}
