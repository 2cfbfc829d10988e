/**
 * Vite (and Vitest) plugin: `import kernels from 'virtual:fast-kernels'` is the fused
 * engine's SIMD kernels (assembly/kernels.ts, the products; assembly/layers.ts, whole
 * layers around them; both entry files, so both export) compiled by AssemblyScript's `asc` from
 * npm, as a base64 string. Inlined, not emitted as a .wasm asset, so the worker and
 * Node compile it synchronously (new WebAssembly.Module) with no fetch and no asset
 * path: FastDenseNet is built synchronously, and the module is under 2 KB.
 * The compiled bytes are cached in node_modules/.cache/fast-kernels by a hash of the
 * source and the options, so Vitest and repeated builds do not pay asc's seconds again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['kernels.ts', 'layers.ts'];
const CACHE = join(ROOT, 'node_modules', '.cache', 'fast-kernels');
const ID = 'virtual:fast-kernels';
const RESOLVED = `\0${ID}`;
/** asc options: optimised, no garbage collector (the kernels allocate nothing), SIMD on. */
const OPTIONS = { optimizeLevel: 3, shrinkLevel: 0, runtime: 'stub', noAssert: true, enable: ['simd'], initialMemory: 1 };

/** The kernels' wasm bytes, compiled from assembly/kernels.ts (or from the cache). */
export async function compileKernels() {
  const sources = Object.fromEntries(SOURCES.map((name) => [name, readFileSync(join(ROOT, 'assembly', name), 'utf8')]));
  const ascPackage = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'assemblyscript', 'package.json'), 'utf8'));
  const key = createHash('sha256').update(JSON.stringify(sources)).update(JSON.stringify(OPTIONS)).update(ascPackage.version).digest('hex').slice(0, 16);
  const cached = join(CACHE, `${key}.wasm`);
  try {
    return readFileSync(cached);
  } catch {
    /* not compiled yet */
  }
  const { default: asc } = await import('assemblyscript/asc');
  const result = await asc.compileString(sources, OPTIONS);
  if (result.error || !result.binary) throw new Error(`assembly/${SOURCES.join(', ')} did not compile:\n${result.stderr.toString()}`);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(cached, result.binary);
  return Buffer.from(result.binary);
}

export function fastKernels() {
  return {
    name: 'fast-kernels',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    async load(id) {
      if (id !== RESOLVED) return null;
      for (const name of SOURCES) this.addWatchFile(join(ROOT, 'assembly', name));
      const bytes = await compileKernels();
      return `export default ${JSON.stringify(bytes.toString('base64'))};`;
    },
  };
}
