/** Types of scripts/wasm-kernels.mjs, for vite.config.ts. */
import type { Plugin } from 'vite';
export function compileKernels(): Promise<Buffer>;
export function fastKernels(): Plugin;
