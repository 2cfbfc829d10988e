/**
 * A checkpoint's weights as JS arrays, without tfjs: the float32 tensors of the manifest
 * laid end to end in `weights`, in weightSpecs order (kernel0, bias0, ...), which is
 * what LayersModel.save() writes. What an engine's load() takes.
 */
import { msg } from '../../shared/message';
import type { ParseResult } from '../../shared/result';
import type { Checkpoint } from './types';

export function checkpointWeights(checkpoint: Pick<Checkpoint, 'modelJson' | 'weights'>): ParseResult<Float32Array[]> {
  const out: Float32Array[] = [];
  let offset = 0;
  for (const spec of checkpoint.modelJson.weightSpecs) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    if (spec.dtype !== undefined && spec.dtype !== 'float32') return { ok: false, reason: msg('app.weights-dtype', { name: spec.name, dtype: String(spec.dtype) }) };
    if (offset + size * 4 > checkpoint.weights.byteLength) return { ok: false, reason: msg('app.weights-short', { name: spec.name }) };
    // A copy: the checkpoint's buffer may be shared, and Float32Array needs 4-byte alignment.
    out.push(new Float32Array(checkpoint.weights.slice(offset, offset + size * 4)));
    offset += size * 4;
  }
  return { ok: true, value: out };
}
