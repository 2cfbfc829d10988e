/**
 * Choosing the tfjs backend inside the worker. `auto` takes WebGPU on a hardware adapter,
 * else WebGL on a real GPU, and wasm when WebGL is missing or is a software renderer
 * (SwiftShader, llvmpipe), where it is 7-20x slower than wasm for these small networks;
 * cpu is the last resort (the order: backendOrder.ts). A forced backend (`?backend=`) is
 * honoured when it initialises, else the same chain. The WebGPU backend's code is loaded
 * only when it is tried.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Self-hosted wasm binaries: Vite emits them as assets, fetched only if wasm is chosen.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { MessageError, msg, type Message } from '../shared/message';
import type { BackendChoice, BackendName } from '../shared/types';
import { backendOrder, isSoftwareAdapter, SOFTWARE, type GpuAdapterSummary } from './backendOrder';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export interface BackendPick {
  backend: BackendName;
  /** The backend runs on a hardware GPU (WebGL or WebGPU, not a software renderer): only then may tfjs take large networks. */
  hardwareGpu: boolean;
  reason: Message;
}

/** The WebGL renderer's name, or null when the worker has no WebGL at all. */
function webglRenderer(): string | null {
  try {
    if (typeof OffscreenCanvas === 'undefined') return null;
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') ?? new OffscreenCanvas(1, 1).getContext('webgl');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return String(name);
  } catch {
    return null;
  }
}

/** The parts of WebGPU's adapter read here (the worker's lib has no WebGPU types). */
interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
}

/** WebGPU's default adapter, named, or null without WebGPU (or when asking takes over 2 s). */
async function webgpuAdapter(): Promise<GpuAdapterSummary | null> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<AdapterLike | null> } }).gpu;
  if (!gpu) return null;
  try {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000));
    const adapter = await Promise.race([gpu.requestAdapter(), timeout]);
    if (!adapter) return null;
    const info = adapter.info ?? {};
    const name = [info.vendor, info.architecture, info.device, info.description].filter((s) => s).join(' ') || 'WebGPU';
    return { name, fallback: Boolean(adapter.isFallbackAdapter ?? info.isFallbackAdapter) };
  } catch {
    return null;
  }
}

async function trySet(name: BackendName): Promise<boolean> {
  try {
    // Registers the 'webgpu' backend; its own chunk, fetched only here.
    if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return tf.getBackend() === name;
  } catch {
    return false;
  }
}

export async function chooseBackend(choice: BackendChoice): Promise<BackendPick> {
  const renderer = webglRenderer();
  const adapter = choice === 'auto' || choice === 'webgpu' ? await webgpuAdapter() : null;
  const { preferred, why } = backendOrder(choice, renderer, choice === 'auto' ? adapter : null);
  const failed: BackendName[] = [];
  for (const name of preferred) {
    if (await trySet(name)) {
      // The same rule as the order's: a software renderer or adapter is no GPU to hand large products to.
      const hardwareGpu = name === 'webgl' ? renderer !== null && !SOFTWARE.test(renderer) : name === 'webgpu' ? adapter !== null && !isSoftwareAdapter(adapter) : false;
      return { backend: name, hardwareGpu, reason: failed.length > 0 ? msg('app.backend-fallback', { reason: why, failed }) : why };
    }
    failed.push(name);
  }
  throw new MessageError(msg('app.backend-none', { tried: failed }));
}

/** The WebGL context tfjs's webgl backend draws with, when that backend is in use. */
function webglContext(): WebGL2RenderingContext | WebGLRenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } };
  return backend.gpgpu?.gl ?? null;
}

/**
 * Call `onLost` once if the WebGL context is lost (a GPU reset on a laptop, a driver
 * update): tensors on it are gone, so the worker must move to another backend.
 */
export function watchContextLoss(onLost: () => void): void {
  // In a worker tfjs draws on an OffscreenCanvas; the WebWorker lib does not type gl.canvas.
  const canvas = (webglContext() as unknown as { canvas?: OffscreenCanvas } | null)?.canvas;
  if (!canvas) return;
  canvas.addEventListener('webglcontextlost', (event: Event) => {
    event.preventDefault();
    onLost();
  }, { once: true });
}

/** Fault injection for the browser tests: lose the context through WEBGL_lose_context. */
export function loseWebglContext(): boolean {
  const lose = webglContext()?.getExtension('WEBGL_lose_context');
  lose?.loseContext();
  return Boolean(lose);
}
