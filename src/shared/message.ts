/**
 * Words a person reads travel as data: a code and its parameters, worded on the page in
 * Korean and English (src/client/i18n/wording/). The worker and src/ml never build a
 * sentence for the page. Each area declares its codes and their parameters in
 * ./messages/<area>.ts; the page must word every code (a missing wording is a compile error).
 */
import type { AppMessages } from './messages/app';
import type { CheckpointMessages } from './messages/checkpoint';
import type { CsvMessages } from './messages/csv';
import type { CvMessages } from './messages/cv';
import type { DataMessages } from './messages/data';
import type { MnistMessages } from './messages/mnist';
import type { TrainMessages } from './messages/train';

/** A parameter: a name or number from the data, or a list of names (worded as a list). */
export type MessageParam = string | number | readonly string[];

/** Every code a person can be told, with the parameters its wording needs. */
export interface MessageCatalog extends AppMessages, CheckpointMessages, CsvMessages, DataMessages, MnistMessages, TrainMessages, CvMessages {}

export type MessageCode = keyof MessageCatalog;

/** One thing to tell a person: `{ code: 'csv.ragged-row', params: { file, line, expected, found } }`. */
export type Message = { [C in MessageCode]: { code: C; params: MessageCatalog[C] } }[MessageCode];

/** A message, typed by its code. */
export function msg<C extends MessageCode>(code: C, ...params: MessageCatalog[C] extends Record<string, never> ? [] : [MessageCatalog[C]]): Message {
  return { code, params: (params[0] ?? {}) as MessageCatalog[C] } as Message;
}

/** An error that carries its message as data, for code that reports failure by throwing. */
export class MessageError extends Error {
  constructor(readonly detail: Message) {
    // The code and its parameters: what a log or a test sees; the page words `detail`.
    super(`${detail.code} ${JSON.stringify(detail.params)}`);
    this.name = 'MessageError';
  }
}

/**
 * What to tell a person about a thrown value: its message when it carries one, else
 * `unexpected` with the raw text (a tfjs or browser error we did not word ourselves).
 */
export function messageOf(error: unknown): Message {
  if (error instanceof MessageError) return error.detail;
  return msg('app.unexpected', { detail: error instanceof Error ? error.message : String(error) });
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).code === 'string' && typeof (value as Message).params === 'object';
}
