/**
 * The baselines worker: the second core's share. The training worker sends it each loaded
 * data set's training and test splits (a copy) and it answers with their baselines
 * (src/ml/baselines: majority, logistic regression and forest, or mean and least squares;
 * baselinesService.ts), so a forest over MNIST's 8,000 digits (about 3 s) never shares a
 * thread with training.
 */
/// <reference lib="webworker" />
import type { BaselinesAnswer, BaselinesRequest } from './baselinesProtocol';
import { baselinesService } from './baselinesService';
import { eventYielder } from './yieldToEvents';

declare const self: DedicatedWorkerGlobalScope;

const serve = baselinesService((answer: BaselinesAnswer) => self.postMessage(answer), eventYielder());
self.onmessage = ({ data }: MessageEvent<BaselinesRequest>) => serve(data);
