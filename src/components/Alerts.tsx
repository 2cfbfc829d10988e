import { appMessages } from '../client/i18n/messages/app';
import { useT } from './useI18n';
import { useAppState, useStore } from './useStore';

/**
 * Errors (role="alert") and notices about the URL (role="status"). Their text comes
 * from the worker and the URL parser, which speak English (see src/client/i18n).
 */
export function Alerts() {
  const { error, notices } = useAppState();
  const store = useStore();
  const { t } = useT(appMessages);
  return (
    <div className="alerts">
      {error && (
        <div role="alert" className="alert error">
          <span>{error}</span>
          <button type="button" className="link" onClick={() => store.dismissError()} aria-label={t('dismissError')} title={t('dismissError')}>
            ×
          </button>
        </div>
      )}
      {notices.map((n) => (
        <div role="status" className="alert notice" key={n}>
          {n}
        </div>
      ))}
    </div>
  );
}
