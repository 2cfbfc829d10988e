/** Operands for the fused engine's kernel tests (fast-simd, fast-layers): seeded, with MNIST-like zeros and, when asked, the awkward floats. */
import { mulberry32 } from '../../src/ml/model/rng';

/** Values a kernel must treat as the JS loops do: signed zeros, NaN, infinities, a subnormal. */
export const SPECIAL = [0, -0, NaN, Infinity, -Infinity, 1e-45, -3.5];

/** `n` values in (-2, 2), a `zeros` share of them exactly 0 (MNIST's background), and when `special`, one in nine from SPECIAL. */
export function operand(n: number, zeros: number, seed: number, special = false): Float32Array {
  const random = mulberry32(seed);
  return Float32Array.from({ length: n }, (_, i) => {
    if (special && i % 9 === 4) return SPECIAL[Math.floor(random() * SPECIAL.length)];
    return random() < zeros ? 0 : (random() - 0.5) * 4;
  });
}
