import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { predictMessages } from './messages';
import { fieldOfReason, outsideFields } from '../../client/predictForm';
import { IRIS_SAMPLES } from '../../shared/samples';
import type { InputField } from '../../shared/types';
import { ProbabilityBars } from '../common/ProbabilityBars';
import { useT, useWords } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';
import { objectKey } from '../common/objectKey';
import { useProgressiveCount } from '../common/useProgressiveCount';
import './predict.css';

/** A wide form's fields off screen are not laid out (about 3 lines each until they are). */
const OFFSCREEN_SKIPPED = { contentVisibility: 'auto', containIntrinsicSize: 'auto 3.2em' } as const;

/** Fields past which the form is a `div` with role="form" (see `wide`). */
const WIDE_FORM = 300;

/**
 * A form generated from the data set's inputs: a number input per numeric column, a
 * select of the known values per categorical one. The worker encodes the row with
 * the training statistics. For Iris, the tutorial's samples are one click away.
 *
 * It speaks where the person looks: a value the worker refuses marks its field
 * (aria-invalid, the reason under it as role=alert, tied by aria-describedby), the old
 * prediction goes, and from then on every edit asks again, so the message leaves as soon
 * as the value is good. A value far outside the training rows (client/predictForm.ts) is
 * classified but flagged beside its field.
 */
export function PredictPanel() {
  const dataset = useAppState((a) => a.dataset);
  const prediction = useAppState((a) => a.prediction);
  const problem = useAppState((a) => a.predictError);
  // Only whether the model is untrained is shown: a boolean, not every step.
  const untrained = useAppState((a) => a.globalStep === 0);
  const store = useStore();
  const { t, num } = useT(predictMessages);
  const words = useWords();
  const id = useId();
  // A Map, not an object keyed by column names: a column may be called __proto__ or constructor.
  const [values, setValues] = useState<ReadonlyMap<string, string>>(new Map());
  // The row of the newest request, for the flags beside the fields of its prediction.
  const [sent, setSent] = useState<readonly string[]>([]);
  const rendered = useProgressiveCount(dataset?.inputs.length ?? 0, dataset);
  if (!dataset || dataset.inputs.length === 0) return null;
  const inputs = dataset.inputs;
  const valueOf = (name: string, options?: string[]) => values.get(name) ?? (options ? (options[0] ?? '') : '');
  const send = (row: ReadonlyMap<string, string>) => {
    const texts = inputs.map((i) => row.get(i.name) ?? valueOf(i.name, i.options));
    setSent(texts);
    store.predict(texts);
  };
  const setValue = (name: string, value: string) => {
    const next = new Map(values).set(name, value);
    setValues(next);
    // Refused: every edit asks again, so the message goes once the value is good.
    if (problem) send(next);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send(values);
  };
  const applySample = (sample: readonly number[]) => {
    const next = new Map(inputs.map((input, i) => [input.name, String(sample[i])] as const));
    setValues(next);
    send(next);
  };
  const samples = dataset.source === 'iris' ? IRIS_SAMPLES : [];
  const badField = problem ? fieldOfReason(problem, inputs) : null;
  const outside = prediction && sent.length === inputs.length ? outsideFields(sent, inputs) : inputs.map(() => false);
  const errorId = (i: number) => `${id}-error-${i}`;
  const noteId = (i: number) => `${id}-note-${i}`;
  // A wide file's thousands of fields are not put in a <form>: Chromium associates each
  // field with its form in time growing with the form's fields (3,000 fields: seconds).
  const wide = inputs.length > WIDE_FORM;
  const Form = wide ? 'div' : 'form';
  const onEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) send(values);
  };

  return (
    <section className="panel" aria-labelledby="predict-title">
      <h2 id="predict-title">{t(dataset.target ? 'titleRegression' : 'title')}</h2>
      <Form
        key={objectKey(dataset)}
        data-testid="predict-form"
        className="predict-form"
        {...(wide ? { role: 'form', 'aria-labelledby': 'predict-title', onKeyDown: onEnter } : { onSubmit, noValidate: true })}
      >
        {inputs.slice(0, rendered).map((input, i) => {
          const bad = badField === i;
          const flagged = !bad && outside[i];
          const describedBy = [bad ? errorId(i) : '', flagged ? noteId(i) : ''].filter(Boolean).join(' ') || undefined;
          return (
            <div key={input.name} className="predict-field" style={wide ? OFFSCREEN_SKIPPED : undefined}>
              <label htmlFor={`${id}-field-${i}`}>{input.name}</label>
              {input.kind === 'categorical' ? (
                <select id={`${id}-field-${i}`} name={input.name} value={valueOf(input.name, input.options)} onChange={(e) => setValue(input.name, e.target.value)}>
                  {(input.options ?? []).map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`${id}-field-${i}`}
                  type="text"
                  inputMode={input.kind === 'date' ? 'text' : 'decimal'}
                  name={input.name}
                  value={valueOf(input.name)}
                  placeholder={dataset.source === 'csv' ? t('emptyMean') : undefined}
                  aria-invalid={bad ? true : undefined}
                  aria-describedby={describedBy}
                  onChange={(e) => setValue(input.name, e.target.value)}
                />
              )}
              {bad && problem && (
                <span id={errorId(i)} role="alert" className="field-error">
                  {words(problem)}
                </span>
              )}
              {flagged && <OutsideNote id={noteId(i)} input={input} format={(v) => num(v, 2)} />}
            </div>
          );
        })}
        {problem && badField === null && (
          <p role="alert" className="alert error">
            {words(problem)}
          </p>
        )}
        <div className="buttons">
          <button type={wide ? 'button' : 'submit'} data-testid="predict" onClick={wide ? () => send(values) : undefined}>
            {t('predict')}
          </button>
          {samples.map((s) => (
            // The sample's numbers are the tutorial's literal Python lists: shown as written.
            <button type="button" key={s.join()} className="secondary" onClick={() => applySample(s)}>
              {t('trySample', { values: s.join(', ') })}
            </button>
          ))}
        </div>
      </Form>
      {prediction && prediction.value !== undefined && dataset.target ? (
        // DNNRegressor's predict(): one number, in the label's own units.
        <div className="prediction" data-testid="prediction" data-value={prediction.value} data-class="" data-probabilities="[]" aria-live="polite">
          <p>
            {t('predictedNumber', { label: dataset.target.name })} <strong>{num(prediction.value, 4)}</strong>
            {untrained && <span className="muted">{t('untrained')}</span>}
          </p>
          <p className="muted small">{t('numberRange', { min: num(dataset.target.min, 4), max: num(dataset.target.max, 4), mean: num(dataset.target.mean, 4) })}</p>
        </div>
      ) : prediction && prediction.value === undefined && prediction.probabilities.length === dataset.classNames.length ? (
        <div
          className="prediction"
          data-testid="prediction"
          data-class={prediction.className}
          data-probabilities={JSON.stringify(prediction.probabilities)}
          aria-live="polite"
        >
          <p>
            {t('predicted')} <strong>{prediction.className}</strong> {t('classId', { id: String(prediction.classId) })}
            {untrained && <span className="muted">{t('untrained')}</span>}
          </p>
          <ProbabilityBars classNames={dataset.classNames} probabilities={prediction.probabilities} winner={prediction.classId} />
          <p className="muted small">{t('logits', { values: prediction.logits.map((l) => num(l, 3, 3)).join(', ') })}</p>
        </div>
      ) : (
        // Refused: the hook stays, empty, so nothing on screen is the old row's answer.
        problem && <div className="prediction" data-testid="prediction" data-class="" data-probabilities="[]" />
      )}
    </section>
  );
}

function OutsideNote({ id, input, format }: { id: string; input: InputField; format: (v: number) => string }) {
  const { t } = useT(predictMessages);
  const range = input.range;
  return (
    <span id={id} className="field-note" data-testid="outside-range">
      {t('outside', { min: range ? format(range.min) : '', max: range ? format(range.max) : '' })}
    </span>
  );
}
