/**
 * Inverted dropout, as tfjs's dropout op (tf.layers.dropout in training): each unit is
 * kept when a uniform draw in [0, 1) is at least the rate, and then scaled by
 * fround(1 / fround(1 - rate)) so the expected output equals the undropped one; a
 * dropped unit is 0. Only the generator differs from tfjs's (mulberry32 here, seeded).
 */

const f = Math.fround;

/**
 * y, mask, out: [n]. Writes mask[i] (0 or the scale, kept for the backward pass) and
 * out[i] = y[i] * mask[i]. rate in [0, 1). Allocates nothing.
 */
export function dropout(y: Float32Array, mask: Float32Array, out: Float32Array, n: number, rate: number, random: () => number): void {
  const scale = f(1 / f(1 - rate));
  for (let i = 0; i < n; i++) {
    const m = random() >= rate ? scale : 0;
    mask[i] = m;
    out[i] = f(y[i] * m);
  }
}

/** The gradient through the dropout, in place: d(y * mask)/dy = mask. dy, mask: [n]. */
export function dropoutBackward(dy: Float32Array, mask: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) dy[i] = f(dy[i] * mask[i]);
}
