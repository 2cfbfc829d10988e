import { appMessages } from './messages';
import { LanguageSwitch } from './LanguageSwitch';
import { RunControls } from '../train/RunControls';
import { latestEvaluation } from '../../client/state';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';

/**
 * The bar that never leaves the screen (at the top on a laptop, docked at the bottom on a
 * phone): what is loaded, the run's controls and progress, the newest test accuracy, and the
 * language. Every number in it has a fixed width, so a run's progress never shifts the page.
 */
export function Toolbar() {
  const { t, num } = useT(appMessages);
  const name = useAppState((a) => a.dataset?.name);
  const test = useAppState((a) => latestEvaluation(a, 'test'));
  return (
    <header className="toolbar">
      <div className="toolbar-title">
        <h1 title={t('subtitle')}>{t('title')}</h1>
        <span className="toolbar-dataset" title={name}>
          {name ?? '…'}
        </span>
      </div>
      <RunControls />
      <p className="toolbar-accuracy">
        {/* A regression's one number is R² (1 = every row right, 0 = no better than the mean). */}
        <span className="muted">{t(test?.regression ? 'testR2' : 'testAccuracy')}</span> <strong>{test ? num(test.regression ? test.regression.r2 : test.accuracy, 4, 4) : '—'}</strong>
      </p>
      <LanguageSwitch />
    </header>
  );
}
