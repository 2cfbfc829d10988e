/**
 * The decision-boundary map (TensorFlow Playground's main picture) for any data set with
 * two numeric inputs: pick the axes, see the class field and the rows. The worker builds
 * the map; this panel asks for a new one whenever the axes, the model or the newest test
 * evaluation change, never with a request already in flight.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { analysisMessages } from './messages';
import { latestEvaluation } from '../../client/state';
import { CANVAS, classColour, classShares, drawBoundary } from './boundaryDraw';
import { labelDigits } from './fitAxes';
import { extent, valueGradient } from './valueScale';
import { useT, useWords } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';
import { useViewRequest } from '../common/useViewRequest';
import { objectKey } from '../common/objectKey';
import { drawSoon } from '../common/drawQueue';
import './regression.css';

/** Cells per side: 3,600 predictions, one batch. */
const RESOLUTION = 60;

/**
 * Inputs offered on an axis: every numeric one up to LISTED_AXES, else the first
 * LISTED_AXES and the two shown (a select of thousands of options takes Chromium seconds).
 */
const LISTED_AXES = 300;

function listed(numeric: number[], x: number, y: number): number[] {
  if (numeric.length <= LISTED_AXES) return numeric;
  const head = numeric.slice(0, LISTED_AXES);
  for (const extra of [x, y]) if (extra >= 0 && extra > head[head.length - 1] && !head.includes(extra)) head.push(extra);
  return head;
}

export function BoundaryPanel() {
  const store = useStore();
  const { t, num, pct } = useT(analysisMessages);
  const words = useWords();
  const dataset = useAppState((a) => a.dataset);
  const model = useAppState((a) => a.model);
  const runState = useAppState((a) => a.state);
  const generation = useAppState((a) => a.generation);
  const slot = useAppState((a) => a.analysis.boundary);
  // The step of the newest test evaluation, a number: the map is asked again after each one.
  const testStep = useAppState((a) => latestEvaluation(a, 'test')?.globalStep ?? -1);
  const inputs = useMemo(() => dataset?.inputs ?? [], [dataset]);
  const numeric = useMemo(() => inputs.flatMap((input, i) => (input.kind === 'numeric' ? [i] : [])), [inputs]);
  const datasetKey = dataset ? `${dataset.source}|${dataset.name}|${inputs.map((i) => i.name).join('\u0000')}` : '';
  const [picked, setPicked] = useState<{ dataset: string; x: number; y: number } | null>(null);
  const valid = picked && picked.dataset === datasetKey && numeric.includes(picked.x) && numeric.includes(picked.y) && picked.x !== picked.y;
  // Until the person picks, the worker chooses the two inputs that best separate the classes (-1).
  const x = valid ? picked.x : -1;
  const y = valid ? picked.y : -1;

  const key = `${generation}|${testStep}|${x}|${y}`;
  const usable = dataset !== null && dataset.source !== 'mnist' && numeric.length >= 2;
  const ready = usable && model !== null && runState !== 'loading';
  useViewRequest(ready, runState === 'training', slot, key, () => store.requestBoundary(x, y, RESOLUTION, key));

  const answered = usable ? slot.value : null;
  // A map of the previous data set's inputs is not this one's.
  const map = answered && numeric.includes(answered.x) && numeric.includes(answered.y) ? answered : null;
  const shownX = x >= 0 ? x : (map?.x ?? numeric[0] ?? -1);
  const shownY = y >= 0 ? y : (map?.y ?? numeric[1] ?? -1);
  const classNames = dataset?.classNames ?? [];
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const el = canvas.current;
    if (!map || !el) return;
    const names: [string, string] = [inputs[map.x]?.name ?? '', inputs[map.y]?.name ?? ''];
    drawSoon(el, () => drawBoundary(el, map, classNames.length, names, (v) => num(v, Math.abs(v) >= 100 ? 0 : 2)));
  }, [map, classNames.length, inputs, num]);

  const choose = (axis: 'x' | 'y', value: number) => {
    // Picking the other axis's input swaps the two, so the axes always differ.
    const [cx, cy] = [shownX, shownY];
    const other = axis === 'x' ? cy : cx;
    const next = axis === 'x' ? { x: value, y: value === other ? cx : cy } : { x: value === other ? cy : cx, y: value };
    setPicked({ dataset: datasetKey, ...next });
  };

  let body;
  if (!dataset) body = null;
  else if (dataset.source === 'mnist') body = <p className="muted">{t('boundaryMnist')}</p>;
  else if (numeric.length < 2) body = <p className="muted">{t('boundaryTooFew', { n: numeric.length })}</p>;
  else {
    const shares = map ? classShares(map, classNames.length) : [];
    const failed = slot.asked === key && !slot.pending ? slot.error : null;
    // A regression's map: the predicted number per cell over the training targets' range.
    const values = map?.values;
    const digits = labelDigits(values ? values.range[1] - values.range[0] : 0);
    const cellRange = values ? extent(values.cells) : null;
    const target = dataset.target?.name ?? '';
    const label = !map
      ? ''
      : values && cellRange
        ? t('boundaryLabelValue', {
            step: map.globalStep,
            x: inputs[map.x]?.name ?? '',
            y: inputs[map.y]?.name ?? '',
            label: target,
            lo: num(cellRange[0], digits),
            hi: num(cellRange[1], digits),
            min: num(values.range[0], digits),
            max: num(values.range[1], digits),
          })
        : t('boundaryLabel', {
            step: map.globalStep,
            x: inputs[map.x]?.name ?? '',
            y: inputs[map.y]?.name ?? '',
            shares: shares.map((s, c) => `${classNames[c]} ${pct(s.area)}`).join(', '),
          });
    body = (
      <>
        <div className="fields">
          {(['x', 'y'] as const).map((axis) => (
            <label key={axis} className="field">
              {t(axis === 'x' ? 'axisX' : 'axisY')}
              <select key={objectKey(dataset)} data-testid={`boundary-${axis}`} value={axis === 'x' ? shownX : shownY} onChange={(e) => choose(axis, Number(e.target.value))}>
                {listed(numeric, shownX, shownY).map((i) => (
                  <option key={i} value={i}>
                    {inputs[i].name}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        {failed && (
          <p role="alert" className="alert">
            {words(failed)}
          </p>
        )}
        {map ? (
          <>
            <p className="muted small" aria-live="polite">
              {t('boundaryStep', { step: map.globalStep })}
              {slot.pending ? ` · ${t('boundaryUpdating')}` : ''}
            </p>
            <canvas
              ref={canvas}
              data-testid="boundary-map"
              data-step={map.globalStep}
              data-x={map.x}
              data-y={map.y}
              role="img"
              aria-label={label}
              style={{ width: '100%', maxWidth: CANVAS.width, aspectRatio: `${CANVAS.width} / ${CANVAS.height}`, display: 'block' }}
            />
            {values && (
              <p className="value-legend small" data-testid="value-legend">
                <span>{t('legendValue', { label: target })}</span>
                <span className="value-legend-scale">
                  <span className="num">{num(values.range[0], digits)}</span>
                  <span className="value-legend-bar" aria-hidden="true" style={{ background: valueGradient() }} />
                  <span className="num">{num(values.range[1], digits)}</span>
                </span>
              </p>
            )}
            <ul className="buttons small" aria-label={values ? t('legendRows') : t('legendTitle')} style={{ listStyle: 'none', padding: 0 }}>
              {classNames.map((name, c) => (
                <li key={c}>
                  <Swatch colour={classColour(c)} /> {name}
                </li>
              ))}
              <li>
                <Swatch colour="#9aa8b6" ring="#fff" round /> {t('legendTrain')}
              </li>
              <li>
                <Swatch colour="#9aa8b6" ring="#000" round /> {t('legendTest')}
              </li>
            </ul>
            <p className="small">{map.held.length > 0 ? t('boundaryHeld', { held: map.held.map((h) => `${h.name} = ${h.value}`).join(', ') }) : t('boundaryHeldNone')}</p>
            <p className="small muted">{t('boundaryPoints', { shown: map.points.shown, total: map.points.total })}</p>
            {!values && <ShareTable shares={shares} classNames={classNames} />}
          </>
        ) : (
          !failed && <p className="muted">{model ? t('boundaryLoading') : t('boundaryNoModel')}</p>
        )}
      </>
    );
  }
  return (
    <section className="panel boundary-panel" aria-labelledby="boundary-title">
      <h2 id="boundary-title">{dataset?.target ? t('boundaryTitleValue', { label: dataset.target.name }) : t('boundaryTitle')}</h2>
      {body}
      {/* After the map, not above it: the picture comes first in a workspace that must fit one screen. */}
      <p className="small muted">{t(dataset?.task === 'regression' ? 'boundaryIntroValue' : 'boundaryIntro', { label: dataset?.target?.name ?? '' })}</p>
    </section>
  );
}

/** The classes' shares of the map, in numbers (a classification's map only). */
function ShareTable({ shares, classNames }: { shares: ReturnType<typeof classShares>; classNames: readonly string[] }) {
  const { t, num, pct } = useT(analysisMessages);
  return (
    <details>
      <summary>{t('boundaryNumbers')}</summary>
      <table className="preview">
        <caption>{t('boundaryShareCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colClass')}</th>
            <th scope="col">{t('colArea')}</th>
            <th scope="col">{t('colConfidence')}</th>
            <th scope="col">{t('colRows')}</th>
          </tr>
        </thead>
        <tbody>
          {shares.map((s, c) => (
            <tr key={c}>
              <th scope="row">{classNames[c]}</th>
              <td className="num">{pct(s.area)}</td>
              <td className="num">{s.area > 0 ? pct(s.confidence) : '–'}</td>
              <td className="num">{num(s.points)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Swatch({ colour, ring, round }: { colour: string; ring?: string; round?: boolean }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: 12,
        height: 12,
        verticalAlign: 'middle',
        background: colour,
        borderRadius: round ? '50%' : 2,
        boxShadow: ring ? `0 0 0 1.5px ${ring}, 0 0 0 2.5px #9aa8b6` : undefined,
      }}
    />
  );
}
