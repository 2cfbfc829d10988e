/**
 * What the prediction form says beside its fields (PredictPanel.tsx), pure: which field a
 * refused row's reason is about (the encoders name the field: data.ts numericInputs,
 * csv/predict.ts encodeInputs), and which typed values lie far outside the training rows.
 */
import type { Reason } from '../shared/result';
import type { InputField, InputRange } from '../shared/types';

/** Standard deviations from the training mean beyond which a value outside min-max is flagged. */
export const OUTSIDE_SD = 3;

/** The index of the field `reason` is about, or null when it names none (then the form says it as a whole). */
export function fieldOfReason(reason: Reason, inputs: readonly InputField[]): number | null {
  if (typeof reason === 'string') return null;
  let name: string;
  switch (reason.code) {
    case 'app.enter-number':
      name = reason.params.input;
      break;
    case 'csv.predict-not-number':
    case 'csv.predict-not-date':
    case 'csv.predict-not-finite':
      name = reason.params.column;
      break;
    default:
      return null;
  }
  const at = inputs.findIndex((i) => i.name === name);
  return at >= 0 ? at : null;
}

/**
 * True when `value` is outside what the model was trained on: beyond the training rows'
 * min-max AND more than OUTSIDE_SD standard deviations from their mean. Both, so a value
 * the training rows hold is never flagged (a long tail's max is within min-max) and a
 * value just past the edge is not either (Iris's sepal length 8.0 against a max of 7.9).
 */
export function isOutside(value: number, range: InputRange): boolean {
  if (!Number.isFinite(value)) return false;
  if (value >= range.min && value <= range.max) return false;
  return Math.abs(value - range.mean) > OUTSIDE_SD * range.sd;
}

/**
 * For each field, whether its typed text is a number outside what the model was trained
 * on. Text that is not a plain number (empty, a date, a decimal comma) is never flagged:
 * the worker reads it, and says so if it cannot.
 */
export function outsideFields(values: readonly string[], inputs: readonly InputField[]): boolean[] {
  return inputs.map((input, i) => {
    const text = (values[i] ?? '').trim();
    if (input.kind !== 'numeric' || !input.range || text === '') return false;
    return isOutside(Number(text), input.range);
  });
}
