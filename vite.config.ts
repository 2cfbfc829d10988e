import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { buildServiceWorker } from './scripts/build-sw.mjs';
import { fastKernels } from './scripts/wasm-kernels.mjs';
import { programMinify } from './scripts/program-minify.mjs';

/**
 * Content-Security-Policy of the built app (tests/e2e/security.spec.ts checks a whole session
 * raises no violation on each backend). Why each directive:
 * - default-src 'none': anything not listed below (fonts, media, frames, manifests) is refused.
 * - script-src 'self' 'wasm-unsafe-eval': our own module chunks only, no inline script, no eval;
 *   WebAssembly compilation for the tfjs wasm backend (needed wherever the policy reaches the
 *   worker, i.e. when a host also sends it as a header).
 * - worker-src 'self': the training worker chunk and /sw.js; no blob: workers.
 * - connect-src 'self': fetch() of public/data and the self-hosted .wasm files, nothing else.
 * - img-src 'self' data:: the favicon, and the MNIST digits (PNG data URLs drawn on one
 *   scratch canvas, src/components/mnist/DigitImage.tsx). The learning curves are canvases, the
 *   ROC and precision-recall curves inline SVG.
 * - style-src 'self': the CSS chunk. React and recharts set styles through the CSSOM
 *   (element.style), which CSP does not govern, so no 'unsafe-inline'.
 * - object-src 'none', base-uri 'none', form-action 'none': no plugins, no <base> hijack, the
 *   predict form never submits anywhere.
 * A <meta> policy does not reach the training worker (a worker takes its policy from its own
 * response's headers) and cannot carry frame-ancestors. A host that can set headers should
 * also send CSP_HEADER on every response; `vite preview` does, so the tests run tfjs in the
 * worker under the policy too.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
/** The header form: frame-ancestors 'none' refuses being framed (clickjacking). */
const CSP_HEADER = `${CSP}; frame-ancestors 'none'`;

/** The CSP as a <meta>, in the build only: the dev server injects inline scripts (React refresh). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

/** After each app build, <outDir>/sw.js: the offline service worker and its precache list. */
function serviceWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'service-worker',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    // writeBundle runs once the bundle and the public dir are in outDir (and not after a failed build).
    writeBundle: async () => {
      await buildServiceWorker(outDir);
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), serviceWorker(), fastKernels(), programMinify()],
  // The worker is an ES module chunk of its own: tfjs lives there, never in the page's bundle.
  // fastKernels: the fused engine's SIMD kernels, compiled from assembly/kernels.ts (the worker imports them).
  worker: { format: 'es', plugins: () => [fastKernels(), programMinify()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
  server: { host: '127.0.0.1' },
  // The CSP as a header too (see CSP above), so tests cover the worker and frame-ancestors.
  preview: { headers: { 'Content-Security-Policy': CSP_HEADER } },
  test: {
    // The benches (tests/bench: timings and hour-long quality runs) only through npm run bench:*.
    include: process.env.VITEST_BENCH ? ['tests/bench/**/*.test.ts'] : ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
