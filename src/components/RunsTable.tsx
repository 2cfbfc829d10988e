import type { ArchivedRun } from '../client/state';
import { latestEvaluation } from '../client/state';
import { useAppState } from './useStore';

interface Props {
  runs: ArchivedRun[];
  overlaid: ReadonlySet<number>;
  onToggle: (id: number) => void;
}

const describe = (c: ArchivedRun['config']) => `[${c.hiddenUnits.join(', ')}] ${c.optimizer} ${c.learningRate}, batch ${c.batchSize}, seed ${c.seed}`;

/** Earlier models of this visit beside the current one: settings and final test metrics, each one overlayable on the charts. */
export function RunsTable({ runs, overlaid, onToggle }: Props) {
  const state = useAppState();
  if (runs.length === 0) return null;
  const current = latestEvaluation(state, 'test');
  return (
    <div className="table-scroll">
      <table className="preview" data-testid="runs">
        <caption>Runs of this data set: compare, and overlay a run's test curves (dashed)</caption>
        <thead>
          <tr>
            <th scope="col">run</th>
            <th scope="col">settings</th>
            <th scope="col">steps</th>
            <th scope="col">test accuracy</th>
            <th scope="col">test loss</th>
            <th scope="col">overlay</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id} data-run={r.id}>
              <th scope="row">{r.id}</th>
              <td>{describe(r.config)}</td>
              <td className="num">{r.globalStep}</td>
              <td className="num">{r.test ? r.test.accuracy.toFixed(4) : '—'}</td>
              <td className="num">{r.test ? r.test.averageLoss.toFixed(4) : '—'}</td>
              <td>
                <input type="checkbox" checked={overlaid.has(r.id)} onChange={() => onToggle(r.id)} aria-label={`Overlay run ${r.id} on the charts`} />
              </td>
            </tr>
          ))}
          {state.model && (
            <tr data-run="current">
              <th scope="row">now</th>
              <td>{describe(state.model)}</td>
              <td className="num">{state.globalStep}</td>
              <td className="num">{current ? current.accuracy.toFixed(4) : '—'}</td>
              <td className="num">{current ? current.averageLoss.toFixed(4) : '—'}</td>
              <td />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
