/** Types of scripts/program-minify.mjs, for vite.config.ts. */
import type { Plugin } from 'vite';
export function programMinify(): Plugin;
