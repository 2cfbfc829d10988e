import { useMemo } from 'react';
import { chartsMessages } from './messages';
import { toggleOverlaid, useOverlaidRuns } from './overlaidRuns';
import { RunsTable } from '../train/RunsTable';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';

/** The drawer's runs tab: earlier models of this data set, each one overlayable on the charts above. */
export function RunsPanel() {
  const runs = useAppState((a) => a.runs);
  const name = useAppState((a) => a.dataset?.name);
  const overlaid = useOverlaidRuns();
  const { t } = useT(chartsMessages);
  const pastRuns = useMemo(() => runs.filter((r) => r.dataset === name), [runs, name]);
  return (
    <section className="panel" aria-labelledby="runs-title">
      <h2 id="runs-title">{t('runsTitle')}</h2>
      {pastRuns.length === 0 ? <p className="muted">{t('runsNone')}</p> : <RunsTable runs={pastRuns} overlaid={overlaid} onToggle={toggleOverlaid} />}
    </section>
  );
}
