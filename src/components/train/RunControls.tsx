/**
 * The run's controls for the toolbar that never leaves the screen: Train N steps, Stop, Reset,
 * Evaluate, the progress of this run and its state (global step and epoch). Engine details
 * are in AboutRun, not here.
 */
import { useState } from 'react';
import { trainMessages } from './messages';
import { epochOf, runPlan } from '../../client/runPlan';
import { cvMessages } from './cvMessages';
import { useCvProgressText } from './CrossValidation';
import { PlayControls } from './PlayControls';
import type { AppState, RunState } from '../../client/state';
import { useT } from '../common/useI18n';
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

export function RunControls() {
  // The controls show the run's progress: they re-render with every progress frame anyway.
  const s = {
    state: useAppState((a) => a.state),
    run: useAppState((a) => a.run),
    globalStep: useAppState((a) => a.globalStep),
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
  const { t, num } = tr;
  const { run } = s;
  const training = s.state === 'training';
  const busy = training || s.state === 'loading';
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
    <div className="run-controls">
      <PlayControls />
      <div className="buttons" role="group" aria-label={t('title')}>
        {/*
          aria-disabled, not disabled: a button that disables itself when pressed would drop the
          keyboard focus to the page; this way the focus stays on the control that was pressed.
        */}
        <button type="button" data-testid="train" aria-disabled={busy} onClick={() => !busy && store.train()}>
          {settings.folds > 1 ? cvWords.t('trainCv', { k: settings.folds }) : s.globalStep > 0 ? t('trainMore', { n: plan.steps }) : t('train')}
        </button>
        <button type="button" className="secondary" data-testid="stop" aria-disabled={!training} onClick={() => training && store.stop()}>
          {t('stop')}
        </button>
        <button type="button" className="secondary" data-testid="reset" aria-disabled={busy} onClick={() => !busy && store.reset()}>
          {t('reset')}
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="evaluate"
          aria-disabled={busy || evaluating}
          title={t('evaluateHint')}
          onClick={() => {
            if (busy || evaluating) return;
            setEvaluating(true);
            void store.evaluate().finally(() => setEvaluating(false));
          }}
        >
          {evaluating ? t('evaluating') : t('evaluate')}
        </button>
      </div>
      <div className="run-progress">
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
        <div className="progress-row">
          <progress max={bar.max} value={bar.value} aria-label={t('runSteps')} />
          <span data-testid="cv-progress" data-active={cv ? 'true' : 'false'}>
            {cvText ?? (open ? t('globalStep', { n: s.globalStep }) : t('stepOf', { done: runDone, total: runSteps }))}
            {eta && <> · {eta}</>}
          </span>
        </div>
      </div>
    </div>
  );
}
