import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { drawerMessages } from './drawerMessages';
import { AboutRun } from '../train/AboutRun';
import { BaselinePanel } from '../train/BaselinePanel';
import { BatchPredictPanel } from '../predict/BatchPredictPanel';
import { BinaryPanel } from '../analysis/BinaryPanel';
import { CheckpointsPanel } from '../checkpoints/CheckpointsPanel';
import { CrossValidationPanel } from '../train/CrossValidation';
import { EvalTable } from '../mnist/EvalTable';
import { EvaluationPanel } from '../train/EvaluationPanel';
import { MetricsPanel } from '../train/MetricsPanel';
import { MnistDetails, type MnistTab } from '../mnist/MnistPanel';
import { RunsPanel } from '../charts/RunsPanel';
import { TabVisible } from '../common/tabVisible';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';

type TabId = 'evaluation' | 'baselines' | 'cv' | 'binary' | 'batch' | 'runs' | 'checkpoints' | 'about' | MnistTab;
type Key = keyof typeof drawerMessages.en;

interface Tab {
  id: TabId;
  label: Key;
  body: ReactNode;
}

/**
 * The less-used panels, as tabs of a drawer docked under the workspace (as a browser's
 * developer tools dock): the drawer takes part of the screen's height, so the data, the
 * network and the curves stay in sight while a table is read. Every tab's panel stays
 * mounted (hidden when not chosen), so their test hooks can be read at any time.
 *
 * It opens by itself when something a person asked for lands in it: a file's predictions,
 * a cross-validation's summary. Pressing the open tab again (or Escape) closes the drawer.
 */
export function Drawer() {
  const source = useAppState((a) => a.dataset?.source);
  const binary = useAppState((a) => a.dataset?.classNames.length === 2);
  const hasValidation = useAppState((a) => (a.dataset?.validationRows ?? 0) > 0);
  const batchResult = useAppState((a) => a.batch);
  const cvSummary = useAppState((a) => a.cvSummary);
  const [open, setOpen] = useState<TabId | null>(null);
  const { t } = useT(drawerMessages);
  const id = useId();
  const tabRefs = useRef(new Map<TabId, HTMLButtonElement>());

  // A person's own request, answered where they will look for it: a new result opens its tab
  // (state adjusted while rendering, React's pattern for "when this prop changes").
  const [seen, setSeen] = useState({ batchResult, cvSummary });
  if (seen.batchResult !== batchResult || seen.cvSummary !== cvSummary) {
    setSeen({ batchResult, cvSummary });
    if (batchResult && batchResult !== seen.batchResult) setOpen('batch');
    else if (cvSummary && cvSummary !== seen.cvSummary) setOpen('cv');
  }

  const tabs: Tab[] =
    source === 'mnist'
      ? [
          { id: 'mnist-log', label: 'log', body: <MnistDetails tab="mnist-log" /> },
          {
            id: 'mnist-eval',
            label: 'doEval',
            // evaluate()'s keys too (CONTRACT.md's test-accuracy and test-loss on every data set), above do_eval's table.
            body: (
              <>
                <EvaluationPanel />
                <MnistDetails tab="mnist-eval" />
              </>
            ),
          },
          { id: 'mnist-gallery', label: 'gallery', body: <MnistDetails tab="mnist-gallery" /> },
          { id: 'mnist-confusion', label: 'confusion', body: <MnistDetails tab="mnist-confusion" /> },
          { id: 'mnist-data', label: 'mnistFiles', body: <MnistDetails tab="mnist-data" /> },
        ]
      : [
          {
            id: 'evaluation',
            label: 'evaluation',
            body: (
              <>
                <EvaluationPanel />
                <MetricsPanel />
                {/* do_eval's table for any run with a validation split (a dropped CSV has one by default). */}
                {hasValidation && (
                  <section className="panel">
                    <EvalTable />
                  </section>
                )}
              </>
            ),
          },
          { id: 'baselines', label: 'baselines', body: <BaselinePanel /> },
          { id: 'cv', label: 'cv', body: <CrossValidationPanel /> },
          ...(binary ? [{ id: 'binary' as const, label: 'binary' as const, body: <BinaryPanel /> }] : []),
          ...(source === 'csv' ? [{ id: 'batch' as const, label: 'batch' as const, body: <BatchPredictPanel /> }] : []),
        ];
  tabs.push(
    { id: 'runs', label: 'runs', body: <RunsPanel /> },
    { id: 'checkpoints', label: 'checkpoints', body: <CheckpointsPanel /> },
    { id: 'about', label: 'about', body: <AboutRun /> },
  );
  // A tab that no longer exists (MNIST after a CSV) closes the drawer rather than show nothing.
  const active = tabs.some((tab) => tab.id === open) ? open : null;

  const focusTab = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    tabRefs.current.get(tab.id)?.focus();
  };
  // The tabs pattern of WAI-ARIA: arrows move between tabs, Home/End to the ends; Escape closes.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tabRefs.current.get(tab.id) === document.activeElement);
    if (e.key === 'ArrowRight') focusTab(at + 1);
    else if (e.key === 'ArrowLeft') focusTab(at - 1);
    else if (e.key === 'Home') focusTab(0);
    else if (e.key === 'End') focusTab(tabs.length - 1);
    else if (e.key === 'Escape') setOpen(null);
    else return;
    e.preventDefault();
  };

  return (
    <section className={active ? 'drawer open' : 'drawer'} aria-label={t('drawer')} data-testid="drawer" data-open={active ?? ''}>
      <div className="drawer-bar">
      <div className="drawer-tabs" role="tablist" aria-label={t('drawer')} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) tabRefs.current.set(tab.id, el);
              else tabRefs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.id}`}
            data-testid={`tab-${tab.id}`}
            aria-selected={active === tab.id}
            aria-controls={`${id}-panel-${tab.id}`}
            tabIndex={active === tab.id || (active === null && tab === tabs[0]) ? 0 : -1}
            onClick={() => setOpen(active === tab.id ? null : tab.id)}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
        {/* Outside the tab list: a tab list holds tabs only. */}
        {active && (
          <button type="button" className="link drawer-close" onClick={() => setOpen(null)} aria-label={t('close')} title={t('close')}>
            ×
          </button>
        )}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${id}-panel-${tab.id}`}
          aria-labelledby={`${id}-tab-${tab.id}`}
          className="drawer-panel"
          hidden={active !== tab.id}
          tabIndex={0}
        >
          <TabVisible.Provider value={active === tab.id}>{tab.body}</TabVisible.Provider>
        </div>
      ))}
    </section>
  );
}
