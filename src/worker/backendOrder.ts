/**
 * The order the worker tries tfjs backends in, from what it found (no tfjs here, so the
 * rule is unit-tested: tests/unit/backend-order.test.ts). `auto`:
 * - WebGPU first on a hardware adapter, then WebGL on a hardware renderer, then wasm;
 * - WebGL on a hardware renderer, then wasm;
 * - wasm first where WebGL is missing or is a software renderer (SwiftShader, llvmpipe):
 *   there it is 7-20x slower than wasm for these small networks. A software WebGPU
 *   adapter (SwiftShader's, a fallback adapter) is skipped by the same rule.
 * cpu is the last resort. A forced backend (`?backend=`) is tried first, then the chain.
 */
import { msg, type Message } from '../shared/message';
import type { BackendChoice, BackendName } from '../shared/types';

/** The chain after a forced backend; WebGPU only when asked for or found on hardware. */
const ORDER: BackendName[] = ['webgl', 'wasm', 'cpu'];

/** Renderer or adapter names of software rasterisers. */
export const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** What navigator.gpu.requestAdapter() gave: its names joined, and whether it is a fallback (software) adapter. */
export interface GpuAdapterSummary {
  name: string;
  fallback: boolean;
}

export function isSoftwareAdapter(adapter: GpuAdapterSummary): boolean {
  return adapter.fallback || SOFTWARE.test(adapter.name);
}

export function backendOrder(choice: BackendChoice, renderer: string | null, adapter: GpuAdapterSummary | null): { preferred: BackendName[]; why: Message } {
  if (choice !== 'auto') return { preferred: [choice, ...ORDER.filter((b) => b !== choice)], why: msg('app.backend-asked', { backend: choice }) };
  const hardwareWebgl = renderer !== null && !SOFTWARE.test(renderer);
  if (adapter !== null && !isSoftwareAdapter(adapter)) {
    return { preferred: ['webgpu', ...(hardwareWebgl ? ['webgl', 'wasm'] as const : ['wasm', 'webgl'] as const), 'cpu'], why: msg('app.backend-webgpu', { adapter: adapter.name }) };
  }
  if (renderer === null) return { preferred: ['wasm', 'cpu'], why: msg('app.backend-no-webgl') };
  if (!hardwareWebgl) return { preferred: ['wasm', 'webgl', 'cpu'], why: msg('app.backend-software', { renderer: renderer.match(SOFTWARE)?.[0] ?? renderer }) };
  return { preferred: ORDER, why: msg('app.backend-gpu', { renderer }) };
}
