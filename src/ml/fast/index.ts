/**
 * The fused training path for small dense networks: the same step as the tfjs model
 * (same weights after the same batches, see tests/unit/fast-parity.test.ts) at a
 * fraction of the kernel-dispatch cost. Everything exported here is plain TypeScript
 * with no tfjs import; the tfjs side lives in tfBridge.ts (copy weights in and out),
 * tfReference.ts (the tfjs step it must equal) and bench.ts, imported by path.
 */
export type { Activation } from './activations';
export { gatherBatch, evaluateNet, evaluateRegressionNet, probabilitiesNet, type FastEvaluation } from './batch';
export { FastDenseNet, type FastDenseNetConfig, type Head } from './net';
export {
  AdagradOptimizer,
  AdamOptimizer,
  MomentumOptimizer,
  RmspropOptimizer,
  SgdOptimizer,
  TFJS_EPSILON,
  makeFastOptimizer,
  type FastOptimizer,
} from './optimizers';
export type { LossReduction } from './softmax';
