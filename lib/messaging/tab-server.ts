import { isEnvelope } from './protocol';
import { errorMessage, fail, ok, type Result } from './result';
import type { Handlers, SenderLike } from './server';

/**
 * The content script's listener for tab calls. It answers only this extension's own
 * pages and background: a sender with a tab is a content script, which a page can
 * influence, so it is ignored.
 */
export function createTabListener(
  handlers: Handlers<'tab'>,
  selfId: string,
): (message: unknown, sender: SenderLike) => Promise<Result<unknown>> | undefined {
  return (message, sender) => {
    if (!isEnvelope(message) || message.channel !== 'tab' || sender.id !== selfId || sender.tab) return undefined;
    const table = handlers as unknown as Record<string, ((args: unknown, caller: object) => Promise<unknown>) | undefined>;
    const handler = Object.hasOwn(table, message.call) ? table[message.call] : undefined;
    if (!handler) return Promise.resolve(fail(`Unknown call: ${message.call}`));
    return handler(message.args, {}).then(ok, (err: unknown) => fail(errorMessage(err)));
  };
}
