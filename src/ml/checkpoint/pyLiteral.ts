/**
 * Python literals for values that come from a person's data (column names, class
 * names, file names, vocabularies). Every string is written as an ASCII-only
 * double-quoted literal with every character outside printable ASCII escaped, so no
 * quote, backslash, newline, `'''`, NUL or Unicode trick can end the literal early or
 * change what the script does; the text inside round-trips exactly (surrogates too).
 */

/** `value` as a Python str literal: "..." with \\, \", \n, \xHH, \uHHHH, \UHHHHHHHH escapes. */
export function pyStr(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code < 0x100) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    // One escape per code point: Python does not pair "\ud83d\ude00" into one character.
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** A number as a Python literal: ints and floats as JS writes them, non-finite as float(). */
export function pyNum(value: number): string {
  if (Number.isNaN(value)) return 'float("nan")';
  if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
  return String(value);
}

/** A float literal even for whole numbers (2 -> 2.0), for values Python should treat as floats. */
export function pyFloat(value: number): string {
  const s = pyNum(value);
  return Number.isInteger(value) && !/e/i.test(s) ? `${s}.0` : s;
}

export const pyBool = (value: boolean) => (value ? 'True' : 'False');

/** Plain data (JSON-like: null, booleans, numbers, strings, arrays, objects) as a Python literal. */
export function pyValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return pyBool(value);
  if (typeof value === 'number') return pyNum(value);
  if (typeof value === 'string') return pyStr(value);
  if (Array.isArray(value)) return `[${value.map(pyValue).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyStr(k)}: ${pyValue(v)}`).join(', ')}}`;
  }
  throw new Error(`No Python literal for a ${typeof value}.`);
}

/** A list literal with one item per line (long vocabularies stay readable and diffable). */
export function pyLines(items: readonly string[], indent = '    '): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((item) => `${indent}${item},`).join('\n')}\n]`;
}
