/**
 * The messages between the training worker and the baselines worker (baselines.worker.ts):
 * a data set's training and test splits in, its baselines out. Structured-clone data only;
 * `id` orders the requests, so an answer for a superseded data set is recognised and dropped.
 */
import type { BaselineData } from '../ml/baselines';
import type { Message } from '../shared/message';
import type { Baselines } from '../shared/types';

export interface BaselinesRequest {
  id: number;
  data: BaselineData;
}

export type BaselinesAnswer = { id: number; ok: true; baselines: Baselines | null } | { id: number; ok: false; message: Message };
