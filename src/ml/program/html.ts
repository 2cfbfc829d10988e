/// <reference types="vite/client" />
/**
 * The judging program as one HTML file: the spec and words as JSON, core.js (the
 * arithmetic) and page.js (the page) inlined as one script, program.css as one style, and
 * a Content-Security-Policy that allows nothing else: no network at all
 * (`default-src 'none'`), the script and the style only by their SHA-256 hashes.
 * No tfjs, no React: the file is small (Iris ~30 KB, MNIST's network ~600 KB of base64 weights).
 */
import { makeCsvCell } from '../csv/export';
import type { ProgramWords } from '../../shared/program';
import core from './core.js?raw';
import page from './page.js?raw';
import style from './program.css?raw';
import { cspHash } from './sha256';
import type { ProgramData } from './spec';

/**
 * JSON safe inside a <script>: `<` as \u003c, so no `</script>` or `<!--` can close or
 * bend the element, whatever the names in the data say; U+2028/9 escaped for old parsers.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** CSS without line breaks and the spaces around its punctuation (program.css has no strings). */
export function compactCss(source: string): string {
  return source.replace(/\s*\n\s*/g, '').replace(/\s*([{};:,>])\s*/g, '$1').replace(/;}/g, '}');
}

// Minified when imported (scripts/program-minify.mjs, a plugin of vite.config.ts, so in the
// build and under Vitest alike); multi-line template literals in them stay as they are.
const CORE = core;
const PAGE = page;
const STYLE = compactCss(style);

/** The script's part without the page: data, the app's cell writer (its own source), the arithmetic (tests run it under node:vm). */
export function programCore(data: ProgramData): string {
  return ['"use strict";', `const SPEC = ${scriptJson(data)};`, `const csvCell = (${makeCsvCell.toString()})();`, CORE].join('\n');
}

/** The script of the file: the core, the words, the page. */
export function programScript(data: ProgramData, words: { en: ProgramWords; ko: ProgramWords }): string {
  return [programCore(data), `const WORDS = ${scriptJson(words)};`, PAGE].join('\n');
}

/** The whole file. `data.stem` names it; nothing in it is fetched. */
export function programHtml(data: ProgramData, words: { en: ProgramWords; ko: ProgramWords }): string {
  const script = programScript(data, words);
  const csp = `default-src 'none'; script-src ${cspHash(script)}; style-src ${cspHash(STYLE)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="${data.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nn-classifier-playground judging program v${data.version}">
<title>${escapeText(data.stem)}</title>
<style>${STYLE}</style>
</head>
<body>
<div id="program"></div>
<script>${script}</script>
</body>
</html>
`;
}

/** Text for an HTML text position (the title, until the script words it). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
