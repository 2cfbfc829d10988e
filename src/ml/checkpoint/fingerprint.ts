/**
 * A fast 64-bit FNV-1a hash, and the data set fingerprint built on it. A checkpoint
 * carries the fingerprint of the data it was trained on, so the page can tell whether a
 * stored model fits the data set on screen, and the store prunes per data set. The same
 * hash is the store's checksum of the weights it wrote and reads back.
 *
 * Not cryptographic: it catches a different file or a torn write, not an adversary.
 */
import type { ClassificationData } from '../datasets/data';

/** FNV-1a 64 running state as two 32-bit halves (BigInt per byte would be ~50x slower). */
export interface Fnv64 {
  hi: number;
  lo: number;
}

/** FNV-1a 64's offset basis, 0xcbf29ce484222325. */
export function fnv64Start(): Fnv64 {
  return { hi: 0xcbf29ce4, lo: 0x84222325 };
}

/**
 * Fold `bytes` into `state` (mutated and returned). The prime is 2^40 + 0x1b3, so
 * h * prime = h * 0x1b3 + (h << 40): the low half times 0x1b3 fits a double exactly
 * (< 2^41), its carry goes to the high half, and h << 40 only adds lo << 8 to the high half.
 */
export function fnv64Update(state: Fnv64, bytes: Uint8Array): Fnv64 {
  let { hi, lo } = state;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    const low = lo * 0x1b3;
    const carry = Math.floor(low / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  state.hi = hi;
  state.lo = lo;
  return state;
}

/** The state as 16 lower-case hex digits. */
export function fnv64Hex(state: Fnv64): string {
  return state.hi.toString(16).padStart(8, '0') + state.lo.toString(16).padStart(8, '0');
}

/** FNV-1a 64 of some byte arrays in a row, as 16 hex digits. */
export function fnv1a64(...parts: (Uint8Array | ArrayBuffer)[]): string {
  const state = fnv64Start();
  for (const part of parts) fnv64Update(state, part instanceof Uint8Array ? part : new Uint8Array(part));
  return fnv64Hex(state);
}

/** The bytes a typed array views (not the whole buffer it may share). */
export function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * Fingerprint of a data set: FNV-1a 64 over the feature names, the class names, the
 * training split's shape, features (float32 bytes) and labels (int32 bytes); for
 * regression also the target (name, mean, sd) and the standardised targets (float32
 * bytes), since its labels are all 0. A classifier's fingerprint is as it always was. The data
 * set's display name is left out: renaming a file does not change what a model learned.
 * Lists are hashed as JSON so ["a,b"] and ["a", "b"] differ. Cost ~6 ms per MB of training
 * features: ~0.2 s for the 10k MNIST digits the app ships, ~1 s for the 55k of the IDX files,
 * so compute it once per loaded data set and pass it to checkpointMeta.
 */
export function fingerprint(data: ClassificationData): string {
  const { target } = data;
  const regression = target ? { target: { name: target.name, mean: target.mean, sd: target.sd } } : {};
  const text = new TextEncoder().encode(
    JSON.stringify({ features: data.featureNames, classes: data.classNames, rows: data.train.rows, ...regression }),
  );
  const targets = target && data.train.targets ? [bytesOf(data.train.targets)] : [];
  return fnv1a64(text, bytesOf(data.train.features), bytesOf(data.train.labels), ...targets);
}
