import { useState, type FormEvent } from 'react';
import { IRIS_SAMPLES } from '../shared/samples';
import { ProbabilityBars } from './ProbabilityBars';
import { useAppState, useStore } from './useStore';

/** One labelled number input per feature; the tutorial's new samples are one click away. */
export function PredictPanel() {
  const { dataset, prediction, globalStep } = useAppState();
  const store = useStore();
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  if (!dataset) return null;
  const names = dataset.featureNames;

  const predict = (raw: Record<string, string>) => {
    const features: number[] = [];
    for (const name of names) {
      const text = (raw[name] ?? '').trim();
      const v = Number(text);
      if (text === '' || !Number.isFinite(v)) {
        setProblem(`Enter a number for ${name}.`);
        return;
      }
      features.push(v);
    }
    setProblem(null);
    store.predict(features);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    predict(values);
  };
  const applySample = (sample: readonly number[]) => {
    const next = Object.fromEntries(names.map((n, i) => [n, String(sample[i])]));
    setValues(next);
    predict(next);
  };
  const samples = names.length === IRIS_SAMPLES[0].length ? IRIS_SAMPLES : [];

  return (
    <section className="panel" aria-labelledby="predict-title">
      <h2 id="predict-title">Classify a new sample</h2>
      <form data-testid="predict-form" onSubmit={onSubmit} className="predict-form" noValidate>
        {names.map((name) => (
          <label key={name}>
            <span>{name}</span>
            <input
              type="number"
              step="any"
              name={name}
              value={values[name] ?? ''}
              onChange={(e) => setValues({ ...values, [name]: e.target.value })}
            />
          </label>
        ))}
        <div className="buttons">
          <button type="submit" data-testid="predict">
            Predict
          </button>
          {samples.map((s) => (
            <button type="button" key={s.join()} className="secondary" onClick={() => applySample(s)}>
              Try [{s.join(', ')}]
            </button>
          ))}
        </div>
        {problem && (
          <p role="alert" className="alert error">
            {problem}
          </p>
        )}
      </form>
      {prediction && (
        <div
          className="prediction"
          data-testid="prediction"
          data-class={prediction.className}
          data-probabilities={JSON.stringify(prediction.probabilities)}
          aria-live="polite"
        >
          <p>
            Predicted: <strong>{prediction.className}</strong> (class id {prediction.classId})
            {globalStep === 0 && <span className="muted"> · the model is untrained</span>}
          </p>
          <ProbabilityBars classNames={dataset.classNames} probabilities={prediction.probabilities} winner={prediction.classId} />
        </div>
      )}
    </section>
  );
}
