/**
 * The project's Result type: parsing and checking untrusted input returns
 * `{ ok: true, value } | { ok: false, reason }` instead of throwing (excalidraw's habit), so
 * a bad file becomes a reason shown to the person, never a crash. The reason is a
 * Message (a code the page words in its language); a plain string is an English reason
 * not yet turned into a code.
 */
import { MessageError, type Message } from './message';

export type Reason = Message | string;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: Reason };

/** The error to throw for a reason: a MessageError carries the code to the page. */
export function reasonError(reason: Reason): Error {
  return typeof reason === 'string' ? new Error(reason) : new MessageError(reason);
}

/** The value, or an Error carrying the reason (for callers that report errors by throwing). */
export function orThrow<T>(result: ParseResult<T>): T {
  if (!result.ok) throw reasonError(result.reason);
  return result.value;
}
