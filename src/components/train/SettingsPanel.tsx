/**
 * The model and training controls, TensorFlow Playground style: hidden layers with +/-,
 * activation, dropout, L2, optimizer, learning rate, batch, steps, early stopping, class
 * weights, seed.
 * Every change goes to the URL at once. The learning rate reaches the model at once and
 * patience the next run; the rest are fixed when a model is built, so they wait for
 * Reset and the panel names them (compared with the model in the worker, state.model).
 */
import { isDecimalText } from '../../shared/fieldReaders';
import { useId, useState } from 'react';
import { modelChanges } from '../../client/modelChanges';
import { settingsMessages } from './settingsMessages';
import { runPlan } from '../../client/runPlan';
import { LIMITS, OPTIMIZERS } from '../../client/settings';
import { ACTIVATIONS, CLASS_WEIGHTS } from '../../shared/modelConfig';
import type { Activation, ClassWeight, OptimizerName } from '../../shared/types';
import { useT } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';


interface FieldProps {
  label: string;
  /** A short line under the field, read with it by screen readers (aria-describedby). */
  hint?: string;
  value: number;
  testId: string;
  min: number;
  max: number;
  integer?: boolean;
  /** The spinner's increment; 1 for integers, any value otherwise. */
  step?: number;
  onCommit: (value: number) => void;
}

/** A number that takes effect on Enter or when the field is left; an invalid entry goes back to the value. */
function NumberField({ label, hint, value, testId, min, max, integer, step, onCommit }: FieldProps) {
  const [text, setText] = useState<string | null>(null);
  const hintId = useId();
  const commit = () => {
    if (text === null) return;
    const v = Number(text);
    if (isDecimalText(text) && v >= min && v <= max && (!integer || Number.isInteger(v)) && v !== value) onCommit(v);
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
        step={step ?? (integer ? 1 : 'any')}
        value={text ?? String(value)}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {hint && (
        <small id={hintId} className="muted">
          {hint}
        </small>
      )}
    </label>
  );
}

interface SelectProps<T extends string> {
  label: string;
  hint: string;
  value: T;
  testId: string;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: T) => void;
}

function SelectField<T extends string>({ label, hint, value, testId, options, optionLabel, onChange }: SelectProps<T>) {
  const hintId = useId();
  return (
    <label className="field">
      <span>{label}</span>
      <select data-testid={testId} value={value} aria-describedby={hintId} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
      <small id={hintId} className="muted">
        {hint}
      </small>
    </label>
  );
}

export function SettingsPanel() {
  const s = { state: useAppState((a) => a.state), parameters: useAppState((a) => a.parameters) };
  const store = useStore();
  const { t, num } = useT(settingsMessages);
  const settings = useAppState((a) => a.settings);
  const regression = useAppState((a) => a.dataset?.target !== undefined);
  const trainRows = useAppState((a) => a.dataset?.trainRows ?? 0);
  const plan = runPlan(settings, trainRows);
  const model = useAppState((a) => a.model);
  const hidden = settings.hiddenUnits;
  const setHidden = (units: number[]) => store.changeSettings({ hiddenUnits: units });
  const changes = modelChanges(model, settings);
  const busy = s.state === 'training' || s.state === 'loading';
  const hiddenHintId = useId();
  return (
    <section className="panel" aria-labelledby="settings-title" data-testid="settings">
      <h2 id="settings-title">{t('title')}</h2>
      <fieldset className="layers" aria-describedby={hiddenHintId}>
        <legend>{t('hiddenLayers', { n: hidden.length })}</legend>
        <p id={hiddenHintId} className="muted small">
          {t('hiddenHint')}
        </p>
        {hidden.map((units, i) => (
          <div key={i} className="layer">
            <button type="button" className="secondary small-button" aria-label={t('fewerUnits', { n: i + 1 })} disabled={units <= 1} onClick={() => setHidden(hidden.map((u, j) => (j === i ? u - 1 : u)))}>
              −
            </button>
            <NumberField label={t('layer', { n: i + 1 })} value={units} testId={`hidden-layer-${i + 1}`} min={1} max={LIMITS.units} integer onCommit={(v) => setHidden(hidden.map((u, j) => (j === i ? v : u)))} />
            <button type="button" className="secondary small-button" aria-label={t('moreUnits', { n: i + 1 })} disabled={units >= LIMITS.units} onClick={() => setHidden(hidden.map((u, j) => (j === i ? u + 1 : u)))}>
              +
            </button>
          </div>
        ))}
        <div className="buttons">
          <button type="button" className="secondary" data-testid="add-layer" disabled={hidden.length >= LIMITS.layers} onClick={() => setHidden([...hidden, hidden[hidden.length - 1] ?? 10])}>
            {t('addLayer')}
          </button>
          <button type="button" className="secondary" data-testid="remove-layer" disabled={hidden.length <= 1} onClick={() => setHidden(hidden.slice(0, -1))}>
            {t('removeLayer')}
          </button>
        </div>
        {s.parameters !== null && (
          <p className="muted small" data-testid="parameter-count" data-value={s.parameters}>
            {t('parameters', { n: s.parameters })}
          </p>
        )}
      </fieldset>
      <div className="fields">
        <SelectField<Activation>
          label={t('activation')}
          hint={t('activationHint')}
          value={settings.activation}
          testId="activation"
          options={ACTIVATIONS}
          optionLabel={(a) => t(`act_${a}`)}
          onChange={(activation) => store.changeSettings({ activation })}
        />
        <NumberField label={t('dropout')} hint={t('dropoutHint')} value={settings.dropout} testId="dropout" min={0} max={LIMITS.dropout} step={0.05} onCommit={(v) => store.changeSettings({ dropout: v })} />
        <NumberField label={t('l2')} hint={t('l2Hint')} value={settings.l2} testId="l2" min={0} max={LIMITS.l2} step={0.0001} onCommit={(v) => store.changeSettings({ l2: v })} />
        <SelectField<OptimizerName>
          label={t('optimizer')}
          hint={t('optimizerHint')}
          value={settings.optimizer}
          testId="optimizer"
          options={OPTIMIZERS}
          optionLabel={(o) => o}
          onChange={(optimizer) => store.changeSettings({ optimizer })}
        />
        <NumberField label={t('learningRate')} hint={t('learningRateHint')} value={settings.learningRate} testId="learning-rate" min={1e-6} max={LIMITS.learningRate} onCommit={(v) => store.changeSettings({ learningRate: v })} />
        <NumberField label={t('batchSize')} hint={t('batchSizeHint')} value={settings.batchSize} testId="batch-size" min={1} max={LIMITS.batch} integer onCommit={(v) => store.changeSettings({ batchSize: v })} />
        {/* Steps or epochs say a run's length: typing steps means them (epochs 0), typing epochs sizes the steps to the data. */}
        <NumberField label={t('steps')} hint={t('stepsHint')} value={plan.steps} testId="steps" min={1} max={LIMITS.steps} integer onCommit={(v) => store.changeSettings({ steps: v, epochs: 0 })} />
        <NumberField
          label={t('epochs')}
          hint={t('epochsHint', { perEpoch: num(plan.stepsPerEpoch, 2), rows: trainRows })}
          value={settings.epochs > 0 ? settings.epochs : Number((plan.steps / plan.stepsPerEpoch).toFixed(1))}
          testId="epochs"
          min={0}
          max={LIMITS.epochs}
          integer
          onCommit={(v) => store.changeSettings(v > 0 ? { epochs: v } : { epochs: 0 })}
        />
        <NumberField label={t('patience')} hint={t('patienceHint')} value={settings.patience} testId="patience" min={0} max={LIMITS.patience} integer onCommit={(v) => store.changeSettings({ patience: v })} />
        {/* Class weights balance classes: a regression has none. */}
        {!regression && (
        <SelectField<ClassWeight>
          label={t('classWeight')}
          hint={t('classWeightHint')}
          value={settings.classWeight}
          testId="class-weight"
          options={CLASS_WEIGHTS}
          optionLabel={(w) => t(`cw_${w}`)}
          onChange={(classWeight) => store.changeSettings({ classWeight })}
        />
        )}
        <NumberField label={t('seed')} hint={t('seedHint')} value={settings.seed} testId="seed" min={-2147483648} max={2147483647} integer onCommit={(v) => store.changeSettings({ seed: v })} />
      </div>
      {changes.length > 0 && (
        <p className="pending" role="status" data-testid="needs-reset" data-changes={changes.join(',')}>
          {t('needsReset', { changes: changes.map((c) => t(`change_${c}`)).join(t('listSeparator')) })}{' '}
          <button type="button" data-testid="apply-reset" disabled={busy} onClick={() => store.reset()}>
            {t('resetToApply')}
          </button>
        </p>
      )}
      <p className="muted small">{t('footer')}</p>
    </section>
  );
}
