/**
 * Which tfjs backend the worker tries first (src/worker/backendOrder.ts) and which engine
 * `auto` then takes (src/ml/engines/choose.ts): WebGPU only on a hardware adapter, the
 * software rule of WebGL applied to WebGPU adapters, tfjs kernels for large networks on
 * either GPU backend, and the fused loops' SIMD products unless the JS loops are asked for.
 */
import { describe, expect, it } from 'vitest';
import { backendOrder, isSoftwareAdapter } from '../../src/worker/backendOrder';
import { chooseEngine } from '../../src/ml/engines/choose';
import type { ClassificationData } from '../../src/ml/datasets/data';
import type { ModelConfig } from '../../src/shared/types';

const HARDWARE = { name: 'nvidia ampere NVIDIA GeForce RTX 3060', fallback: false };
const SWIFTSHADER = { name: 'google swiftshader SwiftShader Device (Subzero)', fallback: false };
const FALLBACK = { name: 'some vendor', fallback: true };
const ANGLE = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11)';
const SOFTWARE_GL = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)';

describe('backendOrder', () => {
  it('puts WebGPU first on a hardware adapter, then WebGL on a hardware renderer', () => {
    expect(backendOrder('auto', ANGLE, HARDWARE)).toEqual({
      preferred: ['webgpu', 'webgl', 'wasm', 'cpu'],
      why: { code: 'app.backend-webgpu', params: { adapter: HARDWARE.name } },
    });
    expect(backendOrder('auto', SOFTWARE_GL, HARDWARE).preferred).toEqual(['webgpu', 'wasm', 'webgl', 'cpu']);
    expect(backendOrder('auto', null, HARDWARE).preferred).toEqual(['webgpu', 'wasm', 'webgl', 'cpu']);
  });

  it('skips a software adapter (SwiftShader, a fallback adapter) as it skips a software WebGL', () => {
    expect(isSoftwareAdapter(SWIFTSHADER)).toBe(true);
    expect(isSoftwareAdapter(FALLBACK)).toBe(true);
    expect(isSoftwareAdapter(HARDWARE)).toBe(false);
    for (const adapter of [SWIFTSHADER, FALLBACK, null]) {
      expect(backendOrder('auto', SOFTWARE_GL, adapter)).toEqual({
        preferred: ['wasm', 'webgl', 'cpu'],
        why: { code: 'app.backend-software', params: { renderer: 'SwiftShader' } },
      });
      expect(backendOrder('auto', ANGLE, adapter).preferred).toEqual(['webgl', 'wasm', 'cpu']);
      expect(backendOrder('auto', null, adapter).preferred).toEqual(['wasm', 'cpu']);
    }
  });

  it('tries a forced backend first, WebGPU included, then the usual chain', () => {
    expect(backendOrder('webgpu', SOFTWARE_GL, null).preferred).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(backendOrder('wasm', ANGLE, HARDWARE)).toEqual({ preferred: ['wasm', 'webgl', 'cpu'], why: { code: 'app.backend-asked', params: { backend: 'wasm' } } });
  });
});

describe('chooseEngine on the GPU backends', () => {
  const data = { featureNames: Array.from({ length: 784 }, (_, i) => `p${i}`), classNames: Array.from({ length: 10 }, (_, i) => String(i)) } as unknown as ClassificationData;
  const mnist = { hiddenUnits: [128, 32], batchSize: 100 } as ModelConfig;
  const small = { hiddenUnits: [10], batchSize: 8 } as ModelConfig;

  it('leaves a large network to tfjs on WebGPU as on WebGL, and keeps the fused loops elsewhere', () => {
    expect(chooseEngine(data, mnist, 'auto', 'webgpu', true)).toMatchObject({ name: 'tfjs', reason: { code: 'train.engine-gpu' } });
    expect(chooseEngine(data, mnist, 'auto', 'webgl', true).name).toBe('tfjs');
    expect(chooseEngine(data, small, 'auto', 'webgpu', true)).toMatchObject({ name: 'fused', loops: 'simd' });
    expect(chooseEngine(data, mnist, 'auto', 'wasm', true)).toMatchObject({ name: 'fused', loops: 'simd', reason: { code: 'train.engine-fused-simd' } });
  });

  it('keeps the fused loops on a GPU backend asked for by name that runs on a software renderer', () => {
    expect(chooseEngine(data, mnist, 'auto', 'webgl', true, false)).toMatchObject({ name: 'fused', loops: 'simd', reason: { code: 'train.engine-fused-simd' } });
    expect(chooseEngine(data, mnist, 'auto', 'webgpu', false, false)).toMatchObject({ name: 'fused', loops: 'js' });
    expect(chooseEngine(data, mnist, 'tfjs', 'webgl', true, false).name).toBe('tfjs');
  });

  it('takes the JS loops without SIMD, or when fused-js is asked for', () => {
    expect(chooseEngine(data, mnist, 'auto', 'wasm', false)).toMatchObject({ name: 'fused', loops: 'js', reason: { code: 'train.engine-fused' } });
    expect(chooseEngine(data, mnist, 'fused-js', 'wasm', true)).toEqual({ name: 'fused', loops: 'js', reason: { code: 'train.engine-asked', params: { engine: 'fused-js' } } });
    expect(chooseEngine(data, mnist, 'fused', 'webgl', true)).toMatchObject({ name: 'fused', loops: 'simd' });
  });
});
