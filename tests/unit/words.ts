/** Reasons and messages as the page words them in English, for tests that read their text. */
import { formatMessage } from '../../src/client/i18n/wording';
import type { Message } from '../../src/shared/message';

export function english(reason: Message | string | undefined | null): string {
  return reason === undefined || reason === null ? '' : formatMessage('en', reason);
}
