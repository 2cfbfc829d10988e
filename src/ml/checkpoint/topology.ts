/**
 * Reading an untrusted model.json's layers without tfjs: which layers there are, and
 * which weight tensors (names and shapes) they must have. The import checks the file
 * against this before tfjs builds anything, so a Lambda layer, a Conv2D or a manifest
 * that does not fit the layers is refused with a reason instead of a tfjs stack trace.
 */
import { msg } from '../../shared/message';
import type * as tf from '@tensorflow/tfjs';
import type { ParseResult } from '../../shared/result';

/** Layer classes an imported model may have: a stack of Dense layers. */
export const KNOWN_LAYERS: readonly string[] = ['Dense', 'Dropout', 'InputLayer'];
/** Activations tfjs runs that a Dense layer may name; the logits layer must also be linear. */
const ACTIVATIONS: readonly string[] = ['relu', 'relu6', 'elu', 'selu', 'tanh', 'sigmoid', 'hard_sigmoid', 'softplus', 'softsign', 'swish', 'mish', 'softmax', 'linear'];
/** Most layers and units per layer accepted (the playground builds far fewer). */
const MAX_LAYERS = 64;
const MAX_UNITS = 100_000;

export interface DenseLayer {
  name: string;
  inputs: number;
  units: number;
  useBias: boolean;
  activation: string;
}

/** The weight tensors a layer stack needs, in layer order. */
export interface ExpectedWeight {
  /** `layer/kernel`; Keras 3 exports name it `layer/0` (bias: `layer/1`), also accepted. */
  names: string[];
  shape: number[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An untrusted value for a message, cut short (the wording quotes it). */
const clip = (v: unknown) => String(v).slice(0, 78);

/** [null, n] (Keras: batch_input_shape; Keras 3: batch_shape) -> n, else null. */
function inputWidth(config: Obj): number | null {
  const shape = config.batch_input_shape ?? config.batch_shape ?? config.batchInputShape;
  if (!Array.isArray(shape)) return null;
  return shape.length === 2 && Number.isInteger(shape[1]) && (shape[1] as number) > 0 ? (shape[1] as number) : null;
}

/**
 * The Dense layers of a Sequential topology in order, and its input width. Refuses
 * other model classes, unknown layer classes, a missing input shape, a non-linear
 * logits layer. `where` names the file in reasons.
 */
export function denseStack(topology: unknown, where: string): ParseResult<{ inputs: number; layers: DenseLayer[] }> {
  const root = isObj(topology) && isObj(topology.model_config) ? topology.model_config : topology;
  if (!isObj(root)) return { ok: false, reason: msg('checkpoint.topology-not-object', { file: where }) };
  if (root.class_name !== 'Sequential') {
    return { ok: false, reason: msg('checkpoint.not-sequential', { file: where, className: clip(root.class_name) }) };
  }
  const config = root.config;
  const list = Array.isArray(config) ? config : isObj(config) ? config.layers : undefined;
  if (!Array.isArray(list) || list.length === 0) return { ok: false, reason: msg('checkpoint.no-layers', { file: where }) };
  if (list.length > MAX_LAYERS) return { ok: false, reason: msg('checkpoint.too-many-layers', { file: where, layers: list.length, max: MAX_LAYERS }) };
  let inputs: number | null = null;
  const layers: DenseLayer[] = [];
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    const className = isObj(entry) ? entry.class_name : undefined;
    const layerConfig = isObj(entry) && isObj(entry.config) ? entry.config : null;
    const at = { file: where, layer: i + 1, name: layerConfig && typeof layerConfig.name === 'string' ? clip(layerConfig.name) : '' };
    if (typeof className !== 'string' || !KNOWN_LAYERS.includes(className)) {
      return { ok: false, reason: msg('checkpoint.unknown-layer', { ...at, className: clip(className), known: KNOWN_LAYERS }) };
    }
    if (layerConfig === null || typeof layerConfig.name !== 'string') return { ok: false, reason: msg('checkpoint.layer-no-config', at) };
    if (layers.length === 0 && inputs === null) inputs = inputWidth(layerConfig);
    if (className !== 'Dense') continue;
    const units = layerConfig.units;
    if (!Number.isInteger(units) || (units as number) < 1 || (units as number) > MAX_UNITS) {
      return { ok: false, reason: msg('checkpoint.bad-units', { ...at, units: clip(units), max: MAX_UNITS }) };
    }
    if (inputs === null) return { ok: false, reason: msg('checkpoint.no-input-shape', { file: where }) };
    const activation = layerConfig.activation ?? 'linear';
    if (typeof activation !== 'string' || !ACTIVATIONS.includes(activation)) {
      return { ok: false, reason: msg('checkpoint.bad-activation', { ...at, activation: clip(activation) }) };
    }
    const previous = layers.length > 0 ? layers[layers.length - 1].units : inputs;
    layers.push({ name: layerConfig.name, inputs: previous, units: units as number, useBias: layerConfig.use_bias !== false, activation });
  }
  if (inputs === null || layers.length === 0) return { ok: false, reason: msg('checkpoint.no-dense', { file: where }) };
  const last = layers[layers.length - 1];
  if (last.activation !== 'linear') {
    return { ok: false, reason: msg('checkpoint.logits-activation', { file: where, name: clip(last.name), activation: clip(last.activation) }) };
  }
  return { ok: true, value: { inputs, layers } };
}

/** Kernel [inputs, units] then bias [units] of each Dense layer. */
export function expectedWeights(layers: readonly DenseLayer[]): ExpectedWeight[] {
  const out: ExpectedWeight[] = [];
  for (const layer of layers) {
    out.push({ names: [`${layer.name}/kernel`, `${layer.name}/0`], shape: [layer.inputs, layer.units] });
    if (layer.useBias) out.push({ names: [`${layer.name}/bias`, `${layer.name}/1`], shape: [layer.units] });
  }
  return out;
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * Check a manifest's weight entries against the layers: the same tensors (by name),
 * the same shapes, float32 without quantization. Returns the total number of floats.
 */
export function matchManifest(specs: readonly tf.io.WeightsManifestEntry[], layers: readonly DenseLayer[], where: string): ParseResult<number> {
  const expected = expectedWeights(layers);
  const byName = new Map<string, ExpectedWeight>();
  for (const e of expected) for (const n of e.names) byName.set(n, e);
  const seen = new Set<ExpectedWeight>();
  for (const spec of specs) {
    const e = byName.get(spec.name);
    const name = clip(spec.name);
    if (e === undefined) return { ok: false, reason: msg('checkpoint.unknown-tensor', { file: where, name }) };
    if (seen.has(e)) return { ok: false, reason: msg('checkpoint.tensor-twice', { file: where, name }) };
    seen.add(e);
    if (spec.dtype !== 'float32' || spec.quantization !== undefined) {
      return { ok: false, reason: msg('checkpoint.not-float32', { file: where, name, dtype: clip(spec.dtype), quantized: Boolean(spec.quantization) }) };
    }
    if (!Array.isArray(spec.shape) || spec.shape.join(',') !== e.shape.join(',')) {
      return { ok: false, reason: msg('checkpoint.manifest-shape', { file: where, name, shape: clip(JSON.stringify(spec.shape)), expected: e.shape }) };
    }
  }
  const absent = expected.find((e) => !seen.has(e));
  if (absent) return { ok: false, reason: msg('checkpoint.manifest-lacks', { file: where, name: clip(absent.names[0]), shape: absent.shape }) };
  return { ok: true, value: expected.reduce((sum, e) => sum + size(e.shape), 0) };
}
