/**
 * The analysis views read class probabilities and weights from the engine, not the synced
 * tfjs model: the fused engine answers from its own loops mid-run. They must be the model's.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { modelFromWeights } from '../../src/ml/model/model';
import type { EngineChoice } from '../../src/shared/types';
import { IRIS_CONFIG, loadIris, makeSession } from './helpers';

describe('engine probabilities', () => {
  it.each<EngineChoice>(['fused', 'tfjs'])('%s: equal the tfjs model’s softmax after training, rows sum to 1', async (engine) => {
    const data = loadIris();
    const { session } = makeSession(IRIS_CONFIG, engine, data);
    await session.train(1, 300, 100);
    const rows = data.test.rows;
    const before = tf.memory().numTensors;
    const fromEngine = await session.probabilities(data.test.features, rows);
    expect(tf.memory().numTensors).toBe(before);
    const model = modelFromWeights(4, 3, IRIS_CONFIG, await session.weights());
    const fromModel = tf.tidy(() => tf.softmax(model.predict(tf.tensor2d(data.test.features, [rows, 4])) as tf.Tensor2D).dataSync());
    model.dispose();
    expect(fromEngine).toHaveLength(rows * 3);
    for (let i = 0; i < fromEngine.length; i++) expect(Math.abs(fromEngine[i] - fromModel[i])).toBeLessThan(1e-5);
    for (let r = 0; r < rows; r++) expect(fromEngine[r * 3] + fromEngine[r * 3 + 1] + fromEngine[r * 3 + 2]).toBeCloseTo(1, 5);
    session.dispose();
  });
});
