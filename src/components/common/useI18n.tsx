/** React access to the UI language: the current one, a switch, and translators for message bundles. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDateTime, formatNumber, formatPercent, initialLang, rememberLang, translate, type Lang, type MessageBundle, type MessageParams } from '../../client/i18n';
import { formatMessage } from '../../client/i18n/wording';
import type { Reason } from '../../shared/result';

interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangContextValue | null>(null);

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang(storage(), navigator.languages ?? [navigator.language]));
  const setLang = useCallback((next: Lang) => {
    rememberLang(storage(), next);
    setLangState(next);
  }, []);
  // Screen readers and the browser's hyphenation and fonts follow <html lang>.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // The first date formatter costs ~15 ms (ICU's calendar and zone data): built while the
  // page is idle, not in the frame that shows a run's first checkpoint.
  useEffect(() => {
    const warm = () => [new Date(), new Date(0)].forEach((when) => formatDateTime(lang, when));
    if (typeof requestIdleCallback !== 'function') return void setTimeout(warm, 1000);
    const id = requestIdleCallback(warm, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangContextValue {
  const value = useContext(LangContext);
  if (!value) throw new Error('useLang needs a LangProvider above it.');
  return value;
}

/**
 * A translator for one bundle, plus number formatters for the UI's locale:
 * `const { t, num, pct, date } = useT(messages); t('train'); num(0.9667, 4); num(0.9, 6, 6); pct(0.5)`.
 */
export function useT<E extends Record<string, string>>(bundle: MessageBundle<E>) {
  const { lang } = useLang();
  return useMemo(
    () => ({
      lang,
      t: (key: keyof E, params?: MessageParams) => translate(bundle, lang, key, params),
      num: (value: number, maxDigits?: number, minDigits?: number) => formatNumber(lang, value, maxDigits, minDigits),
      pct: (value: number, digits?: number) => formatPercent(lang, value, digits),
      date: (when: Date) => formatDateTime(lang, when),
    }),
    [bundle, lang],
  );
}

/** Words for the worker's messages (codes with parameters) in the UI's language: `const words = useWords(); words(error)`. */
export function useWords(): (message: Reason) => string {
  const { lang } = useLang();
  return useCallback((message: Reason) => formatMessage(lang, message), [lang]);
}
