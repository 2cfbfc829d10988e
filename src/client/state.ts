/**
 * The page's state and the pure function that folds worker events into it. The
 * worker owns the model; this holds only serializable snapshots of what to show.
 */
import type {
  BackendName,
  DatasetSummary,
  Evaluation,
  MetricPoint,
  Prediction,
  WorkerEvent,
} from '../shared/protocol';
import { assertNever } from '../shared/protocol';
import type { Settings } from './settings';

export type RunState = 'loading' | 'idle' | 'training' | 'done' | 'stopped' | 'error';

export interface RunInfo {
  runId: number;
  startStep: number;
  targetStep: number;
  /** performance.now() when Train was clicked, for the time left. */
  startedAt: number;
  /** performance.now() of the newest progress event. */
  updatedAt: number;
}

export interface AppState {
  settings: Settings;
  notices: string[];
  backend: { name: BackendName; reason: string } | null;
  dataset: DatasetSummary | null;
  parameters: number | null;
  state: RunState;
  globalStep: number;
  run: RunInfo | null;
  /** Every curve point since the model was built, in arrival order. */
  points: MetricPoint[];
  evaluation: Evaluation | null;
  prediction: Prediction | null;
  /** The error to show in the alert, if any. */
  error: string | null;
  /** tf.memory().numTensors after the newest run or reset, for leak checks. */
  tensors: number | null;
}

export function initialState(settings: Settings, notices: string[]): AppState {
  return {
    settings,
    notices,
    backend: null,
    dataset: null,
    parameters: null,
    state: 'loading',
    globalStep: 0,
    run: null,
    points: [],
    evaluation: null,
    prediction: null,
    error: null,
    tensors: null,
  };
}

/** Fold one worker event into the state. Events from a run the page no longer follows are dropped. */
export function reduce(state: AppState, event: WorkerEvent, now: number): AppState {
  const current = (runId: number) => state.run?.runId === runId;
  switch (event.type) {
    case 'backend':
      return { ...state, backend: { name: event.backend, reason: event.reason } };
    case 'dataset':
      return { ...state, dataset: event.summary };
    case 'model':
      return {
        ...state,
        state: 'idle',
        parameters: event.parameters,
        globalStep: event.globalStep,
        tensors: event.tensors,
        run: null,
        points: [],
        evaluation: null,
        prediction: null,
      };
    case 'progress':
      if (!current(event.runId) || !state.run) return state;
      return {
        ...state,
        globalStep: event.globalStep,
        points: event.points.length > 0 ? [...state.points, ...event.points] : state.points,
        evaluation: event.evaluation ?? state.evaluation,
        run: { ...state.run, updatedAt: now },
      };
    case 'run-end':
      if (!current(event.runId)) return state;
      return {
        ...state,
        state: event.end,
        globalStep: event.globalStep,
        tensors: event.tensors,
        error: event.end === 'error' ? (event.message ?? 'Training failed.') : state.error,
      };
    case 'prediction':
      return { ...state, prediction: event.prediction };
    case 'error':
      return { ...state, error: event.message, state: state.state === 'loading' ? 'error' : state.state };
    default:
      return assertNever(event);
  }
}
