/**
 * Choosing the tfjs backend inside the worker. `auto` takes WebGL on a real GPU, and
 * wasm when WebGL is missing or is a software renderer (SwiftShader, llvmpipe), where
 * it is 7-20x slower than wasm for these small networks; cpu is the last resort.
 * A forced backend (`?backend=`) is honoured when it initialises, else the same chain.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Self-hosted wasm binaries: Vite emits them as assets, fetched only if wasm is chosen.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { MessageError, msg, type Message } from '../shared/message';
import type { BackendChoice, BackendName } from '../shared/types';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

const ORDER: BackendName[] = ['webgl', 'wasm', 'cpu'];

export interface BackendPick {
  backend: BackendName;
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

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

async function trySet(name: BackendName): Promise<boolean> {
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return tf.getBackend() === name;
  } catch {
    return false;
  }
}

export async function chooseBackend(choice: BackendChoice): Promise<BackendPick> {
  const renderer = webglRenderer();
  let preferred: BackendName[];
  let why: Message;
  if (choice !== 'auto') {
    preferred = [choice, ...ORDER.filter((b) => b !== choice)];
    why = msg('app.backend-asked', { backend: choice });
  } else if (renderer === null) {
    preferred = ['wasm', 'cpu'];
    why = msg('app.backend-no-webgl');
  } else if (SOFTWARE.test(renderer)) {
    preferred = ['wasm', 'webgl', 'cpu'];
    why = msg('app.backend-software', { renderer: renderer.match(SOFTWARE)?.[0] ?? renderer });
  } else {
    preferred = ORDER;
    why = msg('app.backend-gpu', { renderer });
  }
  const failed: BackendName[] = [];
  for (const name of preferred) {
    if (await trySet(name)) return { backend: name, reason: failed.length > 0 ? msg('app.backend-fallback', { reason: why, failed }) : why };
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
