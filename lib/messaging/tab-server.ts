import { isEnvelope } from './protocol';
import { errorMessage, fail, ok, type Result } from './result';
import type { Handlers, SenderLike } from './server';

/**
 * The content script's listener for tab calls. It answers only this extension's own
 * pages and background, known by their address on the extension's origin: another
 * tab's content script (which a page can influence) has the page's address, and is ignored.
 */
export function createTabListener(
  handlers: Handlers<'tab'>,
  self: { id: string; origin: string },
): (message: unknown, sender: SenderLike) => Promise<Result<unknown>> | undefined {
  return (message, sender) => {
    if (!isEnvelope(message) || message.channel !== 'tab' || sender.id !== self.id) return undefined;
    if (typeof sender.url !== 'string' || !sender.url.startsWith(self.origin)) return undefined;
    const table = handlers as unknown as Record<string, ((args: unknown, caller: object) => Promise<unknown>) | undefined>;
    const handler = Object.hasOwn(table, message.call) ? table[message.call] : undefined;
    if (!handler) return Promise.resolve(fail(`Unknown call: ${message.call}`));
    return handler(message.args, {}).then(ok, (err: unknown) => fail(errorMessage(err)));
  };
}
