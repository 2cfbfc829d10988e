/** The size of a dense stack, as plain arithmetic (no tfjs). */

/** Weights and biases in a dense stack of the given widths: inputs -> hidden... -> classes. */
export function parameterCount(inputs: number, hiddenUnits: readonly number[], classes: number): number {
  const widths = [inputs, ...hiddenUnits, classes];
  let total = 0;
  for (let i = 1; i < widths.length; i++) total += widths[i - 1] * widths[i] + widths[i];
  return total;
}

/** Values in each weight array of the stack, in tfjs's getWeights() order: kernel0 [in * out], bias0 [out], ... */
export function weightSizes(inputs: number, hiddenUnits: readonly number[], classes: number): number[] {
  const widths = [inputs, ...hiddenUnits, classes];
  const sizes: number[] = [];
  for (let i = 1; i < widths.length; i++) sizes.push(widths[i - 1] * widths[i], widths[i]);
  return sizes;
}
