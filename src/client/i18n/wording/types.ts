/** The shape of a wording: per code, a function of its typed parameters per language. */
import type { MessageCatalog, MessageCode } from '../../../shared/message';
import type { Fmt } from './format';

export interface Wording<P> {
  en: (params: P, f: Fmt) => string;
  ko: (params: P, f: Fmt) => string;
}

export type Wordings<C extends MessageCode> = { [K in C]: Wording<MessageCatalog[K]> };
