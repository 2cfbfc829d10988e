import { useState } from 'react';
import { trainMessages } from './messages';
import { epochOf, runPlan } from '../../client/runPlan';
import { cvMessages } from './cvMessages';
import { CvFoldsField, useCvProgressText } from './CrossValidation';
import { PlayControls } from './PlayControls';
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

/** The step whose weights early stopping put back, when the newest evaluation is of them (null otherwise). */
function restoredStep(a: AppState): number | null {
  const last = a.evaluations[a.evaluations.length - 1];
  return last?.restoredFrom ?? null;
}

/** Time left from the pace so far in this run, or null before there is a pace. */
function timeLeft(s: Pick<AppState, 'run' | 'state' | 'globalStep'>, { t, num }: T): string | null {
  const run = s.run;
  // Play has no end to count down to.
  if (!run || s.state !== 'training' || !Number.isFinite(run.targetStep)) return null;
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
  const trainRows = useAppState((a) => a.dataset?.trainRows ?? 0);
  const bestStep = useAppState(restoredStep);
  // The batch of the model in the worker (the settings' may wait for Reset) turns steps into epochs.
  const batch = useAppState((a) => a.model?.batchSize ?? a.settings.batchSize);
  const plan = runPlan(settings, trainRows);
  const epoch = epochOf(s.globalStep, batch, trainRows);
  const store = useStore();
  // Evaluate's call in flight: the button waits for it, so a second press never queues another.
  const [evaluating, setEvaluating] = useState(false);
  const tr = useT(trainMessages);
  const words = useWords();
  const { t, num } = tr;
  const { run } = s;
  const training = s.state === 'training';
  // Play: no total; the bar fills with each evaluation interval instead.
  const open = run !== null && !Number.isFinite(run.targetStep);
  const runSteps = run && !open ? run.targetStep - run.startStep : plan.steps;
  const runDone = run ? s.globalStep - run.startStep : 0;
  const cv = useAppState((a) => a.cv);
  const cvText = useCvProgressText();
  const cvWords = useT(cvMessages);
  const eta = cv ? null : timeLeft(s, tr);
  // While folds train, the bar spans all of them: k runs of `steps`.
  const bar = cv
    ? { max: cv.folds * cv.steps, value: Math.max(0, cv.fold - 1) * cv.steps + cv.globalStep }
    : open
      ? { max: plan.evalEvery, value: s.globalStep % plan.evalEvery }
      : { max: runSteps, value: runDone };
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
          steps: plan.steps,
          seed: String(settings.seed),
        })}
        {s.parameters !== null && t('parameters', { n: s.parameters })}
      </p>
      <div className="buttons">
        <button type="button" data-testid="train" disabled={training || s.state === 'loading'} onClick={() => store.train()}>
          {settings.folds > 1 ? cvWords.t('trainCv', { k: settings.folds }) : s.globalStep > 0 ? t('trainMore', { n: plan.steps }) : t('train')}
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
      <PlayControls />
      <CvFoldsField disabled={training || s.state === 'loading'} />
      <div className="progress-row">
        <progress max={bar.max} value={bar.value} aria-label={t('runSteps')} />
        <span data-testid="cv-progress" data-active={cv ? 'true' : 'false'}>
          {cvText ?? (open ? t('globalStep', { n: s.globalStep }) : t('stepOf', { done: runDone, total: runSteps }))}
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
          data-epoch={Number(epoch.toFixed(3))}
          data-best-step={bestStep ?? ''}
          data-run={run?.runId ?? 0}
          role="status"
          aria-live="polite"
          aria-atomic="true"
        >
          {stateText}
          {!training && (
            <>
              {' '}
              · {t('globalStep', { n: s.globalStep })} · {t('epoch', { n: num(epoch, 1) })}
            </>
          )}
          {!training && bestStep !== null && <> · {t('bestRestored', { step: bestStep })}</>}
        </span>
        {training && (
          <span>
            {' '}
            · {t('globalStep', { n: s.globalStep })} · {t('epoch', { n: num(epoch, 1) })}
          </span>
        )}
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
