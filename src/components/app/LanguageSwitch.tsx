import { LANG_NAMES, LANGS, type Lang } from '../../client/i18n';
import { appMessages } from './messages';
import { useLang, useT } from '../common/useI18n';

/**
 * The UI language, switched at once (no reload) and remembered by LangProvider. The
 * label is bilingual on purpose: whoever cannot read the current language still finds it.
 */
export function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const { t } = useT(appMessages);
  return (
    <label className="language-switch">
      <span>{t('language')}</span>
      <select data-testid="language" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        {LANGS.map((l) => (
          // Each name in its own language, marked so a screen reader pronounces it right.
          <option key={l} value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
