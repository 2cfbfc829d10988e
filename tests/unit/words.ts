/** Reasons and messages as the page words them in English, for tests that read their text. */
import { formatMessage } from '../../src/client/i18n/wording';
import { messageOf, type Message } from '../../src/shared/message';

export function english(reason: Message | string | undefined | null): string {
  return reason === undefined || reason === null ? '' : formatMessage('en', reason);
}

/** The English words of what `promise` rejects with (a MessageError's code worded), or '' when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return '';
  } catch (error) {
    return english(messageOf(error));
  }
}
