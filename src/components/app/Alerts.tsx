import { appMessages } from './messages';
import type { Notice } from '../../client/state';
import type { Split } from '../../shared/types';
import { useLang, useT, useWords } from '../common/useI18n';
import { rangeWords } from '../../client/i18n/wording/range';
import { useAppState, useStore } from '../common/useStore';

/**
 * Errors (role="alert") and notices (role="status"), worded in the page's language: the
 * worker's come as message codes (src/client/i18n/wording), ignored URL parameters and
 * early stops as data.
 */
export function Alerts() {
  const error = useAppState((a) => a.error);
  const notices = useAppState((a) => a.notices);
  const store = useStore();
  const { t } = useT(appMessages);
  const words = useWords();
  return (
    <div className="alerts">
      {error && (
        <div role="alert" className="alert error">
          <span>{words(error)}</span>
          <button type="button" className="link" onClick={() => store.dismissError()} aria-label={t('dismissError')} title={t('dismissError')}>
            ×
          </button>
        </div>
      )}
      {notices.map((n) => (
        <div role="status" className="alert notice" key={JSON.stringify(n)}>
          <NoticeText notice={n} />
        </div>
      ))}
    </div>
  );
}

const SPLIT_KEYS = { train: 'splitTrain', validation: 'splitValidation', test: 'splitTest' } as const satisfies Record<Split, string>;

function NoticeText({ notice }: { notice: Notice }) {
  const { t, num } = useT(appMessages);
  const words = useWords();
  const { lang } = useLang();
  switch (notice.kind) {
    case 'text':
      return words(notice.text);
    case 'ignored-param':
      return notice.ignored.range === undefined
        ? t('ignoredParam', { ...notice.ignored, range: '' })
        : t('ignoredParamRange', { param: notice.ignored.param, raw: notice.ignored.raw, fallback: notice.ignored.fallback, range: rangeWords(notice.ignored.range, lang) });
    case 'early-stop': {
      const { stop } = notice;
      const params = { step: stop.step, split: t(SPLIT_KEYS[stop.split]), patience: stop.patience, best: num(stop.bestLoss, 4), bestStep: stop.bestStep };
      return t(stop.patience === 1 ? 'earlyStopOne' : 'earlyStopMany', params);
    }
    default: {
      const unknown: never = notice;
      return String(unknown);
    }
  }
}
