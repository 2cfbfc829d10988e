/**
 * The worker's side of calls (protocol.ts `Calls`): each kind answered by the Workspace,
 * with the buffers it can hand over without a copy. A failure becomes the answer's
 * message; a cancelled call's answer is still sent (the page drops it by its callId).
 */
import type { Workspace } from '../ml/app/workspace';
import { assertNever, type CallAnswer, type CallKind, type CallRequest } from '../shared/protocol';

export interface Answered<K extends CallKind = CallKind> {
  value: CallAnswer<K>;
  /** Buffers to transfer with the answer. */
  transfer: Transferable[];
}

export async function answer(ws: Workspace, call: CallRequest): Promise<Answered> {
  switch (call.kind) {
    case 'predict':
      return { value: await ws.predict(call.values), transfer: [] };
    case 'predict-drawing': {
      const { prediction, digit } = await ws.predictDrawing(call.ink, call.width, call.height);
      return { value: { prediction, digit }, transfer: [digit.buffer] };
    }
    case 'predict-file':
      return { value: await ws.predictFile(call.file), transfer: [] };
    case 'boundary': {
      const map = await ws.boundary(call.x, call.y, call.resolution);
      return { value: map, transfer: [map.classes.buffer, map.confidence.buffer, ...(map.neurons ? [map.neurons.values.buffer] : [])] };
    }
    case 'confusion-rows': {
      const rows = await ws.confusionRows(call.actual, call.predicted, call.limit);
      return { value: rows, transfer: rows.digits ? [rows.digits.buffer] : [] };
    }
    case 'network':
      return { value: await ws.network(), transfer: [] };
    case 'export':
      return { value: await ws.exportFiles(call.what, call.plan), transfer: [] };
    case 'binary-curves': {
      const curves = await ws.binaryCurves(call.positive);
      return { value: curves, transfer: [curves.scores.buffer, curves.positives.buffer] };
    }
    case 'evaluate':
      return { value: await ws.evaluate(), transfer: [] };
    case 'regression-fit': {
      const fit = ws.regressionFit(call.limit);
      return { value: fit, transfer: [fit.actual.buffer, fit.predicted.buffer] };
    }
    case 'program':
      return { value: await ws.program(call), transfer: [] };
    default:
      return assertNever(call);
  }
}
