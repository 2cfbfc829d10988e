/**
 * The judging program's scripts (src/ml/program/core.js and page.js, inlined as text into
 * the exported HTML) minified when they are imported with `?raw`: the Iris program stays
 * under its 40 KB (the file carries the weights, both languages and its card too). Vite's
 * own minifier (oxc), whitespace and local names only: the two scripts share their
 * top-level names (SPEC, csvCell, the functions), so those are kept.
 */
import { readFileSync } from 'node:fs';
import { minifySync } from 'vite';

const PROGRAM_SCRIPT = /[\\/]src[\\/]ml[\\/]program[\\/](core|page)\.js\?raw$/;

export function programMinify() {
  return {
    name: 'program-minify',
    enforce: 'pre',
    load(id) {
      const match = PROGRAM_SCRIPT.exec(id);
      if (!match) return null;
      const file = id.slice(0, -'?raw'.length);
      const result = minifySync(`${match[1]}.js`, readFileSync(file, 'utf8'), { compress: { target: 'es2020' }, mangle: false, codegen: { removeWhitespace: true } });
      if (result.errors?.length) throw new Error(`${file}: ${result.errors.map((e) => e.message).join('; ')}`);
      return `export default ${JSON.stringify(result.code)};`;
    },
  };
}
