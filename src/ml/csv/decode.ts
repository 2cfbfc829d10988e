/**
 * Bytes -> text in chunks. A large file is decoded a piece at a time so progress can
 * be reported and no second copy of the whole file is built; a character whose bytes
 * straddle two chunks (a Hangul syllable is 3 bytes in UTF-8, 2 in EUC-KR) is held
 * back by TextDecoder's `stream: true` until its last byte arrives.
 */
import type { CsvEncoding } from './types';

const REPLACEMENT = '\uFFFD';

/** Text out of byte chunks, in order. Create one per file; not reusable. */
export interface ChunkDecoder {
  /** Decode the next chunk; returns the text completed so far (may be ''). */
  push(chunk: Uint8Array): string;
  /** Flush what is held back; an incomplete last character becomes U+FFFD. */
  end(): string;
  /** U+FFFD characters produced: bytes that were not valid in the encoding. */
  readonly replaced: number;
}

/**
 * A streaming decoder. A leading byte-order mark of the same encoding is dropped
 * (TextDecoder's default). Never throws on bad bytes: they become U+FFFD and are counted,
 * so the caller can suggest another encoding.
 */
export function createChunkDecoder(encoding: CsvEncoding): ChunkDecoder {
  const decoder = new TextDecoder(encoding);
  let replaced = 0;
  const count = (text: string): string => {
    for (let i = text.indexOf(REPLACEMENT); i !== -1; i = text.indexOf(REPLACEMENT, i + 1)) replaced++;
    return text;
  };
  return {
    push: (chunk) => count(decoder.decode(chunk, { stream: true })),
    end: () => count(decoder.decode()),
    get replaced() {
      return replaced;
    },
  };
}

/** Decode `bytes` through a ChunkDecoder in `chunkBytes` pieces: used by tests and small files. */
export function decodeInChunks(bytes: Uint8Array, encoding: CsvEncoding, chunkBytes: number): string {
  const decoder = createChunkDecoder(encoding);
  const parts: string[] = [];
  const step = Math.max(1, Math.floor(chunkBytes));
  for (let at = 0; at < bytes.length; at += step) parts.push(decoder.push(bytes.subarray(at, at + step)));
  parts.push(decoder.end());
  return parts.join('');
}
