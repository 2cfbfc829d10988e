import { useState } from 'react';
import { trainMessages } from './messages';
import type { AppState, RunState } from '../../client/state';
import { useT, useWords } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';

type Key = keyof typeof trainMessages.en;
type T = ReturnType<typeof useT<typeof trainMessages.en>>;

const STATE_KEYS: Record<RunState, Key> = {
  loading: 'stateLoading',
  idle: 'stateIdle',
  training: 'stateTraining',
  done: 'stateDone',
  stopped: 'stateStopped',
  error: 'stateError',
};

/** Time left from the pace so far in this run, or null before there is a pace. */
function timeLeft(s: Pick<AppState, 'run' | 'state' | 'globalStep'>, { t, num }: T): string | null {
  const run = s.run;
  if (!run || s.state !== 'training') return null;
  const done = s.globalStep - run.startStep;
  if (done <= 0) return null;
  const msPerStep = (run.updatedAt - run.startedAt) / done;
  const left = ((run.targetStep - s.globalStep) * msPerStep) / 1000;
  return left < 60 ? t('secondsLeft', { s: num(left, 1, 1) }) : t('minutesLeft', { m: Math.floor(left / 60), s: Math.round(left % 60) });
}

/** Train / Stop / Reset, the run's progress and state, and the backend in use. */
export function TrainPanel() {
  // The panel shows the run's progress: it re-renders with every progress frame anyway.
  const s = {
    state: useAppState((a) => a.state),
    run: useAppState((a) => a.run),
    globalStep: useAppState((a) => a.globalStep),
    parameters: useAppState((a) => a.parameters),
    backend: useAppState((a) => a.backend),
    engine: useAppState((a) => a.engine),
    tensors: useAppState((a) => a.tensors),
  };
  const settings = useAppState((a) => a.settings);
  const store = useStore();
  // Evaluate's call in flight: the button waits for it, so a second press never queues another.
  const [evaluating, setEvaluating] = useState(false);
  const tr = useT(trainMessages);
  const words = useWords();
  const { t, num } = tr;
  const { run } = s;
  const training = s.state === 'training';
  const runSteps = run ? run.targetStep - run.startStep : settings.steps;
  const runDone = run ? s.globalStep - run.startStep : 0;
  const eta = timeLeft(s, tr);
  const stateText = t(STATE_KEYS[s.state]);
  return (
    <section className="panel" aria-labelledby="train-title">
      <h2 id="train-title">{t('title')}</h2>
      <p className="model-line">
        {t('modelLine', {
          model: settings.dataset === 'mnist' ? 'mnist.py inference()' : 'DNNClassifier',
          // Joined as text: the units are a list, not one number to group.
          units: settings.hiddenUnits.join(', '),
          optimizer: settings.optimizer,
          lr: num(settings.learningRate, 10),
          batch: settings.batchSize,
          steps: settings.steps,
          seed: String(settings.seed),
        })}
        {s.parameters !== null && t('parameters', { n: s.parameters })}
      </p>
      <div className="buttons">
        <button type="button" data-testid="train" disabled={training || s.state === 'loading'} onClick={() => store.train()}>
          {s.globalStep > 0 ? t('trainMore', { n: settings.steps }) : t('train')}
        </button>
        <button type="button" data-testid="stop" disabled={!training} onClick={() => store.stop()}>
          {t('stop')}
        </button>
        <button type="button" data-testid="reset" disabled={training || s.state === 'loading'} onClick={() => store.reset()}>
          {t('reset')}
        </button>
        <button
          type="button"
          data-testid="evaluate"
          disabled={training || s.state === 'loading' || evaluating}
          title={t('evaluateHint')}
          onClick={() => {
            setEvaluating(true);
            void store.evaluate().finally(() => setEvaluating(false));
          }}
        >
          {evaluating ? t('evaluating') : t('evaluate')}
        </button>
      </div>
      <div className="progress-row">
        <progress max={runSteps} value={runDone} aria-label={t('runSteps')} />
        <span>
          {t('stepOf', { done: runDone, total: runSteps })}
          {eta && <> · {eta}</>}
        </span>
      </div>
      <p className="status-line">
        {/*
          A polite live region that speaks the run's state, and the global step once the run
          has ended: announcing every step while training would drown everything else.
        */}
        <span
          data-testid="training-status"
          data-state={s.state === 'loading' ? 'idle' : s.state}
          data-step={s.globalStep}
          data-run={run?.runId ?? 0}
          role="status"
          aria-live="polite"
          aria-atomic="true"
        >
          {stateText}
          {!training && <> · {t('globalStep', { n: s.globalStep })}</>}
        </span>
        {training && <span> · {t('globalStep', { n: s.globalStep })}</span>}
      </p>
      <p className="backend-line">
        {t('backend')}{' '}
        <strong data-testid="backend" data-value={s.backend?.name ?? ''}>
          {s.backend?.name ?? '…'}
        </strong>
        {s.backend && <span className="muted"> ({words(s.backend.reason)})</span>}
      </p>
      <p className="backend-line">
        {t('engine')}{' '}
        <strong data-testid="engine" data-value={s.engine?.name ?? ''}>
          {s.engine ? (s.engine.name === 'fused' ? t('engineFused') : t('engineTfjs', { backend: s.backend?.name ?? '…' })) : '…'}
        </strong>
        {s.engine && <span className="muted"> ({words(s.engine.reason)})</span>}
        {s.tensors !== null && (
          <span className="muted" data-testid="tensor-count" data-value={s.tensors}>
            {' '}
            {t('tensors', { n: s.tensors })}
          </span>
        )}
      </p>
    </section>
  );
}
