/**
 * fully_connected_feed.py's console, line for line: `Step 100: loss = 2.21 (0.012 sec)`
 * every 100 steps, with do_eval's three blocks where an evaluation was made. It follows
 * the newest line unless the person has scrolled up to read. `aria-live="off"`: a line
 * every few hundred milliseconds would drown a screen reader; the log is there to read.
 */
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { Evaluation, LogLine, Split } from '../../shared/types';
import { mnistMessages } from './messages';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';

const EVAL_TITLE: Record<Split, string> = {
  train: 'Training Data Eval:',
  validation: 'Validation Data Eval:',
  test: 'Test Data Eval:',
};

/** Pixels from the bottom within which the log keeps following new lines. */
const FOLLOW_SLACK = 24;

export function formatLogLine(line: LogLine): string {
  return `Step ${line.step}: loss = ${line.loss.toFixed(2)} (${line.seconds.toFixed(3)} sec)`;
}

export function formatEvaluation(e: Evaluation): string[] {
  const precision = e.examples > 0 ? e.correct / e.examples : 0;
  return [EVAL_TITLE[e.split], `  Num examples: ${e.examples}  Num correct: ${e.correct}  Precision @ 1: ${precision.toFixed(4)}`];
}

/** Step lines and evaluation blocks in step order; at equal steps the step line comes first, as in the tutorial. */
function merge(log: LogLine[], evaluations: Evaluation[]): { key: string; text: string; kind: 'step' | 'eval' }[] {
  const out: { key: string; text: string; kind: 'step' | 'eval' }[] = [];
  let j = 0;
  const pushEval = (e: Evaluation, k: number) =>
    formatEvaluation(e).forEach((text, n) => out.push({ key: `e${k}-${n}`, text, kind: 'eval' }));
  for (const line of log) {
    while (j < evaluations.length && evaluations[j].globalStep < line.step) pushEval(evaluations[j], j++);
    out.push({ key: `s${line.step}`, text: formatLogLine(line), kind: 'step' });
  }
  while (j < evaluations.length) pushEval(evaluations[j], j++);
  return out;
}

const Lines = memo(function Lines({ log, evaluations, empty }: { log: LogLine[]; evaluations: Evaluation[]; empty: string }) {
  const lines = useMemo(() => merge(log, evaluations), [log, evaluations]);
  if (lines.length === 0) return <div className="muted">{empty}</div>;
  return lines.map((l) => (
    <div key={l.key} className={l.kind === 'eval' ? 'log-eval' : undefined}>
      {l.text}
    </div>
  ));
});

export function StatusLog() {
  const log = useAppState((a) => a.log);
  const evaluations = useAppState((a) => a.evaluations);
  const { t } = useT(mnistMessages);
  const ref = useRef<HTMLDivElement>(null);
  const follow = useRef(true);

  // Before paint, so a new line never flashes at the old scroll position.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [log, evaluations]);

  const onScroll = () => {
    const el = ref.current;
    if (el) follow.current = el.scrollHeight - el.scrollTop - el.clientHeight <= FOLLOW_SLACK;
  };

  return (
    <div
      ref={ref}
      className="status-log"
      role="log"
      aria-live="off"
      aria-label={t('logLabel')}
      tabIndex={0}
      onScroll={onScroll}
      data-testid="status-log"
      data-lines={log.length}
    >
      <Lines log={log} evaluations={evaluations} empty={t('logEmpty')} />
    </div>
  );
}
