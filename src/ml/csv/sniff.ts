/**
 * Looking at raw bytes before decoding them: is this a binary file renamed .csv, and
 * which text encoding is it? People export CSVs from Korean Excel (CP949), from old
 * Windows tools (Windows-1252) and from Excel's "Unicode text" (UTF-16 with a BOM),
 * and none of those say what they are, so we guess from byte patterns and let the
 * person override the guess.
 */
import type { CsvEncoding } from './types';
import { msg, type Message } from '../../shared/message';
import type { BinaryKind, OtherFormat } from '../../shared/messages/csv';

/** Bytes inspected for binary signatures and control characters. */
const SNIFF_BYTES = 8192;

const SIGNATURES: readonly { bytes: readonly number[]; kind: BinaryKind }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'png' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'jpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'gif' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'pdf' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'zip' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'office' },
  { bytes: [0x1f, 0x8b], kind: 'gzip' },
];

export type { EncodingEvidence } from '../../shared/messages/csv';
import type { EncodingEvidence } from '../../shared/messages/csv';

export interface EncodingGuess {
  encoding: CsvEncoding;
  /** Why: a byte-order mark, BOM-less UTF-16, valid UTF-8, mostly Hangul pairs (`hangul` syllables), or none of those. */
  evidence: EncodingEvidence;
  hangul?: number;
  /** 'utf-8-mostly': the multi-byte UTF-8 characters found, and the bytes that are no UTF-8. */
  valid?: number;
  invalid?: number;
}

/**
 * Why `bytes` (of `file`) are not text, as a message, or null when they may be text.
 * Known signatures first, then NUL and other control bytes in the first 8 KiB
 * (tab, CR, LF and form feed are fine). UTF-16 text has NULs: call this only
 * for encodings other than UTF-16.
 */
export function binaryReason(bytes: Uint8Array, file: string): Message | null {
  for (const sig of SIGNATURES) {
    if (bytes.length >= sig.bytes.length && sig.bytes.every((b, i) => bytes[i] === b)) {
      return msg('csv.binary-file', { file, kind: sig.kind, count: 0, inspected: 0 });
    }
  }
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (nul > 0) return msg('csv.binary-file', { file, kind: 'nul', count: nul, inspected: n });
  if (control > Math.max(2, n * 0.01)) return msg('csv.binary-file', { file, kind: 'control', count: control, inspected: n });
  return null;
}

/** ASCII bytes of `text`, for looking up names inside a container's bytes. */
const ascii = (text: string) => Array.from(text, (ch) => ch.charCodeAt(0));
/** Names an .xlsx package (a ZIP) holds near its start: its content types and the xl/ folder. */
const XLSX_NAMES = [ascii('[Content_Types].xml'), ascii('xl/')];
/** The workbook stream of an .xls (a compound file), named in UTF-16LE in its directory. */
const XLS_STREAMS = [ascii('Workbook'), ascii('Book')].map((name) => name.flatMap((b) => [b, 0]));

/** True when `needle` occurs in `bytes` from `from` to `to`. */
function contains(bytes: Uint8Array, needle: readonly number[], from = 0, to = bytes.length): boolean {
  const end = Math.min(to, bytes.length) - needle.length;
  outer: for (let i = from; i <= end; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * What a file that is no CSV is, when its content says so: JSON text (after a BOM and
 * spaces, `{ ... }`, or `[ ... ]` starting with a JSON value), an .xlsx workbook (a ZIP holding
 * `[Content_Types].xml` or `xl/`), or an .xls workbook (a compound file with a
 * `Workbook` stream, or one named .xls). Null otherwise: a plain ZIP or another Office
 * file is left to binaryReason.
 */
export function otherFormat(bytes: Uint8Array, file: string): Message | null {
  const found = (format: OtherFormat) => msg('csv.other-format', { file, format });
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return XLSX_NAMES.some((n) => contains(bytes, n, 0, SNIFF_BYTES)) ? found('xlsx') : null;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return /\.xls$/i.test(file.trim()) || XLS_STREAMS.some((n) => contains(bytes, n)) ? found('xls') : null;
  }
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const skip = () => {
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  };
  skip();
  // JSON ends as it starts: `{ ... }` or `[ ... ]` (a CSV ends with a value).
  let end = bytes.length - 1;
  while (end > i && (bytes[end] === 0x20 || bytes[end] === 0x09 || bytes[end] === 0x0a || bytes[end] === 0x0d)) end--;
  if (bytes[i] === 0x7b) return bytes[end] === 0x7d ? found('json') : null; // { }
  if (bytes[i] !== 0x5b || bytes[end] !== 0x5d) return null; // [ ]
  i++;
  skip();
  // [ then a value: { [ " ] a digit, -, true, false, null. `[a],[b]` or `[x] cm` stay CSV.
  const b = bytes[i];
  const value = b === 0x7b || b === 0x5b || b === 0x22 || b === 0x5d || b === 0x2d || (b >= 0x30 && b <= 0x39) || b === 0x74 || b === 0x66 || b === 0x6e;
  if (!value) return null;
  if (b === 0x74 || b === 0x66 || b === 0x6e) {
    const word = new TextDecoder().decode(bytes.subarray(i, i + 5));
    if (!/^(?:true|false|null)/.test(word)) return null;
  }
  // `[1] note,2` is no JSON array of numbers: a digit must be followed by a number's characters and , or ].
  if (b === 0x2d || (b >= 0x30 && b <= 0x39)) {
    const head = new TextDecoder().decode(bytes.subarray(i, i + 64));
    if (!/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*[,\]]/.test(head)) return null;
  }
  return found('json');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** The encoding a byte-order mark names, with its length; null without a BOM. */
export function bomEncoding(bytes: Uint8Array): CsvEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte. Returns
 * the byte order when at least 40% of the pairs in the sample look like that.
 */
export function bomlessUtf16(bytes: Uint8Array): CsvEncoding | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.4 && evenZero === 0) return 'utf-16le';
  if (evenZero >= pairs * 0.4 && oddZero === 0) return 'utf-16be';
  return null;
}

/**
 * True when all of `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing
 * above U+10FFFF, no sequence cut off at the end). A hand-rolled check because a fatal
 * TextDecoder would build the whole string just to throw it away.
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return false;
    if (i + need >= n) return false; // cut off at the end
    if (bytes[i + 1] < lo || bytes[i + 1] > hi) return false;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c < 0x80 || c > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/** Counts behind the EUC-KR vs Windows-1252 decision, exported for tests. */
export interface KoreanScore {
  /** Two-byte sequences valid in CP949 (EUC-KR plus the UHC extension). */
  pairs: number;
  /** Of those, KS X 1001 Hangul syllables: lead 0xB0-0xC8, trail 0xA1-0xFE. */
  hangul: number;
  /** Of those, UHC extension characters outside KS X 1001 (e.g. 똠, 0x8C 0x63). */
  extended: number;
  /** High bytes that start or end no valid CP949 sequence. */
  invalid: number;
}

function isCp949Trail(lead: number, trail: number): boolean {
  // KS X 1001 rows (and UHC rows 0x81-0xA0) take trails 0xA1-0xFE.
  if (trail >= 0xa1 && trail <= 0xfe) return lead >= 0x81 && lead <= 0xfe;
  // UHC extension: leads 0x81-0xC6 also take ASCII-letter and 0x81-0xA0 trails.
  const extTrail = (trail >= 0x41 && trail <= 0x5a) || (trail >= 0x61 && trail <= 0x7a) || (trail >= 0x81 && trail <= 0xa0);
  return extTrail && lead >= 0x81 && lead <= 0xc6 && !(lead === 0xc6 && trail > 0x52);
}

export function scoreKorean(bytes: Uint8Array): KoreanScore {
  const score: KoreanScore = { pairs: 0, hangul: 0, extended: 0, invalid: 0 };
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    if (i + 1 < n && isCp949Trail(b, bytes[i + 1])) {
      score.pairs++;
      if (b >= 0xb0 && b <= 0xc8 && bytes[i + 1] >= 0xa1) score.hangul++;
      if (b < 0xa1 || bytes[i + 1] < 0xa1) score.extended++;
      i += 2;
    } else {
      score.invalid++;
      i++;
    }
  }
  return score;
}

/**
 * Guess the encoding: a BOM wins; then BOM-less UTF-16; then UTF-8 if every byte
 * sequence is valid UTF-8 (plain ASCII included); else EUC-KR/CP949 when the high
 * bytes pair up as CP949 with mostly Hangul syllables and almost nothing left over
 * (at most one stray byte per 20 pairs); else Windows-1252, which decodes any byte.
 * Western text in CP949 fails fast: an accented letter is followed by ASCII
 * punctuation or a space, which is no CP949 trail byte.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const bom = bomEncoding(bytes);
  if (bom !== null) return { encoding: bom, evidence: 'bom' };
  const utf16 = bomlessUtf16(bytes);
  if (utf16 !== null) return { encoding: utf16, evidence: 'utf-16-zeros' };
  if (isValidUtf8(bytes)) return { encoding: 'utf-8', evidence: 'utf-8' };
  // A UTF-8 file with a stray byte or two (a pasted cp1252 quote, a cut-off character) is
  // still UTF-8: reading it as EUC-KR would turn every "é" into a Hangul syllable.
  const u = scanUtf8(bytes);
  if (u.valid > 0 && u.invalid * UTF8_STRAYS <= u.valid) return { encoding: 'utf-8', evidence: 'utf-8-mostly', valid: u.valid, invalid: u.invalid };
  const k = scoreKorean(bytes);
  if (k.pairs > 0 && k.invalid * 20 <= k.pairs && k.hangul * 2 >= k.pairs) {
    return { encoding: 'euc-kr', evidence: 'hangul', hangul: k.hangul };
  }
  return { encoding: 'windows-1252', evidence: 'fallback' };
}

/** A file is read as UTF-8 when it has at least this many valid multi-byte characters per byte that is no UTF-8 (as the EUC-KR rule allows one stray byte per 20 pairs). */
const UTF8_STRAYS = 20;

/** Multi-byte UTF-8 characters and bytes that start or continue none, in one pass (same rules as isValidUtf8). */
export function scanUtf8(bytes: Uint8Array): { valid: number; invalid: number } {
  const n = bytes.length;
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = sequenceLength(bytes, i);
    if (need === 0) {
      invalid++;
      i++;
    } else {
      valid++;
      i += need;
    }
  }
  return { valid, invalid };
}

/** Length of the valid UTF-8 sequence starting at `i` (2 to 4), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + need >= bytes.length) return 0;
  if (bytes[i + 1] < lo || bytes[i + 1] > hi) return 0;
  for (let k = 2; k <= need; k++) {
    const c = bytes[i + k];
    if (c < 0x80 || c > 0xbf) return 0;
  }
  return need + 1;
}

/**
 * True when this runtime's TextDecoder reads CP949's extension characters. Browsers do
 * (WHATWG's euc-kr is windows-949); Node's ICU EUC-KR does not: it turns 0x8C 0x63 (똠)
 * into U+008C + "c". Checked per file, so the loader can warn instead of garbling silently.
 */
export function decodesCp949Extension(): boolean {
  return new TextDecoder('euc-kr').decode(new Uint8Array([0x8c, 0x63])) === '\uB620';
}
