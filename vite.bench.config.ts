import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds bench/ (the plain-tfjs reference page) apart from the app, for scripts/bench.mjs. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'bench'),
  publicDir: resolve(import.meta.dirname, 'public'),
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, 'dist-bench'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    rollupOptions: { input: resolve(import.meta.dirname, 'bench/reference.html') },
  },
});
