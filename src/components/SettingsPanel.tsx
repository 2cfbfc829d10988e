import { useState } from 'react';
import type { OptimizerName } from '../shared/protocol';
import { useAppState, useStore } from './useStore';

const OPTIMIZERS: OptimizerName[] = ['adagrad', 'sgd', 'momentum', 'adam', 'rmsprop'];
const MAX_UNITS = 1024;
const MAX_LAYERS = 8;

interface FieldProps {
  label: string;
  value: number;
  testId: string;
  min: number;
  max: number;
  integer?: boolean;
  onCommit: (value: number) => void;
}

/** A number that takes effect on Enter or when the field is left; an invalid entry goes back to the value. */
function NumberField({ label, value, testId, min, max, integer, onCommit }: FieldProps) {
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    const v = Number(text);
    if (text.trim() !== '' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v)) && v !== value) onCommit(v);
    setText(null);
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        data-testid={testId}
        min={min}
        max={max}
        step={integer ? 1 : 'any'}
        value={text ?? String(value)}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

/**
 * The model and training controls, TensorFlow Playground style: hidden layers with +/-,
 * optimizer, learning rate, batch, steps, seed. Every change goes to the URL at once; a
 * new learning rate reaches the model at once, the rest wait for Reset, and the panel says so.
 */
export function SettingsPanel() {
  const s = useAppState();
  const store = useStore();
  const { settings, model } = s;
  const hidden = settings.hiddenUnits;
  const setHidden = (units: number[]) => store.changeSettings({ hiddenUnits: units });
  const needsReset =
    model !== null &&
    JSON.stringify([model.hiddenUnits, model.optimizer, model.batchSize, model.seed]) !==
      JSON.stringify([settings.hiddenUnits, settings.optimizer, settings.batchSize, settings.seed]);
  const busy = s.state === 'training' || s.state === 'loading';
  return (
    <section className="panel" aria-labelledby="settings-title" data-testid="settings">
      <h2 id="settings-title">Model and training</h2>
      <fieldset className="layers">
        <legend>Hidden layers ({hidden.length})</legend>
        {hidden.map((units, i) => (
          <div key={i} className="layer">
            <button type="button" className="secondary small-button" aria-label={`Fewer units in hidden layer ${i + 1}`} disabled={units <= 1} onClick={() => setHidden(hidden.map((u, j) => (j === i ? u - 1 : u)))}>
              −
            </button>
            <NumberField label={`Layer ${i + 1}`} value={units} testId={`hidden-layer-${i + 1}`} min={1} max={MAX_UNITS} integer onCommit={(v) => setHidden(hidden.map((u, j) => (j === i ? v : u)))} />
            <button type="button" className="secondary small-button" aria-label={`More units in hidden layer ${i + 1}`} disabled={units >= MAX_UNITS} onClick={() => setHidden(hidden.map((u, j) => (j === i ? u + 1 : u)))}>
              +
            </button>
          </div>
        ))}
        <div className="buttons">
          <button type="button" className="secondary" data-testid="add-layer" disabled={hidden.length >= MAX_LAYERS} onClick={() => setHidden([...hidden, hidden[hidden.length - 1] ?? 10])}>
            Add a layer
          </button>
          <button type="button" className="secondary" data-testid="remove-layer" disabled={hidden.length <= 1} onClick={() => setHidden(hidden.slice(0, -1))}>
            Remove the last layer
          </button>
        </div>
      </fieldset>
      <div className="fields">
        <label className="field">
          <span>Optimizer</span>
          <select data-testid="optimizer" value={settings.optimizer} onChange={(e) => store.changeSettings({ optimizer: e.target.value as OptimizerName })}>
            {OPTIMIZERS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <NumberField label="Learning rate" value={settings.learningRate} testId="learning-rate" min={1e-6} max={10} onCommit={(v) => store.changeSettings({ learningRate: v })} />
        <NumberField label="Batch size" value={settings.batchSize} testId="batch-size" min={1} max={4096} integer onCommit={(v) => store.changeSettings({ batchSize: v })} />
        <NumberField label="Steps per Train" value={settings.steps} testId="steps" min={1} max={1_000_000} integer onCommit={(v) => store.changeSettings({ steps: v })} />
        <NumberField label="Seed" value={settings.seed} testId="seed" min={-2147483648} max={2147483647} integer onCommit={(v) => store.changeSettings({ seed: v })} />
      </div>
      {needsReset && (
        <p className="pending" role="status">
          These settings need a new model.{' '}
          <button type="button" data-testid="apply-reset" disabled={busy} onClick={() => store.reset()}>
            Reset to apply
          </button>
        </p>
      )}
      <p className="muted small">The learning rate applies at once, even while training. Every setting is in the page's address: copy it to share the run.</p>
    </section>
  );
}
