/**
 * Step one of "bring your own CSV": a file's bytes -> RawTable (a rectangle of strings
 * with column names). Size, binary and encoding checks come first, on the bytes; then
 * the bytes are decoded and tokenized chunk by chunk (progress is reported per chunk);
 * then shape.ts reads the header and deals with ragged rows. Errors are values that name
 * the file and, where there is one, the line; nothing here throws on bad input.
 */
import { createChunkDecoder } from './decode';
import { detectDelimiter } from './delimiter';
import { listLines, shapeTable } from './shape';
import { binaryReason, decodesCp949Extension, detectEncoding, otherFormat, scoreKorean, type EncodingGuess } from './sniff';
import { CsvTokenizer } from './tokenize';
import type { CsvEncoding, Delimiter, ParseResult, RawTable, ReadOptions } from './types';
import { msg } from '../../shared/message';

/** Largest file accepted: 200 MB of CSV becomes several times that as JS strings. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;
/** Characters of text the delimiter is guessed from. */
const SAMPLE_CHARS = 64 * 1024;

/**
 * Reject a file that is too large, before reading it: call with `File.size` so the bytes
 * are never loaded. `maxBytes` defaults to MAX_FILE_BYTES.
 */
export function checkFileSize(size: number, fileName: string, maxBytes = MAX_FILE_BYTES): ParseResult<null> {
  if (size > maxBytes) {
    return { ok: false, reason: msg('csv.too-large', { file: fileName, size, max: maxBytes }) };
  }
  return { ok: true, value: null };
}

/** Excel's first line `sep=<delimiter>`: the delimiter, and the line end kept. */
const EXCEL_SEP = /^sep=([,;\t|])[ \t]*(\r\n|\n|\r)/i;

interface Tokenized {
  encoding: CsvEncoding;
  /** Why that encoding (csv.encoding-reason). */
  guess: EncodingGuess | null;
  delimiter: Delimiter;
  records: string[][];
  lines: number[];
  replaced: number;
}

/**
 * Read `bytes` (the whole file) into a RawTable. Options override detection of the
 * encoding, delimiter and header. Never throws: an unexpected exception becomes a
 * reason starting "Unexpected error" (the property tests check there are none).
 */
export function readTable(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): ParseResult<RawTable> {
  try {
    const size = checkFileSize(bytes.length, fileName, options.maxBytes);
    if (!size.ok) return size;
    const tokenized = tokenizeBytes(bytes, fileName, options);
    if (!tokenized.ok) return tokenized;
    const { encoding, guess, delimiter, records, lines, replaced } = tokenized.value;
    // Lines holding a replacement character, before shaping consumes the records (only when some were replaced).
    const replacedLines = replaced > 0 ? linesWith(records, lines, '\uFFFD') : [];
    const shaped = shapeTable(records, lines, fileName, delimiter, options.header ?? 'auto', options.minColumns);
    if (!shaped.ok) return shaped;
    const table: RawTable = { fileName, encoding, delimiter, ...shaped.value };
    table.encodingReason = msg('csv.encoding-reason', {
      file: fileName,
      encoding,
      why: guess?.evidence ?? 'chosen',
      valid: guess?.valid ?? 0,
      invalid: guess?.invalid ?? 0,
      hangul: guess?.hangul ?? 0,
    });
    if (replaced > 0) {
      table.warnings.unshift(msg('csv.replaced-bytes', { file: fileName, count: replaced, encoding, ...listLines(replacedLines) }));
    }
    if (encoding === 'euc-kr' && !decodesCp949Extension()) {
      const extended = scoreKorean(bytes).extended;
      if (extended > 0) {
        table.warnings.unshift(msg('csv.cp949-extension', { file: fileName, count: extended }));
      }
    }
    return { ok: true, value: table };
  } catch (error) {
    return { ok: false, reason: msg('csv.unexpected-read', { file: fileName, detail: String(error) }) };
  }
}

/** The lines of the records holding `mark`, in order (one pass over the cells). */
function linesWith(records: readonly (readonly string[])[], lines: readonly number[], mark: string): number[] {
  const found: number[] = [];
  for (let r = 0; r < records.length; r++) if (records[r].some((cell) => cell.includes(mark))) found.push(lines[r]);
  return found;
}

/** Bytes -> records: checks, encoding, chunked decoding, delimiter, tokenizing. */
function tokenizeBytes(bytes: Uint8Array, fileName: string, options: ReadOptions): ParseResult<Tokenized> {
  if (bytes.length === 0) return { ok: false, reason: msg('csv.no-bytes', { file: fileName }) };
  // JSON and Excel files are common drops: say what they are and how to save them as CSV.
  const other = otherFormat(bytes, fileName);
  if (other !== null) return { ok: false, reason: other };
  const forced = options.encoding !== undefined && options.encoding !== 'auto' ? options.encoding : null;
  const guess = forced === null ? detectEncoding(bytes) : null;
  const encoding = forced ?? guess?.encoding ?? 'utf-8';
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be') {
    const binary = binaryReason(bytes, fileName);
    if (binary !== null) return { ok: false, reason: binary };
  }

  const decoder = createChunkDecoder(encoding);
  const records: string[][] = [];
  const lines: number[] = [];
  const sink = (cells: string[], line: number) => {
    records.push(cells);
    lines.push(line);
  };
  const forcedDelimiter = options.delimiter !== undefined && options.delimiter !== 'auto' ? options.delimiter : null;
  let delimiter: Delimiter | null = forcedDelimiter;
  let tokenizer: CsvTokenizer | null = delimiter === null ? null : new CsvTokenizer(delimiter, sink);
  let sample = '';
  let first = true;
  const feed = (text: string, last: boolean) => {
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a second BOM: TextDecoder drops only one
      // Excel's `sep=;` first line names the delimiter: take it, and leave the line blank (so line numbers stay the file's).
      const sep = EXCEL_SEP.exec(text);
      if (sep !== null) {
        if (delimiter === null) {
          delimiter = sep[1] as Delimiter;
          tokenizer = new CsvTokenizer(delimiter, sink);
        }
        text = text.slice(sep[0].length - sep[2].length);
      }
    }
    if (tokenizer === null) {
      sample += text;
      if (sample.length < SAMPLE_CHARS && !last) return;
      delimiter = detectDelimiter(sample, last);
      tokenizer = new CsvTokenizer(delimiter, sink);
      text = sample;
      sample = '';
    }
    tokenizer.push(text);
  };

  const step = Math.max(1, Math.floor(options.chunkBytes ?? CHUNK_BYTES));
  for (let at = 0; at < bytes.length; at += step) {
    const end = Math.min(bytes.length, at + step);
    feed(decoder.push(bytes.subarray(at, end)), false);
    options.onProgress?.({ fileName, bytesRead: end, totalBytes: bytes.length });
  }
  feed(decoder.end(), true);
  if (tokenizer === null || delimiter === null) return { ok: false, reason: msg('csv.empty', { file: fileName }) };
  const ended = tokenizer.end();
  if (!ended.ok) return { ok: false, reason: msg('csv.unclosed-quote-in', { file: fileName, line: ended.line }) };
  if (records.length === 0) return { ok: false, reason: msg('csv.blank-lines', { file: fileName }) };
  return { ok: true, value: { encoding, guess, delimiter, records, lines, replaced: decoder.replaced } };
}
