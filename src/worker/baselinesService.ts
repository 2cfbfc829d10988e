/**
 * What the baselines worker does with a request (baselines.worker.ts wires it to its
 * messages; a unit test wires it to a MessageChannel): compute the data set's baselines
 * and post them back under the request's id. A newer request supersedes the one in
 * progress, which ends at its next pause and posts nothing.
 */
import { baselinesFor, Superseded } from '../ml/baselines';
import { messageOf } from '../shared/message';
import type { BaselinesAnswer, BaselinesRequest } from './baselinesProtocol';

export function baselinesService(post: (answer: BaselinesAnswer) => void, yieldToEvents: () => Promise<void>): (request: BaselinesRequest) => void {
  let latest = 0;
  return ({ id, data }) => {
    latest = id;
    const pause = async () => {
      await yieldToEvents();
      if (id !== latest) throw new Superseded();
    };
    baselinesFor(data, { pace: { pause } }).then(
      (baselines) => post({ id, ok: true, baselines }),
      (error: unknown) => {
        if (!(error instanceof Superseded)) post({ id, ok: false, message: messageOf(error) });
      },
    );
  };
}
