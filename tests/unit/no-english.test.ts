/**
 * src/ml and src/worker tell a person things as message codes (src/shared/message.ts),
 * worded on the page in English and Korean. This test reads their source and fails on a
 * string or template literal that looks like an English sentence, so a new one cannot
 * slip past the Korean page. Comments are skipped; file contents meant for another
 * program (the Python export, the history CSV) are allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const SCANNED = ['src/ml', 'src/worker'];

/** Files whose English text is file content for another program, not words for the page. */
const FILE_CONTENTS: readonly string[] = [
  'src/ml/checkpoint/python.ts',
  'src/ml/checkpoint/pythonCsv.ts',
  'src/ml/checkpoint/pythonData.ts',
  'src/ml/checkpoint/pyLiteral.ts',
  'src/ml/checkpoint/history.ts',
  // The judging program's HTML skeleton; the words it shows come from the page (programMessages.ts).
  'src/ml/program/html.ts',
];

/**
 * Literals allowed as they are: [file, how the literal starts]. The TensorFlow tutorial's
 * printed output, verbatim; and the guards of the training loops' own invariants (a
 * programmer's error, never a person's input: the page validates every setting and file
 * before they reach these, and if one fires anyway it shows as `app.unexpected` with this
 * text), which stay plain Errors in the hot loop's code.
 */
const VERBATIM: readonly (readonly [string, string])[] = [
  ['src/ml/mnist/model.ts', 'Num examples: '],
  ['src/ml/engines/reference.ts', 'The optimizer returned no loss.'],
  ['src/ml/fast/batch.ts', 'Batch buffers hold'],
  ['src/ml/fast/batch.ts', 'Row index'],
  ['src/ml/fast/net.ts', 'Layer widths must be'],
  ['src/ml/fast/net.ts', '  hidden layers need'],
  ['src/ml/fast/net.ts', 'The dropout rate must be'],
  ['src/ml/fast/net.ts', 'The L2 penalty must be'],
  ['src/ml/fast/net.ts', 'Expected   weight arrays'],
  ['src/ml/fast/net.ts', 'Weight   has'],
  ['src/ml/fast/net.ts', 'labels has'],
  // A regression's invariants (its splits carry targets, it has one output): programming errors, never a person's.
  ['src/ml/fast/net.ts', 'A regression has one output'],
  ['src/ml/fast/net.ts', 'A regression step needs'],
  ['src/ml/fast/net.ts', '  has   values; a batch of'],
  ['src/ml/datasets/data.ts', 'A regression split needs'],
  ['src/ml/engines/fused.ts', 'A regression data set needs'],
  ['src/ml/fast/net.ts', 'The row count must be'],
  ['src/ml/fast/net.ts', 'x has'],
  ['src/ml/train/batches.ts', 'A batch stream needs'],
  ['src/ml/train/batches.ts', 'Batch size must be'],
  ['src/ml/train/batches.ts', 'A batch buffer must hold'],
];

const allowed = (path: string) => FILE_CONTENTS.includes(path);

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** A literal of the source: its text (a template's `${...}` parts as one space) and its line. */
interface Literal {
  text: string;
  template: boolean;
  line: number;
}

/** Keywords after which `/` starts a regular expression, not a division. */
const BEFORE_REGEX = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/;

/**
 * The string and template literals of TypeScript source, skipping comments and regular
 * expressions (also inside a template's `${...}`). A small scanner, not a parser: enough
 * for this code base's style.
 */
function literals(source: string): Literal[] {
  const out: Literal[] = [];
  const n = source.length;
  let i = 0;
  let line = 1;
  /** The last code characters seen (comments removed), to tell a regex from a division. */
  let recent = '';
  const take = (to: number) => {
    for (let k = i; k < to; k++) if (source[k] === '\n') line++;
    recent = (recent + source.slice(i, to)).slice(-64);
    i = to;
  };
  const skip = (to: number) => {
    for (let k = i; k < to; k++) if (source[k] === '\n') line++;
    i = to;
  };

  /** Code from i up to an unmatched `}` (consumed) when `inTemplate`, else to the end. */
  const code = (inTemplate: boolean): void => {
    let depth = 0;
    while (i < n) {
      const c = source[i];
      const next = source[i + 1];
      if (c === '/' && next === '/') {
        const end = source.indexOf('\n', i);
        skip(end < 0 ? n : end);
      } else if (c === '/' && next === '*') {
        const end = source.indexOf('*/', i + 2);
        skip(end < 0 ? n : end + 2);
      } else if (c === "'" || c === '"') {
        let k = i + 1;
        while (k < n && source[k] !== c && source[k] !== '\n') k += source[k] === '\\' ? 2 : 1;
        out.push({ text: source.slice(i + 1, k), template: false, line });
        take(k + 1);
      } else if (c === '`') {
        template();
      } else if (c === '/') {
        const before = recent.trimEnd();
        if (before !== '' && !/[(,=:[!&|?{};+\-*%<>~^]$/.test(before) && !BEFORE_REGEX.test(before)) {
          take(i + 1);
          continue;
        }
        let k = i + 1;
        let inClass = false;
        while (k < n && source[k] !== '\n' && (inClass || source[k] !== '/')) {
          if (source[k] === '\\') k++;
          else if (source[k] === '[') inClass = true;
          else if (source[k] === ']') inClass = false;
          k++;
        }
        take(k + 1);
      } else if (c === '{') {
        depth++;
        take(i + 1);
      } else if (c === '}') {
        if (inTemplate && depth === 0) {
          take(i + 1);
          return;
        }
        depth--;
        take(i + 1);
      } else take(i + 1);
    }
  };

  /** A template from i (at its backtick); its `${...}` parts count as one space. */
  const template = (): void => {
    const start = line;
    let text = '';
    take(i + 1);
    while (i < n && source[i] !== '`') {
      if (source[i] === '\\') {
        text += source.slice(i, i + 2);
        take(i + 2);
      } else if (source[i] === '$' && source[i + 1] === '{') {
        take(i + 2);
        code(true);
        text += ' ';
      } else {
        text += source[i];
        take(i + 1);
      }
    }
    out.push({ text, template: true, line: start });
    take(i + 1);
  };

  code(false);
  return out;
}

/** A word of a sentence: letters, maybe with an apostrophe, maybe bracketed or followed by punctuation. */
const WORD = /^[("“]?[A-Za-z]+(?:'[a-z]+)?[)"”,.;:!?]*$/;

/** Three or more words in a row: how an English sentence (or a piece of one) looks. */
function looksEnglish(literal: Pick<Literal, 'text' | 'template'>): boolean {
  if (/[A-Z][a-z]+ [a-z]+ [a-z]+ [a-z]+/.test(literal.text)) return true;
  let run = 0;
  let words = 0;
  for (const token of literal.text.split(/\s+/)) {
    if (token === '') continue;
    if (WORD.test(token)) {
      run++;
      words++;
      if (run >= 3) return true;
    } else run = 0;
  }
  return literal.template && words >= 3;
}

describe('no English sentences in the worker and src/ml', () => {
  it('the scanner finds literals and skips comments and regular expressions', () => {
    const source = [
      "// a comment that says quite a few words",
      "/* and a block comment with more words */",
      "const re = /it's not a string/g;",
      "const s = 'x' + \"y\";",
      "const t = `a ${'nested one'} b`;",
      "const d = a / b / c;",
      "const e = `\"${v.replace(/\"/g, '\"\"')}\"`;",
    ].join('\n');
    expect(literals(source).map((l) => l.text)).toEqual(['x', 'y', 'nested one', 'a   b', '""', '" "']);
  });

  it.each([
    ['Dropped 3 rows of data.csv without a label.', false, true],
    ['every value is missing', false, true],
    [' is empty: choose a CSV file', true, true],
    [' has   rows', true, false],
    [' rows ', true, false],
    ['csv.ragged-row', false, false],
    ['predicted class', false, false],
    ['QuotaExceededError', false, false],
  ])('%j (template %s) looks English: %s', (text, template, english) => {
    expect(looksEnglish({ text, template })).toBe(english);
  });

  const files = SCANNED.flatMap(tsFiles)
    .map((path) => relative(ROOT, join(ROOT, path)).split(sep).join('/'))
    .filter((path) => !allowed(path));

  it('scans the converted files', () => {
    expect(files).toContain('src/ml/csv/readTable.ts');
    expect(files).toContain('src/ml/datasets/tfCsv.ts');
    expect(files).not.toContain('src/ml/checkpoint/python.ts');
  });

  it.each(files)('%s has no English sentence for a person', (path) => {
    const found = literals(readFileSync(join(ROOT, path), 'utf8'))
      .filter((l) => looksEnglish(l) && !VERBATIM.some(([file, start]) => file === path && l.text.startsWith(start)))
      .map((l) => `${path}:${l.line}: ${l.template ? '`' : "'"}${l.text}`);
    expect(found, 'send a message code (src/shared/messages/) instead of an English sentence').toEqual([]);
  });
});
