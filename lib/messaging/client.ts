import type { AnswerOf, ArgsOf, CallName, Channel, Envelope } from './protocol';
import { errorMessage, type Result } from './result';

export type Send = (message: Envelope) => Promise<unknown>;

export interface Client<C extends Channel> {
  call<N extends CallName<C>>(name: N, args: ArgsOf<C, N>): Promise<Result<AnswerOf<C, N>>>;
}

/**
 * A typed client for one direction. `send` is injected (runtime.sendMessage in the
 * extension) so the client is tested without a browser.
 */
export function createClient<C extends Channel>(channel: C, send: Send): Client<C> {
  return {
    async call(name, args) {
      try {
        const answer = (await send({ gloss: 1, channel, call: name, args })) as
          | Result<never>
          | undefined;
        if (!answer || typeof answer !== 'object' || !('ok' in answer)) {
          return { ok: false, error: 'Gloss did not answer. Reload the page to reconnect.' };
        }
        return answer;
      } catch (err) {
        return { ok: false, error: errorMessage(err) };
      }
    },
  };
}
