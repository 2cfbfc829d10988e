/**
 * Gunzip for the MNIST files with the platform's DecompressionStream (browsers, workers
 * and Node 20 all have it), so the worker needs no zlib of its own. The output is capped:
 * a small gzip that inflates to gigabytes is refused, not allocated.
 */
import { msg } from '../../shared/message';
import type { ParseResult } from '../../shared/result';

/** Larger than the biggest MNIST file (train-images-idx3-ubyte, 47,040,016 bytes). */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** True when `bytes` start with the gzip magic 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Inflate `bytes` when they are gzip; return them unchanged (no copy) when they are not.
 * Never throws: corrupt or oversized data gives a reason naming `fileName`.
 */
export async function gunzipIfNeeded(
  bytes: Uint8Array,
  fileName: string,
  maxBytes = MAX_INFLATED_BYTES,
): Promise<ParseResult<Uint8Array>> {
  if (!isGzip(bytes)) return { ok: true, value: bytes };
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // BufferSource wants an ArrayBuffer-backed view; copy only if `bytes` is not one.
  const input = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
  // A failure shows up on the reader below; these two would otherwise reject unhandled.
  writer.write(input).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: msg('mnist.inflate-cap', { file: fileName, max: maxBytes }) };
      }
      chunks.push(value);
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: msg('mnist.bad-gzip', { file: fileName, detail }) };
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, value: out };
}
