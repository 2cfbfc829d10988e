/**
 * The network as TensorFlow Playground draws it: a column per layer, a circle per unit
 * (at most MAX_UNITS shown, then "+N more"), and, when the worker sends the weights,
 * a line per weight, blue for positive and orange for negative, thicker for larger
 * magnitudes. Refreshed after every test evaluation and with every new model. A table
 * gives the layer sizes and parameter counts as text. Below it, each hidden unit's
 * picture over the decision map's axes (NeuronMaps).
 */
import { memo, type ReactNode } from 'react';
import { analysisMessages } from './messages';
import { latestEvaluation } from '../../client/state';
import type { NetworkPicture } from '../../shared/analysis';
import { useT, useWords } from '../common/useI18n';
import { useAppState, useStore } from '../common/useStore';
import { useViewRequest } from '../common/useViewRequest';
import { NeuronMaps } from './NeuronMaps';

/** Units drawn per layer; a wider layer shows MAX_UNITS - 1 and a "+N more" marker. */
const MAX_UNITS = 12;
/** Playground's colours for positive and negative weights. */
const POSITIVE = '#0877bd';
const NEGATIVE = '#f59322';

const W = 640;
const GAP = 26;
const TOP = 20;
const SIDE = 130;
const RADIUS = 8;

/** Indices of the units drawn for a layer of `width`, and how many are left out. */
function shownUnits(width: number): { units: number[]; more: number } {
  if (width <= MAX_UNITS) return { units: Array.from({ length: width }, (_, i) => i), more: 0 };
  return { units: Array.from({ length: MAX_UNITS - 1 }, (_, i) => i), more: width - (MAX_UNITS - 1) };
}

const clip = (s: string, n = 18) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function NetworkPanel() {
  const dataset = useAppState((a) => a.dataset);
  const model = useAppState((a) => a.model);
  const runState = useAppState((a) => a.state);
  const generation = useAppState((a) => a.generation);
  const slot = useAppState((a) => a.analysis.network);
  const testStep = useAppState((a) => latestEvaluation(a, 'test')?.globalStep ?? -1);
  const store = useStore();
  const { t } = useT(analysisMessages);
  const words = useWords();
  const key = `${generation}|${testStep}`;
  const ready = dataset !== null && model !== null && runState !== 'loading';
  useViewRequest(ready, runState === 'training', slot, key, () => store.requestNetwork(key));
  const network = slot.value;
  return (
    <section className="panel network-panel" aria-labelledby="network-title">
      <h2 id="network-title">{t('networkTitle')}</h2>
      {network ? <Picture network={network} /> : <p className="muted">{slot.error ? words(slot.error) : t('networkLoading')}</p>}
      <NeuronMaps />
    </section>
  );
}

/** Memoised: hundreds of edges, redrawn only when a new picture arrives, not on every progress event. */
const Picture = memo(function Picture({ network }: { network: NetworkPicture }) {
  const { t, num } = useT(analysisMessages);
  const { widths, kernels } = network;
  const layers = widths.length;
  const columnX = (l: number) => SIDE + (layers > 1 ? (l * (W - 2 * SIDE)) / (layers - 1) : 0);
  const shown = widths.map(shownUnits);
  const rows = Math.max(...shown.map((s) => s.units.length + (s.more > 0 ? 1 : 0)));
  const height = TOP + rows * GAP + 44;
  const mid = TOP + (rows * GAP) / 2;
  const unitY = (l: number, k: number) => {
    const n = shown[l].units.length + (shown[l].more > 0 ? 1 : 0);
    return mid + (k - (n - 1) / 2) * GAP;
  };
  let maxAbs = 0;
  for (const k of kernels ?? []) for (const w of k) maxAbs = Math.max(maxAbs, Math.abs(w));
  const params = widths.map((w, l) => (l === 0 ? 0 : widths[l - 1] * w + w));
  const total = params.reduce((a, b) => a + b, 0);
  const weights = widths.reduce((sum, w, l) => (l === 0 ? 0 : sum + widths[l - 1] * w), 0);
  const layerName = (l: number) => (l === 0 ? t('networkInputs') : l === layers - 1 ? t('networkOutputs') : t('networkHidden', { n: l }));
  // A regression's one output is linear (DNNRegressor), a classifier's a softmax.
  const regression = useAppState((a) => a.dataset?.target !== undefined);
  const layerActivation = (l: number) => (l === 0 ? '–' : l === layers - 1 ? (regression ? 'linear' : t('softmax')) : network.activation);
  const label = t('networkLabel', { layers, widths: widths.join('–'), activation: network.activation, parameters: total, step: network.globalStep });

  const edges: ReactNode[] = [];
  if (kernels && maxAbs > 0) {
    for (let l = 0; l + 1 < layers; l++) {
      const out = widths[l + 1];
      for (const [a, i] of shown[l].units.entries()) {
        for (const [b, j] of shown[l + 1].units.entries()) {
          const w = kernels[l][i * out + j];
          edges.push(
            <line
              key={`${l}-${i}-${j}`}
              x1={columnX(l) + RADIUS}
              y1={unitY(l, a)}
              x2={columnX(l + 1) - RADIUS}
              y2={unitY(l + 1, b)}
              stroke={w >= 0 ? POSITIVE : NEGATIVE}
              strokeWidth={0.3 + (3 * Math.abs(w)) / maxAbs}
              strokeOpacity={0.25 + (0.6 * Math.abs(w)) / maxAbs}
            />,
          );
        }
      }
    }
  }

  return (
    <>
      <svg
        data-testid="network"
        data-widths={widths.join(',')}
        data-step={network.globalStep}
        data-edges={kernels ? 'weights' : 'none'}
        role="img"
        aria-label={label}
        viewBox={`0 0 ${W} ${height}`}
        style={{ width: '100%', height: 'auto', display: 'block' }}
      >
        <g>{edges}</g>
        {shown.map((s, l) => (
          <g key={l}>
            {s.units.map((i, k) => (
              <g key={i}>
                <circle cx={columnX(l)} cy={unitY(l, k)} r={RADIUS} fill="#fff" stroke="#33404c" strokeWidth={1.2} />
                {l === 0 && (
                  <text x={columnX(l) - RADIUS - 6} y={unitY(l, k)} textAnchor="end" dominantBaseline="middle" fontSize={11} fill="#33404c">
                    <title>{network.inputNames[i]}</title>
                    {clip(network.inputNames[i] ?? '')}
                  </text>
                )}
                {l === layers - 1 && (
                  <text x={columnX(l) + RADIUS + 6} y={unitY(l, k)} dominantBaseline="middle" fontSize={11} fill="#33404c">
                    <title>{network.classNames[i]}</title>
                    {clip(network.classNames[i] ?? '')}
                  </text>
                )}
              </g>
            ))}
            {s.more > 0 && (
              <text x={columnX(l)} y={unitY(l, s.units.length)} textAnchor="middle" dominantBaseline="middle" fontSize={11} fill="#5c6670">
                {t('networkMore', { n: s.more })}
              </text>
            )}
            <text x={columnX(l)} y={height - 26} textAnchor="middle" fontSize={12} fontWeight={600} fill="#1c2630">
              {layerName(l)}
            </text>
            <text x={columnX(l)} y={height - 10} textAnchor="middle" fontSize={11} fill="#4a5560">
              {l === 0 ? num(widths[l]) : `${num(widths[l])} ${layerActivation(l)}`}
            </text>
          </g>
        ))}
      </svg>
      <p className="small muted">{kernels ? t('networkEdges') : t('networkNoEdges', { weights })}</p>
      <details>
        <summary>{t('networkTable')}</summary>
        <table className="preview" data-testid="network-table">
          <thead>
            <tr>
              <th scope="col">{t('colLayer')}</th>
              <th scope="col">{t('colUnits')}</th>
              <th scope="col">{t('colActivation')}</th>
              <th scope="col">{t('colParameters')}</th>
            </tr>
          </thead>
          <tbody>
            {widths.map((w, l) => (
              <tr key={l}>
                <th scope="row">{layerName(l)}</th>
                <td className="num">{num(w)}</td>
                <td>{layerActivation(l)}</td>
                <td className="num">{num(params[l])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('networkTotal')}</th>
              <td />
              <td />
              <td className="num">{num(total)}</td>
            </tr>
          </tfoot>
        </table>
      </details>
    </>
  );
});
