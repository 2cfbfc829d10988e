/**
 * The per-neuron pictures (TensorFlow Playground's signature), under the network
 * picture: every hidden unit's output over the decision map's two axes, a small heat
 * map each, from the same answer as the map (BoundaryMap.neurons, computed in the worker
 * in the same pass), so they move with it during training. At most 64 units; above that
 * the strongest per layer, and the caption says so. Hovering or focusing a unit enlarges it.
 *
 * Hook: `neuron-map`, one canvas per drawn unit, `data-layer` (0-based among the hidden
 * layers) and `data-unit` (0-based in its layer); its accessible name counts from 1.
 */
import { memo, useLayoutEffect, useRef } from 'react';
import type { NeuronGrid } from '../../shared/analysis';
import { useT } from '../common/useI18n';
import { useAppState } from '../common/useStore';
import { drawNeuron } from './neuronDraw';
import { drawSoon } from '../common/drawQueue';
import { neuronMessages } from './neuronMessages';
import './neurons.css';

type Words = ReturnType<typeof useT<typeof neuronMessages.en>>;

export function NeuronMaps() {
  const words = useT(neuronMessages);
  const { t } = words;
  const map = useAppState((a) => a.analysis.boundary.value);
  const hidden = useAppState((a) => a.model?.hiddenUnits);
  const inputs = useAppState((a) => a.dataset?.inputs);
  // No decision map (MNIST's pixels, fewer than two numeric inputs): no axes to picture the units over.
  const mapped = inputs !== undefined && inputs.filter((i) => i.kind === 'numeric').length >= 2;
  if (!hidden || !mapped) return null;
  if (hidden.length === 0) return <p className="small muted">{t('none')}</p>;
  const grid = map?.neurons;
  // A map of another network (asked before a Reset) is not this one's.
  const fits = grid && grid.widths.length === hidden.length && grid.widths.every((w, i) => w === hidden[i]);
  if (!map || !grid || !fits) return <p className="small muted">{t('waiting')}</p>;
  const names = { x: inputs?.[map.x]?.name ?? '', y: inputs?.[map.y]?.name ?? '' };
  return (
    <section className="neuron-maps" aria-labelledby="neuron-maps-title">
      <h3 id="neuron-maps-title">{t('title')}</h3>
      <p className="small muted">{t('intro', { ...names, step: map.globalStep })}</p>
      {grid.chosen === 'strongest' && <p className="small">{t('strongest', { shown: grid.units.length, total: grid.widths.reduce((a, b) => a + b, 0) })}</p>}
      <Layers grid={grid} words={words} />
      <p className="neuron-scale small" aria-hidden="true">
        <span>{t('scaleNegative')}</span>
        <span className="neuron-scale-bar" />
        <span>{t('scalePositive')}</span>
      </p>
    </section>
  );
}

/** Memoised on the answer: redrawn when a new map arrives, not on every progress frame. */
const Layers = memo(function Layers({ grid, words }: { grid: NeuronGrid; words: Words }) {
  const { t, num } = words;
  return (
    <>
      {grid.widths.map((width, layer) => {
        const drawn = grid.units.flatMap((u, k) => (u.layer === layer ? [k] : []));
        return (
          <div key={layer} className="neuron-layer">
            <h4>{drawn.length < width ? t('layerShown', { n: layer + 1, shown: drawn.length, units: width }) : t('layer', { n: layer + 1, units: width })}</h4>
            <ul className="neuron-grid">
              {drawn.map((k) => {
                const u = grid.units[k];
                const label = t('unitLabel', { layer: layer + 1, unit: u.unit + 1, lo: num(u.lo, 3), hi: num(u.hi, 3) });
                return (
                  <li key={u.unit}>
                    <Unit grid={grid} k={k} label={label} />
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </>
  );
});

function Unit({ grid, k, label }: { grid: NeuronGrid; k: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const el = canvas.current;
    if (el) drawSoon(el, () => drawNeuron(el, grid, k));
  }, [grid, k]);
  const u = grid.units[k];
  return (
    <canvas
      ref={canvas}
      className="neuron-map"
      data-testid="neuron-map"
      data-layer={u.layer}
      data-unit={u.unit}
      role="img"
      aria-label={label}
      title={label}
      // Focusable, so a keyboard enlarges a unit as a pointer does.
      tabIndex={0}
    />
  );
}
