import type { CsvChoices } from '../../shared/protocol';
import type { CsvEncoding, CsvPreview } from '../../shared/csv';
import { useStore } from '../useStore';

const ENCODINGS: CsvEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'euc-kr', 'windows-1252'];
const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

interface Props {
  preview: CsvPreview;
  choices: CsvChoices;
  disabled: boolean;
}

/**
 * How the CSV was read and what each column became: the label column, the columns
 * in or out of the features with the reason for any left out, missing values, and
 * the class balance. Every change re-builds the data set in the worker.
 */
export function CsvColumns({ preview, choices, disabled }: Props) {
  const store = useStore();
  const label = preview.columns.find((c) => c.role === 'label')?.name ?? '';
  const excluded = new Set(choices.excluded ?? []);
  const toggle = (name: string, include: boolean) => {
    const next = new Set(excluded);
    if (include) next.delete(name);
    else next.add(name);
    store.configureCsv({ excluded: [...next] });
  };
  return (
    <div className="csv-columns">
      <div className="csv-options">
        <label>
          Label column{' '}
          <select data-testid="label-column" value={label} disabled={disabled} onChange={(e) => store.configureCsv({ labelColumn: e.target.value, excluded: [...excluded].filter((n) => n !== e.target.value) })}>
            {preview.columns.map((c) => (
              <option key={c.index} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Encoding{' '}
          <select value={choices.encoding ?? 'auto'} disabled={disabled} onChange={(e) => store.configureCsv({ encoding: e.target.value as CsvEncoding | 'auto' })}>
            <option value="auto">detected: {preview.encoding}</option>
            {ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
        {preview.testSource === 'split' && (
          <label>
            Test fraction{' '}
            <input
              type="number"
              min={0.05}
              max={0.9}
              step={0.05}
              defaultValue={choices.testFraction ?? 0.2}
              disabled={disabled}
              onBlur={(e) => {
                const v = Number(e.target.value);
                if (Number.isFinite(v) && v !== (choices.testFraction ?? 0.2)) store.configureCsv({ testFraction: v });
              }}
            />
          </label>
        )}
        <span className="muted">
          {preview.fileName}: {DELIMITER_NAMES[preview.delimiter] ?? preview.delimiter}-separated, {preview.header === 'none' ? 'no header row' : preview.header === 'tensorflow' ? 'TensorFlow header' : 'header row'},{' '}
          {preview.fileRows.toLocaleString()} rows
          {preview.droppedNoLabel > 0 && <>, {preview.droppedNoLabel} dropped for a missing label</>}
          {preview.skippedRagged > 0 && <>, {preview.skippedRagged} skipped for a wrong number of values</>}
        </span>
      </div>
      {preview.warnings.length > 0 && (
        <ul className="warnings">
          {preview.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <div className="table-scroll">
        <table className="preview">
          <caption>Columns</caption>
          <thead>
            <tr>
              <th scope="col">use</th>
              <th scope="col">column</th>
              <th scope="col">role</th>
              <th scope="col">type</th>
              <th scope="col">missing</th>
              <th scope="col">distinct</th>
              <th scope="col">note</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => (
              <tr key={c.index} className={c.role === 'ignored' ? 'ignored' : undefined}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Use ${c.name} as a feature`}
                    checked={c.role === 'feature'}
                    disabled={disabled || c.role === 'label' || (c.role === 'ignored' && c.ignoreCause !== 'excluded')}
                    onChange={(e) => toggle(c.name, e.target.checked)}
                  />
                </td>
                <th scope="row">{c.name}</th>
                <td>{c.role}</td>
                <td>
                  {c.kind}
                  {c.kind === 'categorical' && c.role === 'feature' && <> ({c.vocabulary.length} values, one-hot)</>}
                  {c.decimalComma && <> (decimal comma)</>}
                </td>
                <td className="num">{c.missing + c.invalid}</td>
                <td className="num">{c.distinct}</td>
                <td>{c.reason ?? (c.role === 'feature' && c.kind === 'numeric' && c.missing + c.invalid > 0 ? 'gaps take the training mean' : '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="preview balance">
          <caption>Class balance of {label}</caption>
          <thead>
            <tr>
              <th scope="col">class</th>
              <th scope="col">train</th>
              <th scope="col">test</th>
            </tr>
          </thead>
          <tbody>
            {preview.classBalance.map((b, i) => (
              <tr key={i}>
                <th scope="row">{b.className}</th>
                <td className="num">{b.train}</td>
                <td className="num">{b.test}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
