/** Types of scripts/build-sw.mjs, for vite.config.ts. */
export interface PrecacheManifest {
  /** Hash of the precached files' paths and contents. */
  version: string;
  /** URLs relative to sw.js; `./` is index.html. */
  urls: string[];
}
export function precacheManifest(outDir: string): PrecacheManifest;
export function buildServiceWorker(outDir: string): Promise<PrecacheManifest>;
