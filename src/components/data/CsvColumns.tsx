import { dataMessages } from './messages';
import { LIMITS } from '../../client/settings';
import type { CsvChoices, Task } from '../../shared/types';
import type { ColumnKind, ColumnRole, ColumnSchema, CsvEncoding, CsvPreview, DatePart, Delimiter, HeaderKind, IgnoreCause } from '../../shared/csv';
import { assertNever } from '../../shared/protocol';
import { useT, useWords } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';
import { ScrollRegion } from '../common/ScrollRegion';
import { useWindowedRows } from '../common/useWindowedRows';
import { objectKey } from '../common/objectKey';

type Key = keyof typeof dataMessages.en;

const ENCODINGS: CsvEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'euc-kr', 'windows-1252'];
const DELIMITER_KEYS: Record<Delimiter, Key> = { ',': 'delimiterComma', ';': 'delimiterSemicolon', '\t': 'delimiterTab', '|': 'delimiterPipe' };
const HEADER_KEYS: Record<HeaderKind, Key> = { none: 'headerNone', tensorflow: 'headerTensorflow', names: 'headerNames' };
const ROLE_KEYS: Record<ColumnRole, Key> = { feature: 'roleFeature', label: 'roleLabel', ignored: 'roleIgnored' };
const KIND_KEYS: Record<ColumnKind, Key> = { numeric: 'kindNumeric', categorical: 'kindCategorical', date: 'kindDate' };
const PART_KEYS: Record<DatePart, Key> = { year: 'partYear', month: 'partMonth', weekday: 'partWeekday', hour: 'partHour' };

function causeKey(cause: IgnoreCause): Key {
  switch (cause) {
    case 'excluded':
      return 'causeExcluded';
    case 'empty':
      return 'causeEmpty';
    case 'constant':
      return 'causeConstant';
    case 'identifier':
      return 'causeIdentifier';
    case 'free-text':
      return 'causeFreeText';
    case 'dates':
      return 'causeDates';
    case 'too-many-categories':
      return 'causeTooManyCategories';
    default:
      return assertNever(cause);
  }
}

/**
 * Columns offered in the label select: all of them up to LISTED_LABELS; past that the
 * first LISTED_LABELS, the label and the class-like alternatives (a select of thousands
 * of options takes Chromium seconds to build, and a measurement column is no label).
 */
export const LISTED_LABELS = 300;

function labelOptions(preview: CsvPreview, label: string): ColumnSchema[] {
  if (preview.columns.length <= LISTED_LABELS) return preview.columns;
  const wanted = new Set([label, ...(preview.labelAlternatives ?? [])]);
  return preview.columns.filter((c, i) => i < LISTED_LABELS || wanted.has(c.name));
}

/** Height of a row of the windowed column table, px. */
const ROW_PX = 30;
const NO_WRAP = { whiteSpace: 'nowrap', height: ROW_PX, boxSizing: 'border-box', paddingTop: 0, paddingBottom: 0 } as const;

/** Below this a stratified split leaves most classes without a test row. */
const MIN_TEST_FRACTION = 0.05;

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
  const { t, num } = useT(dataMessages);
  const words = useWords();
  // The fraction in use: the one chosen for this file, else the setting (in the URL) it was loaded with.
  const settings = useAppState((a) => a.settings);
  const fraction = choices.testFraction ?? settings.testFraction;
  const validation = choices.validationFraction ?? settings.validation;
  // The worker's note with its numbers; a cause alone (a schema saved without notes) gets the short phrase.
  const note = (c: ColumnSchema): string => {
    if (c.reason !== undefined) return words(c.reason);
    if (c.ignoreCause !== undefined) return t(causeKey(c.ignoreCause));
    return c.role === 'feature' && c.kind !== 'categorical' && c.missing + c.invalid > 0 ? t('gapsMean') : '';
  };
  const label = preview.columns.find((c) => c.role === 'label')?.name ?? '';
  const task: Task = preview.task ?? 'classification';
  const excluded = new Set(choices.excluded ?? []);
  // Another label: its own rare classes are kept until the person says otherwise.
  // Another label is read as its values say (classes or a number) until the person picks the task for it.
  const pickLabel = (name: string) => store.configureCsv({ labelColumn: name, excluded: [...excluded].filter((n) => n !== name), rareClasses: undefined, task: undefined });
  const rare = choices.rareClasses ?? 'keep';
  // A wide file has a row per column: only the rows in view are in the DOM (cells then do not wrap).
  const rows = useWindowedRows(preview.columns.length, { rowPx: ROW_PX });
  const cell = rows.windowed ? NO_WRAP : undefined;
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
          {t('labelColumn')}{' '}
          <select key={objectKey(preview)} data-testid="label-column" value={label} disabled={disabled} onChange={(e) => pickLabel(e.target.value)}>
            {labelOptions(preview, label).map((c) => (
              <option key={c.index} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label title={t('taskHint')}>
          {t('task')}{' '}
          {/* Either way only for a label that can be read both ways (whole numbers of few values); the other option says why not otherwise. */}
          <select key={`${objectKey(preview)}-task`} data-testid="task" value={task} disabled={disabled} onChange={(e) => store.configureCsv({ task: e.target.value as Task })}>
            <option value="classification" disabled={task === 'regression' && !preview.taskSwitch}>
              {t('taskClassification')}
            </option>
            <option value="regression" disabled={task === 'classification' && !preview.taskSwitch}>
              {t('taskRegression')}
            </option>
          </select>
        </label>
        <label>
          {t('encoding')}{' '}
          <select value={choices.encoding ?? 'auto'} disabled={disabled} onChange={(e) => store.configureCsv({ encoding: e.target.value as CsvEncoding | 'auto' })}>
            <option value="auto">{t('detected', { encoding: preview.encoding })}</option>
            {ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
        {preview.encodingReason && (
          <span className="muted" data-testid="encoding-reason">
            {words(preview.encodingReason)}
          </span>
        )}
        {preview.testSource === 'split' && (
          <label>
            {t('testFraction')}{' '}
            <input
              type="number"
              min={MIN_TEST_FRACTION}
              max={LIMITS.testFraction}
              step={0.05}
              defaultValue={fraction}
              disabled={disabled}
              onBlur={(e) => {
                const v = Number(e.target.value);
                // Out of range or not a number: back to the fraction in use (the URL never gets a bad value).
                if (!(e.target.value.trim() !== '' && v >= MIN_TEST_FRACTION && v <= LIMITS.testFraction)) e.target.value = String(fraction);
                else if (v !== fraction) store.configureCsv({ testFraction: v });
              }}
            />
          </label>
        )}
        <label title={t('validationHint')}>
          {t('validationFraction')}{' '}
          <input
            type="number"
            data-testid="validation-fraction"
            min={0}
            max={LIMITS.validation}
            step={0.05}
            defaultValue={validation}
            disabled={disabled}
            onBlur={(e) => {
              const v = Number(e.target.value);
              if (!(e.target.value.trim() !== '' && v >= 0 && v <= LIMITS.validation)) e.target.value = String(validation);
              else if (v !== validation) store.configureCsv({ validationFraction: v });
            }}
          />
        </label>
        <span className="muted">
          {t('fileLine', { file: preview.fileName, delimiter: t(DELIMITER_KEYS[preview.delimiter]), header: t(HEADER_KEYS[preview.header]), rows: preview.fileRows })}
          {preview.droppedNoLabel > 0 && t('droppedNoLabel', { n: preview.droppedNoLabel })}
          {preview.skippedRagged > 0 && t('skippedRagged', { n: preview.skippedRagged })}
        </span>
      </div>
      {preview.labelReason && (
        <div className="label-reason">
          <p data-testid="label-reason">{words(preview.labelReason)}</p>
          {(preview.labelAlternatives ?? []).length > 0 && (
            <div className="buttons" role="group" aria-label={t('labelOthers')}>
              <span>{t('labelOthers')}</span>
              {(preview.labelAlternatives ?? []).map((name) => (
                <button key={name} type="button" className="secondary" disabled={disabled} aria-label={t('useLabel', { name })} onClick={() => pickLabel(name)}>
                  {name}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      {preview.warnings.length > 0 && (
        <ul className="warnings">
          {preview.warnings.map((w, i) => (
            <li key={i}>{words(w)}</li>
          ))}
        </ul>
      )}
      {/* Next to the warning naming the rare classes (or the note of what was done with them). */}
      {(preview.rare !== undefined || rare !== 'keep') && (
        <div className="buttons rare-classes" role="group" aria-label={t('rareActions')}>
          {preview.rare !== undefined && rare !== 'merge' && (
            <button type="button" className="secondary" disabled={disabled} onClick={() => store.configureCsv({ rareClasses: 'merge' })}>
              {t('rareMerge')}
            </button>
          )}
          {preview.rare !== undefined && (
            <button type="button" className="secondary" disabled={disabled} onClick={() => store.configureCsv({ rareClasses: 'drop' })}>
              {t('rareDrop')}
            </button>
          )}
          {rare !== 'keep' && (
            <button type="button" className="secondary" disabled={disabled} onClick={() => store.configureCsv({ rareClasses: 'keep' })}>
              {t('rareKeep')}
            </button>
          )}
        </div>
      )}
      <ScrollRegion label={t('columnsCaption')} onScroll={rows.onScroll} style={rows.height === undefined ? undefined : { maxHeight: rows.height, overflowY: 'auto' }}>
        <table className="preview">
          <caption>{rows.windowed ? t('columnsCaptionMany', { n: preview.columns.length }) : t('columnsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colUse')}</th>
              <th scope="col">{t('colColumn')}</th>
              <th scope="col">{t('colRole')}</th>
              <th scope="col">{t('colType')}</th>
              <th scope="col">{t('colMissing')}</th>
              <th scope="col">{t('colDistinct')}</th>
              <th scope="col">{t('colNote')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.before > 0 && <tr aria-hidden="true" style={{ height: rows.before }} />}
            {preview.columns.slice(rows.start, rows.end).map((c) => (
              <tr key={c.index} className={c.role === 'ignored' ? 'ignored' : undefined} style={cell}>
                <td style={cell}>
                  <input
                    type="checkbox"
                    aria-label={t('useAsFeature', { name: c.name })}
                    checked={c.role === 'feature'}
                    disabled={disabled || c.role === 'label' || (c.role === 'ignored' && c.ignoreCause !== 'excluded')}
                    onChange={(e) => toggle(c.name, e.target.checked)}
                  />
                </td>
                <th scope="row" style={cell}>{c.name}</th>
                <td style={cell}>{t(ROLE_KEYS[c.role])}</td>
                <td style={cell}>
                  {t(KIND_KEYS[c.kind])}
                  {c.kind === 'categorical' && c.role === 'feature' && t('oneHot', { n: c.vocabulary.length })}
                  {c.kind === 'date' && c.role === 'feature' && t('dateParts', { parts: (c.date?.parts ?? []).map((p) => t(PART_KEYS[p])).join(', ') })}
                  {c.decimalComma && t('decimalComma')}
                </td>
                <td className="num" style={cell}>{num(c.missing + c.invalid)}</td>
                <td className="num" style={cell}>{num(c.distinct)}</td>
                <td style={cell} title={rows.windowed ? note(c) : undefined}>{note(c)}</td>
              </tr>
            ))}
            {rows.after > 0 && <tr aria-hidden="true" style={{ height: rows.after }} />}
          </tbody>
        </table>
      </ScrollRegion>
      <ScrollRegion label={t('balanceCaption', { label })}>
        <table className="preview balance">
          <caption>{t('balanceCaption', { label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('balanceClass')}</th>
              <th scope="col">{t('balanceTrain')}</th>
              <th scope="col">{t('balanceTest')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.classBalance.map((b, i) => (
              <tr key={i}>
                <th scope="row">{b.className}</th>
                <td className="num">{num(b.train)}</td>
                <td className="num">{num(b.test)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
