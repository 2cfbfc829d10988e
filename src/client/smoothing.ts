/**
 * TensorBoard's smoothing of a scalar curve: an exponential moving average debiased
 * for its start (as Adam debiases its moments), so the first points are not dragged
 * towards zero. weight 0 leaves the curve as it is; 0.99 smooths it heavily.
 *
 *   last = last * w + (1 - w) * v;  smoothed = last / (1 - w^n)   (n = points so far)
 */
export function smooth<T extends { value: number }>(points: readonly T[], weight: number): T[] {
  if (weight <= 0) return points.slice();
  const w = Math.min(weight, 0.999);
  let last = 0;
  let n = 0;
  return points.map((p) => {
    if (!Number.isFinite(p.value)) return p;
    last = last * w + (1 - w) * p.value;
    n++;
    return { ...p, value: last / (1 - w ** n) };
  });
}
