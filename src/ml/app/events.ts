/**
 * The one place a Session's callbacks become the page's events. Only the session the
 * page shows is wired here; other sessions (a cross-validation fold, say) get their own
 * callbacks and the page hears nothing of them.
 */
import * as tf from '@tensorflow/tfjs';
import type { WorkerEvent } from '../../shared/protocol';
import type { Session, SessionCallbacks } from '../train/session';

export function pageCallbacks(
  post: (event: WorkerEvent) => void,
  yieldToEvents: () => Promise<void>,
  checkpoint: (session: Session) => Promise<void>,
): SessionCallbacks {
  // tf.memory().numTensors on every model and run end, for the page's leak checks.
  const tensors = () => tf.memory().numTensors;
  return {
    yieldToEvents,
    model: (info) => post({ type: 'model', config: info.config, globalStep: info.globalStep, parameters: info.parameters, tensors: tensors(), engine: info.engine, engineReason: info.engineReason }),
    history: (history) => post({ type: 'history', points: history.points, evaluations: history.evaluations }),
    progress: (p) => post({ type: 'progress', runId: p.runId, globalStep: p.globalStep, points: p.points, evaluations: p.evaluations, log: p.log }),
    runEnd: (e) => post({ type: 'run-end', runId: e.runId, end: e.end, globalStep: e.globalStep, tensors: tensors(), ...(e.message ? { message: e.message } : {}), ...(e.earlyStop ? { earlyStop: e.earlyStop } : {}), ...(e.restoredStep !== undefined ? { restoredStep: e.restoredStep } : {}) }),
    notice: (message) => post({ type: 'notice', message }),
    checkpoint,
    heartbeat: () => post({ type: 'heartbeat' }),
  };
}
