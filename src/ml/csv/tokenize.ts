/**
 * Text -> records of cells (RFC 4180 quoting), fed in chunks of any size.
 *
 * Hand-written rather than papaparse because the loader needs two things papaparse's
 * string mode does not give: text pushed in pieces as the decoder produces it (a
 * quoted field may span chunks), and the 1-based physical line on which each record
 * starts (quoted newlines count), so every error can name a line.
 *
 * Lenient where spreadsheets are sloppy: a quote inside an unquoted field is literal,
 * text after a closing quote is appended, CR, LF and CRLF all end a line, blank lines
 * are skipped. Strict where data would be lost: an unterminated quote is an error.
 */
import type { ParseResult } from './types';
import { msg } from '../../shared/message';

/** Receives each non-blank record: its cells (untrimmed) and the line it starts on. */
export type RecordSink = (cells: string[], line: number) => void;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Tokenizer states, as small integers for the hot loop. */
const START = 0; // at the start of a value
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3; // a quote inside a quoted value: its end, or the first of a doubled quote
type State = typeof START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_SEEN;

export class CsvTokenizer {
  private state: State = START;
  /** Text of the current field carried from earlier chunks (or before an escaped quote). */
  private partial = '';
  private cells: string[] = [];
  /** Physical line being read; the line the current record started on; where an open quote began. */
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  /** The previous chunk ended in a CR outside quotes: a leading LF belongs to it. */
  private afterCr = false;
  /** The previous character (inside quotes) was a CR: a following LF is the same line end. */
  private prevCr = false;
  private readonly delim: number;

  constructor(
    delimiter: string,
    private readonly sink: RecordSink,
  ) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Tokenize the next piece of text. Tight inner loops: this is most of a large file's parse time. */
  push(text: string): void {
    const n = text.length;
    if (n === 0) return;
    const d = this.delim;
    let state = this.state;
    let i = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    let start = i;
    while (i < n) {
      if (state === START) {
        if (text.charCodeAt(i) === QUOTE) {
          state = QUOTED;
          this.quoteLine = this.line;
          this.prevCr = false;
          start = ++i;
          continue;
        }
        state = UNQUOTED;
        start = i;
      }
      if (state === UNQUOTED) {
        let c = 0;
        while (i < n) {
          c = text.charCodeAt(i);
          if (c === d || c === LF || c === CR) break;
          i++;
        }
        if (i === n) break;
        this.cells.push(this.take(text, start, i));
        state = START;
        if (c !== d) {
          this.endRecord();
          if (c === CR) {
            if (i + 1 === n) this.afterCr = true;
            else if (text.charCodeAt(i + 1) === LF) i++;
          }
        }
        start = ++i;
      } else if (state === QUOTED) {
        let prevCr = this.prevCr;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) break;
          if (c === CR || (c === LF && !prevCr)) this.line++;
          prevCr = c === CR;
          i++;
        }
        this.prevCr = prevCr;
        if (i === n) break;
        this.partial += text.slice(start, i);
        state = QUOTE_SEEN;
        i++;
      } else if (text.charCodeAt(i) === QUOTE) {
        // QUOTE_SEEN then a quote: an escaped quote inside the quoted value.
        this.partial += '"';
        state = QUOTED;
        this.prevCr = false;
        start = ++i;
      } else {
        // QUOTE_SEEN then anything else: the value goes on unquoted (a delimiter or line end closes it).
        state = UNQUOTED;
        start = i;
      }
    }
    if (state === UNQUOTED || state === QUOTED) this.partial += text.slice(start);
    this.state = state;
  }

  /** End of input: emits the last record; fails on a quote that was never closed, naming the line it opened on. */
  end(): { ok: true } | { ok: false; line: number } {
    if (this.state === QUOTED) return { ok: false, line: this.quoteLine };
    if (this.state !== START || this.cells.length > 0) {
      this.cells.push(this.partial);
      this.partial = '';
      this.endRecord();
    }
    this.state = START;
    return { ok: true };
  }

  private take(text: string, start: number, end: number): string {
    if (this.partial === '') return text.slice(start, end);
    const value = this.partial + text.slice(start, end);
    this.partial = '';
    return value;
  }

  private endRecord(): void {
    const cells = this.cells;
    this.cells = [];
    const line = this.recordLine;
    this.line++;
    this.recordLine = this.line;
    if (cells.length === 1 && cells[0].trim() === '') return; // blank line
    this.sink(cells, line);
  }
}

/** Parse a whole text into records; `lines[r]` is the line record r starts on. */
export function parseCsvText(
  text: string,
  delimiter: string = ',',
): ParseResult<{ records: string[][]; lines: number[] }> {
  const records: string[][] = [];
  const lines: number[] = [];
  const tokenizer = new CsvTokenizer(delimiter, (cells, line) => {
    records.push(cells);
    lines.push(line);
  });
  tokenizer.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const ended = tokenizer.end();
  return ended.ok ? { ok: true, value: { records, lines } } : { ok: false, reason: msg('csv.unclosed-quote', { line: ended.line }) };
}
