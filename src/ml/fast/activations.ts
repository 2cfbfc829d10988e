/**
 * Hidden-layer activations and their derivatives, written as the tfjs cpu kernels
 * compute them (each intermediate rounded to float32), so the fused step matches a
 * tfjs Dense layer. All derivatives are taken from the layer's output y, as tfjs's
 * gradients are: relu through step(y), tanh through 1 - y², sigmoid through y(1 - y).
 */

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';

const f = Math.fround;

/**
 * z [rows, cols] holds a · w; adds the bias [cols] and applies the activation in place:
 * y[r, j] = act(fround(z[r, j] + bias[j])) (tfjs: matMul, then add, then the activation).
 */
export function addBiasActivate(z: Float32Array, bias: Float32Array, rows: number, cols: number, act: Activation): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    switch (act) {
      case 'linear':
        for (let j = 0; j < cols; j++) z[o + j] += bias[j];
        break;
      case 'relu':
        // Math.max(0, NaN) is NaN, as in tfjs's Relu kernel.
        for (let j = 0; j < cols; j++) z[o + j] = Math.max(0, f(z[o + j] + bias[j]));
        break;
      case 'tanh':
        for (let j = 0; j < cols; j++) z[o + j] = Math.tanh(f(z[o + j] + bias[j]));
        break;
      case 'sigmoid':
        for (let j = 0; j < cols; j++) z[o + j] = 1 / (1 + Math.exp(-f(z[o + j] + bias[j])));
        break;
      default: {
        const unknown: never = act;
        throw new Error(`Unknown activation ${String(unknown)}`);
      }
    }
  }
}

/**
 * Turns dy (the gradient at the layer's output y, both [n]) into the gradient at the
 * pre-activation, in place: relu dy·step(y); tanh (1 - y²)·dy; sigmoid dy·(y·(1 - y)).
 */
export function activationBackward(dy: Float32Array, y: Float32Array, n: number, act: Activation): void {
  switch (act) {
    case 'linear':
      return;
    case 'relu':
      // tfjs: mul(dy, step(y)), step(y) = y > 0 ? 1 : 0 (NaN stays NaN).
      // dy * 1 is dy (a NaN stays NaN): only the units that are off are written.
      for (let i = 0; i < n; i++) {
        const yi = y[i];
        if (!(yi > 0)) dy[i] *= yi === yi ? 0 : NaN;
      }
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) {
        const yi = y[i];
        dy[i] = f(1 - f(yi * yi)) * dy[i];
      }
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) {
        const yi = y[i];
        dy[i] = dy[i] * f(yi * f(1 - yi));
      }
      return;
    default: {
      const unknown: never = act;
      throw new Error(`Unknown activation ${String(unknown)}`);
    }
  }
}
