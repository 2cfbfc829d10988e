/**
 * Play / Pause and Step, as in TensorFlow Playground: Play trains with no step limit
 * (store.play(): the worker trains in chunks until paused; early stopping and divergence
 * still end it), Pause stops it as Stop does (with a checkpoint), Step trains up to the
 * next evaluation and stops. The global step and epoch (step x batch / training rows) sit
 * beside them. Self-contained: place it anywhere under the StoreProvider (the toolbar).
 *
 * Hooks: `play` (a toggle button, aria-pressed while playing), `step`, and
 * `play-counter` (`data-step`, `data-epoch`). Focus stays on the pressed button: both stay
 * enabled while the page is busy with their own run, and nothing re-mounts them.
 */
import { epochOf, runPlan } from '../../client/runPlan';
import { useT } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';
import { playMessages } from './playMessages';
import './play.css';

export function PlayControls() {
  const store = useStore();
  const { t, num } = useT(playMessages);
  const state = useAppState((a) => a.state);
  const kind = useAppState((a) => a.run?.kind);
  const globalStep = useAppState((a) => a.globalStep);
  const trainRows = useAppState((a) => a.dataset?.trainRows ?? 0);
  // The batch of the model in the worker (the settings' may wait for Reset) turns steps into epochs.
  const batch = useAppState((a) => a.model?.batchSize ?? a.settings.batchSize);
  const settings = useAppState((a) => a.settings);
  const evalEvery = runPlan(settings, trainRows).evalEvery;
  const training = state === 'training';
  const playing = training && kind === 'play';
  const epoch = epochOf(globalStep, batch, trainRows);
  return (
    <div className="play-controls" role="group" aria-label={t('group')}>
      <button
        type="button"
        data-testid="play"
        className="play-button"
        aria-pressed={playing}
        title={t('playHint')}
        // Pausing is the only thing it does during another kind of run's training: not that.
        disabled={state === 'loading' || (training && !playing)}
        onClick={() => store.play()}
      >
        <span aria-hidden="true" className="play-icon">
          {playing ? '❚❚' : '▶'}
        </span>{' '}
        {playing ? t('pause') : t('play')}
      </button>
      <button
        type="button"
        data-testid="step"
        className="secondary"
        title={t('stepHint', { n: evalEvery - (globalStep % evalEvery) })}
        // aria-disabled, not disabled, while training: a disabled button drops the keyboard focus.
        disabled={state === 'loading'}
        aria-disabled={training}
        onClick={() => store.step()}
      >
        {t('step')}
      </button>
      <span className="play-counter" data-testid="play-counter" data-step={globalStep} data-epoch={Number(epoch.toFixed(3))}>
        {t('counter', { step: num(globalStep), epoch: num(epoch, 1) })}
      </span>
    </div>
  );
}
