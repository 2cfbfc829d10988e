/** Reasons and messages as the page words them in English, for tests that read their text. */
import { formatMessage } from '../../src/client/i18n/wording';
import { messageOf, type Message } from '../../src/shared/message';

export function english(reason: Message | string | undefined | null): string {
  return reason === undefined || reason === null ? '' : formatMessage('en', reason);
}

/** How a rejected promise's error reads in English (a MessageError's message as the page words it). */
export async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return english(messageOf(error));
  }
  throw new Error('expected a rejection');
}

/** How a thrown error reads in English. */
export function thrown(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return english(messageOf(error));
  }
  throw new Error('expected a throw');
}
