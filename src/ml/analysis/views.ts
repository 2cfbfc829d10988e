/**
 * The analysis views the page asks for, over a session and its data source: the
 * decision-boundary map (with its per-neuron pictures), the test rows of a confusion-matrix cell,
 * the network picture, a two-class data set's ROC and precision-recall curves.
 * Predictions and weights come from the engine (Session.probabilities / weights), so a
 * view asked mid-run reads the newest weights.
 */
import type { BinaryCurves, BoundaryMap, ConfusionRows, NetworkPicture, RegressionFit } from '../../shared/analysis';
import { unstandardize } from '../model/regression';
import { MessageError, msg } from '../../shared/message';
import { orThrow } from '../../shared/result';
import type { DataSource } from '../datasets/source';
import { requireTargets } from '../datasets/data';
import type { Session } from '../train/session';
import { binaryCurves, checkBinary } from './binary';
import { boundaryMap } from './boundary';
import { neuronGrid } from './neurons';
import { confusionRows, kernelCount, MAX_DRAWN_WEIGHTS, networkPicture } from './inspect';

const probabilitiesOf = (session: Session) => (features: Float32Array, rows: number) => session.probabilities(features, rows);

/** The model's class over a grid of inputs `x` and `y` (the others held at their training mean or mode). */
export async function boundaryOf(session: Session, source: DataSource, x: number, y: number, resolution: number): Promise<BoundaryMap> {
  const { data } = source;
  const input = {
    view: source.view(false),
    encode: (values: string[]) => source.encodeInput(values),
    featureCount: data.featureNames.length,
    classCount: data.classNames.length,
    trainLabels: data.train.labels,
    testLabels: data.test.labels,
    globalStep: session.globalStep,
    ...(data.target ? { regression: { target: data.target, train: requireTargets(data.train), test: requireTargets(data.test) } } : {}),
  };
  const config = session.modelConfig;
  const widths = [data.featureNames.length, ...config.hiddenUnits, data.classNames.length];
  // The per-neuron pictures over the same grid, from a copy of the newest weights (any engine).
  const hidden = async (features: Float32Array, side: number) => neuronGrid(await session.weights(), widths, config.activation, features, side);
  return orThrow(await boundaryMap(input, x, y, resolution, (f, rows) => session.outputs(f, rows), hidden));
}

/** The test rows in one cell of the newest test evaluation's confusion matrix. */
export async function confusionRowsOf(session: Session, source: DataSource, actual: number, predicted: number, limit: number): Promise<ConfusionRows> {
  const results = session.testResults;
  if (!results) throw new MessageError(msg('app.not-evaluated'));
  const { data } = source;
  return orThrow(await confusionRows(source.view(true), data.test, results, { actual, predicted, limit }, data.classNames.length, probabilitiesOf(session), source.pictures));
}

/** The network's layer widths and, when small enough to draw, its kernels (every other array of the weights). */
export async function networkOf(session: Session, source: DataSource): Promise<NetworkPicture> {
  const { data } = source;
  const config = session.modelConfig;
  const widths = [data.featureNames.length, ...config.hiddenUnits, data.classNames.length];
  const kernels = kernelCount(widths) > MAX_DRAWN_WEIGHTS ? null : (await session.weights()).filter((_, i) => i % 2 === 0);
  return networkPicture(widths, data.featureNames, data.classNames, config.activation, kernels, session.globalStep);
}

/** A two-class data set's ROC and precision-recall curves on the test split, from the newest weights. */
export async function binaryCurvesOf(session: Session, positive: number): Promise<BinaryCurves> {
  const { data } = session;
  checkBinary(data, positive);
  const probabilities = await session.probabilities(data.test.features, data.test.rows);
  return binaryCurves(data, probabilities, positive, session.globalStep);
}

/** A regression's newest test evaluation as actual and predicted numbers (label units), an even sample of at most `limit` rows. */
export function regressionFitOf(session: Session, source: DataSource, limit: number): RegressionFit {
  const { data } = source;
  const results = session.testResults;
  if (!data.target || !results) throw new MessageError(msg('app.not-evaluated'));
  const target = data.target;
  const targets = requireTargets(data.test);
  const total = data.test.rows;
  const shown = Math.max(0, Math.min(total, Math.floor(limit)));
  const actual = new Float32Array(shown);
  const predicted = new Float32Array(shown);
  for (let i = 0; i < shown; i++) {
    const r = Math.floor((i * total) / shown);
    actual[i] = unstandardize(targets[r], target);
    predicted[i] = unstandardize(results.rows.predictions[r], target);
  }
  return { globalStep: results.globalStep, actual, predicted, shown, total };
}
