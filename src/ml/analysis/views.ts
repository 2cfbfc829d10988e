/**
 * The analysis views the page asks for, over a session (and the CSV behind it, when the
 * data set is one): the decision-boundary map, the test rows of a confusion-matrix cell,
 * the network picture. Predictions come from the engine (Session.probabilities), so a
 * view asked mid-run reads the newest weights without syncing the tfjs model.
 */
import type { BoundaryMap, ConfusionRows, NetworkPicture } from '../../shared/analysis';
import { boundaryMap } from './boundary';
import type { LoadedCsv } from '../csv';
import { csvTestSource, csvView, numericView, pixelView, type InputView } from './inputView';
import { confusionRows, kernelCount, MAX_DRAWN_WEIGHTS, modelKernels, networkPicture } from './inspect';
import type { Session } from '../train/session';
import { orThrow } from '../../shared/result';

/** The loaded rows as the person knows them; `withCells` also finds a CSV's test rows in the file. */
function inputView(session: Session, csv: LoadedCsv | null, withCells: boolean): InputView {
  const { dataset } = session;
  if (dataset.summary.source === 'mnist') return pixelView();
  if (!csv) return numericView(dataset.data);
  return csvView(csv, withCells ? csvTestSource(csv) : null);
}

const probabilitiesOf = (session: Session) => (features: Float32Array, rows: number) => session.probabilities(features, rows);

/** The model's class over a grid of inputs `x` and `y` (the others held at their training mean or mode). */
export async function boundaryOf(session: Session, csv: LoadedCsv | null, x: number, y: number, resolution: number): Promise<BoundaryMap> {
  const { data } = session.dataset;
  const source = {
    view: inputView(session, csv, false),
    encode: (values: string[]) => session.dataset.encodeInput(values),
    featureCount: data.featureNames.length,
    classCount: data.classNames.length,
    trainLabels: data.train.labels,
    testLabels: data.test.labels,
    globalStep: session.globalStep,
  };
  return orThrow(await boundaryMap(source, x, y, resolution, probabilitiesOf(session)));
}

/** The test rows in one cell of the newest test evaluation's confusion matrix. */
export async function confusionRowsOf(session: Session, csv: LoadedCsv | null, actual: number, predicted: number, limit: number): Promise<ConfusionRows> {
  const results = session.testResults;
  if (!results) throw new Error('The test split has not been evaluated yet: train first.');
  const { data, summary } = session.dataset;
  const view = inputView(session, csv, true);
  return orThrow(await confusionRows(view, data.test, results, { actual, predicted, limit }, data.classNames.length, probabilitiesOf(session), summary.source === 'mnist'));
}

/** The network's layer widths and, when small enough to draw, its kernels. */
export async function networkOf(session: Session): Promise<NetworkPicture> {
  const { data } = session.dataset;
  const config = session.modelConfig;
  const widths = [data.featureNames.length, ...config.hiddenUnits, data.classNames.length];
  // The fused engine's weights are in JS (kernel, bias, ... in getWeights() order): no sync needed.
  const inMemory = session.weightsInMemory();
  const kernels = kernelCount(widths) > MAX_DRAWN_WEIGHTS ? null : inMemory ? inMemory.filter((_, i) => i % 2 === 0) : await modelKernels(session.model);
  return networkPicture(widths, data.featureNames, data.classNames, config.activation, kernels, session.globalStep);
}
