/**
 * Load the full MNIST (55,000 / 5,000 / 10,000) from the original IDX files a person has
 * on disk; the app itself ships only 10,000 digits. The files go to the worker as they
 * are: it gunzips, checks every header and size, and reports a bad or missing file
 * through `state.error` (shown as an alert elsewhere).
 */
import { mnistMessages } from './messages';
import { DropZone } from '../common/DropZone';
import { useT } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';

export const IDX_FILE_NAMES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
] as const;

export function IdxDrop() {
  const state = useAppState((a) => a.state);
  const loading = useAppState((a) => a.loading);
  const store = useStore();
  const { t } = useT(mnistMessages);
  const busy = state === 'training' || state === 'loading' || loading !== null;
  return (
    <div className="idx-drop">
      <DropZone
        testId="idx-drop"
        label={t('idxLabel')}
        multiple
        disabled={busy}
        onFiles={(files) => store.loadIdx(files)}
        hint={
          <>
            {t('idxHintStart')}{' '}
            {IDX_FILE_NAMES.map((name, i) => (
              <span key={name}>
                {i > 0 && ', '}
                <code>{name}</code>
              </span>
            ))}
            {t('idxHintEnd')}
            {busy && state === 'training' && t('idxStopFirst')}
          </>
        }
      />
    </div>
  );
}
