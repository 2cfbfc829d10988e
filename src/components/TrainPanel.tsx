import type { AppState } from '../client/state';
import { useAppState, useStore } from './useStore';

const STATE_TEXT: Record<AppState['state'], string> = {
  loading: 'Starting…',
  idle: 'Ready',
  training: 'Training',
  done: 'Done',
  stopped: 'Stopped',
  error: 'Error',
};

/** Time left from the pace so far in this run, or null before there is a pace. */
function timeLeft(s: AppState): string | null {
  const run = s.run;
  if (!run || s.state !== 'training') return null;
  const done = s.globalStep - run.startStep;
  if (done <= 0) return null;
  const msPerStep = (run.updatedAt - run.startedAt) / done;
  const left = ((run.targetStep - s.globalStep) * msPerStep) / 1000;
  return left < 60 ? `${left.toFixed(1)} s left` : `${Math.floor(left / 60)} min ${Math.round(left % 60)} s left`;
}

/** Train / Stop / Reset, the run's progress and state, and the backend in use. */
export function TrainPanel() {
  const s = useAppState();
  const store = useStore();
  const { settings, run } = s;
  const training = s.state === 'training';
  const runSteps = run ? run.targetStep - run.startStep : settings.steps;
  const runDone = run ? s.globalStep - run.startStep : 0;
  const eta = timeLeft(s);
  return (
    <section className="panel" aria-labelledby="train-title">
      <h2 id="train-title">Train</h2>
      <p className="model-line">
        {settings.dataset === 'mnist' ? 'mnist.py inference()' : 'DNNClassifier'}, hidden units [{settings.hiddenUnits.join(', ')}], {settings.optimizer} (learning rate{' '}
        {settings.learningRate}), batch {settings.batchSize}, {settings.steps} steps per click, seed {settings.seed}
        {s.parameters !== null && <> · {s.parameters.toLocaleString()} parameters</>}
      </p>
      <div className="buttons">
        <button type="button" data-testid="train" disabled={training || s.state === 'loading'} onClick={() => store.train()}>
          {s.globalStep > 0 ? `Train ${settings.steps} more steps` : 'Train'}
        </button>
        <button type="button" data-testid="stop" disabled={!training} onClick={() => store.stop()}>
          Stop
        </button>
        <button type="button" data-testid="reset" disabled={training || s.state === 'loading'} onClick={() => store.reset()}>
          Reset
        </button>
      </div>
      <div className="progress-row">
        <progress max={runSteps} value={runDone} aria-label="Steps of this run" />
        <span>
          step {runDone} / {runSteps}
          {eta && <> · {eta}</>}
        </span>
      </div>
      <p>
        <span data-testid="training-status" data-state={s.state === 'loading' ? 'idle' : s.state} data-step={s.globalStep} data-run={run?.runId ?? 0} aria-live="polite">
          {STATE_TEXT[s.state]} · global step {s.globalStep}
        </span>
      </p>
      <p className="backend-line">
        Backend:{' '}
        <strong data-testid="backend" data-value={s.backend?.name ?? ''}>
          {s.backend?.name ?? '…'}
        </strong>
        {s.backend && <span className="muted"> ({s.backend.reason})</span>}
      </p>
      <p className="backend-line">
        Training steps:{' '}
        <strong data-testid="engine" data-value={s.engine?.name ?? ''}>
          {s.engine ? (s.engine.name === 'fused' ? 'fused JS loops' : `tfjs kernels on ${s.backend?.name ?? '…'}`) : '…'}
        </strong>
        {s.engine && <span className="muted"> ({s.engine.reason})</span>}
        {s.tensors !== null && (
          <span className="muted" data-testid="tensor-count" data-value={s.tensors}>
            {' '}
            · {s.tensors} tensors in memory
          </span>
        )}
      </p>
    </section>
  );
}
