import { useAppState, useStore } from './useStore';

/** Errors (role="alert") and notices about the URL (role="status"). */
export function Alerts() {
  const { error, notices } = useAppState();
  const store = useStore();
  return (
    <div className="alerts">
      {error && (
        <div role="alert" className="alert error">
          <span>{error}</span>
          <button type="button" className="link" onClick={() => store.dismissError()} aria-label="Dismiss error">
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
