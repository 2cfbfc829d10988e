/** The curves and evaluations of a model since it was built: what a reload brings back. */
import type { Evaluation, MetricPoint } from '../../shared/types';

/** Every curve point and evaluation since the model was built. */
export interface History {
  points: MetricPoint[];
  evaluations: Evaluation[];
}
