import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { predictMessages } from './messages';
import { IRIS_SAMPLES } from '../../shared/samples';
import { ProbabilityBars } from '../common/ProbabilityBars';
import { useT } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';
import { objectKey } from '../common/objectKey';
import { useProgressiveCount } from '../common/useProgressiveCount';

/** A wide form's fields off screen are not laid out (about 3 lines each until they are). */
const OFFSCREEN_SKIPPED = { contentVisibility: 'auto', containIntrinsicSize: 'auto 3.2em' } as const;

/** Fields past which the form is a `div` with role="form" (see `wide`). */
const WIDE_FORM = 300;

/**
 * A form generated from the data set's inputs: a number input per numeric column, a
 * select of the known values per categorical one. The worker encodes the row with
 * the training statistics. For Iris, the tutorial's samples are one click away.
 */
export function PredictPanel() {
  const dataset = useAppState((a) => a.dataset);
  const prediction = useAppState((a) => a.prediction);
  // Only whether the model is untrained is shown: a boolean, not every step.
  const untrained = useAppState((a) => a.globalStep === 0);
  const store = useStore();
  const { t, num } = useT(predictMessages);
  // A Map, not an object keyed by column names: a column may be called __proto__ or constructor.
  const [values, setValues] = useState<ReadonlyMap<string, string>>(new Map());
  const rendered = useProgressiveCount(dataset?.inputs.length ?? 0, dataset);
  if (!dataset || dataset.inputs.length === 0) return null;
  const inputs = dataset.inputs;
  const valueOf = (name: string, options?: string[]) => values.get(name) ?? (options ? (options[0] ?? '') : '');
  const send = (row: ReadonlyMap<string, string>) => store.predict(inputs.map((i) => row.get(i.name) ?? valueOf(i.name, i.options)));
  const setValue = (name: string, value: string) => setValues(new Map(values).set(name, value));
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
  // A wide file's thousands of fields are not put in a <form>: Chromium associates each
  // field with its form in time growing with the form's fields (3,000 fields: seconds).
  const wide = inputs.length > WIDE_FORM;
  const Form = wide ? 'div' : 'form';
  const onEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) send(values);
  };

  return (
    <section className="panel" aria-labelledby="predict-title">
      <h2 id="predict-title">{t('title')}</h2>
      <Form
        key={objectKey(dataset)}
        data-testid="predict-form"
        className="predict-form"
        {...(wide ? { role: 'form', 'aria-labelledby': 'predict-title', onKeyDown: onEnter } : { onSubmit, noValidate: true })}
      >
        {inputs.slice(0, rendered).map((input) => (
          <label key={input.name} style={wide ? OFFSCREEN_SKIPPED : undefined}>
            <span>{input.name}</span>
            {input.kind === 'categorical' ? (
              <select name={input.name} value={valueOf(input.name, input.options)} onChange={(e) => setValue(input.name, e.target.value)}>
                {(input.options ?? []).map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input
                type="text"
                inputMode={input.kind === 'date' ? 'text' : 'decimal'}
                name={input.name}
                value={valueOf(input.name)}
                placeholder={dataset.source === 'csv' ? t('emptyMean') : undefined}
                onChange={(e) => setValue(input.name, e.target.value)}
              />
            )}
          </label>
        ))}
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
      {prediction && prediction.probabilities.length === dataset.classNames.length && (
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
      )}
    </section>
  );
}
