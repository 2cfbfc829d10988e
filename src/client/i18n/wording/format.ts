/** Number and list formatting for message wordings, in the page's locale. */
import type { Message } from '../../../shared/message';
import type { InnerReason } from '../../../shared/messages/app';
import { formatNumber, formatPercent, locale, type Lang } from '..';

export interface Fmt {
  /** A number with grouping, at most `digits` decimals. */
  n: (value: number, digits?: number) => string;
  /** A fraction as a percentage. */
  pct: (value: number, digits?: number) => string;
  /** Names as a list ("a, b and c" / "a, b 및 c"), each quoted when `quote`. */
  list: (values: readonly string[], quote?: boolean) => string;
  /** `count` with the singular or plural noun (English); Korean has one form. */
  plural: (count: number, one: string, many: string) => string;
  /** A message inside a message (a reason given as a parameter). */
  message: (message: InnerReason) => string;
}

export function formatter(lang: Lang, words: (message: Message | string) => string): Fmt {
  const lists = new Intl.ListFormat(locale(lang), { style: 'long', type: 'conjunction' });
  return {
    n: (value, digits = 4) => formatNumber(lang, value, digits),
    pct: (value, digits = 1) => formatPercent(lang, value, digits),
    list: (values, quote = false) => lists.format(values.map((v) => (quote ? `"${v}"` : v))),
    plural: (count, one, many) => `${formatNumber(lang, count, 0)} ${count === 1 ? one : many}`,
    // Every InnerReason the worker sends is a Message of the catalog (or a plain string).
    message: (inner) => words(inner as Message | string),
  };
}
