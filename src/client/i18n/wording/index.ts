/**
 * The page's words for every message code the worker sends (src/shared/message.ts), in
 * English and Korean. Each area's wordings live in a file beside this one; the record
 * below must hold every code, so a code without a wording fails the typecheck.
 */
import type { Message, MessageCode } from '../../../shared/message';
import type { Lang } from '..';
import { appWording } from './app';
import { checkpointWording } from './checkpoint';
import { csvWording } from './csv';
import { dataWording } from './data';
import { mnistWording } from './mnist';
import { trainWording } from './train';
import { cvWording } from './cv';
import { formatter } from './format';
import type { Wording, Wordings } from './types';

export type { Fmt } from './format';
export type { Wording, Wordings } from './types';


export const WORDINGS: Wordings<MessageCode> = {
  ...appWording,
  ...checkpointWording,
  ...csvWording,
  ...dataWording,
  ...mnistWording,
  ...trainWording,
  ...cvWording,
};

/** A message (or a reason not yet turned into a code) in the page's language. */
export function formatMessage(lang: Lang, message: Message | string): string {
  if (typeof message === 'string') return message;
  const wording = WORDINGS[message.code] as Wording<unknown> | undefined;
  if (!wording) return message.code;
  return wording[lang](message.params, formatter(lang, (inner) => formatMessage(lang, inner)));
}
