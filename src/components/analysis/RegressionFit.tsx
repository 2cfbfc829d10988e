/**
 * A regression's fit on the test split (issue #16): predicted against actual with the
 * diagonal y = x on one scale, and the residuals (actual - predicted) against predicted
 * with the zero line. The worker sends the newest test evaluation's rows (an even sample
 * of at most FIT_ROWS, `regression-fit`); the panel asks again after each test evaluation,
 * during a run at most once a second (useViewRequest). Nothing for classification. The
 * panel's height is fixed, placeholder included, so the output column never shifts.
 *
 * The plots are canvases (fitDraw.ts), not recharts: see there for why.
 */
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { fitAxes, labelDigits, tickStepDigits } from './fitAxes';
import { drawFitPlot } from './fitDraw';
import { regressionMessages } from './regressionMessages';
import type { Evaluation } from '../../shared/types';
import { useT, useWords } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';
import { useViewRequest } from '../common/useViewRequest';
import { drawSoon } from '../common/drawQueue';
import './regression.css';

/** Test rows asked for: an even sample above this many. */
export const FIT_ROWS = 1000;
/** Each plot's height in CSS px (the figure adds its one-line caption); the drawing keeps its ratio inside. */
const PLOT_HEIGHT = 220;

/** A plot's dots, [rows] each. */
interface Dots {
  xs: Float32Array;
  ys: Float32Array;
}

export function RegressionFit() {
  const store = useStore();
  const { t, num } = useT(regressionMessages);
  const words = useWords();
  const dataset = useAppState((a) => a.dataset);
  const model = useAppState((a) => a.model);
  const runState = useAppState((a) => a.state);
  const generation = useAppState((a) => a.generation);
  const evaluations = useAppState((a) => a.evaluations);
  const slot = useAppState((a) => a.analysis.fit);
  const target = dataset?.task === 'regression' ? dataset.target : undefined;
  const regression = target !== undefined && (dataset?.testRows ?? 0) > 0;
  const tests = useMemo(() => evaluations.filter((e) => e.split === 'test'), [evaluations]);
  const latest = tests.length > 0 ? tests[tests.length - 1] : null;

  // The newest test evaluation (its step, and how many there are): Evaluate at the same step asks again.
  const key = `${generation}|${latest?.globalStep ?? -1}:${evaluations.length}`;
  const ready = regression && model !== null && latest !== null && runState !== 'loading';
  useViewRequest(ready, runState === 'training', slot, key, () => store.requestRegressionFit(FIT_ROWS, key));

  const fit = regression ? slot.value : null;
  const axes = useMemo(() => (fit && target ? fitAxes([target.min, target.max], fit.actual, fit.predicted) : null), [fit, target]);
  // The rows with both numbers finite: scatter (actual, predicted), residuals (predicted, actual - predicted).
  const points = useMemo(() => {
    const n = fit ? fit.shown : 0;
    const scatter: Dots = { xs: new Float32Array(n), ys: new Float32Array(n) };
    const residuals: Dots = { xs: new Float32Array(n), ys: new Float32Array(n) };
    let k = 0;
    for (let i = 0; fit && i < n; i++) {
      const a = fit.actual[i];
      const p = fit.predicted[i];
      if (!Number.isFinite(a) || !Number.isFinite(p)) continue;
      scatter.xs[k] = a;
      scatter.ys[k] = p;
      residuals.xs[k] = p;
      residuals.ys[k] = a - p;
      k++;
    }
    const cut = (d: Dots): Dots => ({ xs: d.xs.subarray(0, k), ys: d.ys.subarray(0, k) });
    return { scatter: cut(scatter), residuals: cut(residuals), count: k };
  }, [fit]);
  if (!regression || !target) return null;

  // The scores of the evaluation the rows come from (the newest one while a newer fit is on its way).
  let scored: Evaluation | null = latest;
  for (const e of tests) if (fit && e.globalStep === fit.globalStep) scored = e;
  const metrics = scored?.regression;
  const digits = labelDigits(target.max - target.min);
  const failed = slot.asked === key && !slot.pending ? slot.error : null;
  const label = target.name;
  let largest = 0;
  for (const r of points.residuals.ys) largest = Math.max(largest, Math.abs(r));

  return (
    <section className="panel regression-fit" aria-labelledby="fit-title" data-testid="regression-fit" data-step={fit?.globalStep ?? ''}>
      <h2 id="fit-title">{fit ? t('title', { step: fit.globalStep }) : t('titleNoStep')}</h2>
      <div className="fit-plots">
        {fit && axes ? (
          <>
            <FitPlot
              testId="predicted-vs-actual"
              title={t('scatterTitle')}
              aria={t('scatterLabel', { label, shown: points.count, step: fit.globalStep, r2: metrics ? num(metrics.r2, 3, 3) : '–' })}
              points={points.scatter}
              xDomain={axes.domain}
              xTicks={axes.ticks}
              yDomain={axes.domain}
              yTicks={axes.ticks}
              xLabel={t('actualAxis', { label })}
              yLabel={t('predictedAxis', { label })}
              diagonal
            />
            <FitPlot
              testId="residual-plot"
              title={t('residualTitle')}
              aria={t('residualLabel', { label, shown: points.count, step: fit.globalStep, largest: num(largest, digits) })}
              points={points.residuals}
              xDomain={axes.domain}
              xTicks={axes.ticks}
              yDomain={axes.residualDomain}
              yTicks={axes.residualTicks}
              xLabel={t('predictedAxis', { label })}
              yLabel={t('residualAxis')}
              diagonal={false}
            />
          </>
        ) : failed && latest ? (
          <p role="alert" className="alert">
            {words(failed)}
          </p>
        ) : (
          <p className="muted">{latest ? t('loading') : t('later')}</p>
        )}
      </div>
      <p className="small fit-caption" data-testid="fit-caption">
        {metrics && fit ? (
          <>
            {t('scores', { r2: num(metrics.r2, 3, 3), rmse: num(metrics.rmse, labelDigits(metrics.rmse)), mae: num(metrics.mae, labelDigits(metrics.mae)) })}
            {' · '}
            {fit.shown < fit.total ? t('sampled', { shown: fit.shown, total: fit.total }) : t('allRows', { total: fit.total })}
          </>
        ) : (
          '\u00a0'
        )}
      </p>
      <p className="small muted">{t('intro')}</p>
    </section>
  );
}

interface PlotProps {
  testId: string;
  title: string;
  /** What the plot shows, for a screen reader. */
  aria: string;
  points: Dots;
  xDomain: [number, number];
  xTicks: number[];
  yDomain: [number, number];
  yTicks: number[];
  xLabel: string;
  yLabel: string;
  /** The diagonal y = x (predicted against actual); else the zero line (residuals). */
  diagonal: boolean;
}

const FitPlot = memo(function FitPlot({ testId, title, aria, points, xDomain, xTicks, yDomain, yTicks, xLabel, yLabel, diagonal }: PlotProps) {
  const { num } = useT(regressionMessages);
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const xDigits = tickStepDigits(xTicks);
    const yDigits = tickStepDigits(yTicks);
    drawSoon(el, () => drawFitPlot(el, {
      ...points,
      xDomain,
      xTicks,
      yDomain,
      yTicks,
      xLabel,
      yLabel,
      diagonal,
      formatX: (v) => num(v, xDigits),
      formatY: (v) => num(v, yDigits),
    }));
  }, [points, xDomain, xTicks, yDomain, yTicks, xLabel, yLabel, diagonal, num]);
  return (
    <figure className="chart" data-testid={testId} data-points={points.xs.length}>
      <figcaption title={title}>{title}</figcaption>
      <canvas
        ref={canvas}
        role="img"
        aria-label={aria}
        // A fixed height; the drawing keeps its ratio inside the box (object-fit), whatever the column's width.
        style={{ display: 'block', width: '100%', height: PLOT_HEIGHT, objectFit: 'contain' }}
      />
    </figure>
  );
});
