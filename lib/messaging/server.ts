import type { CallsOf, Channel } from './protocol';
import { isEnvelope } from './protocol';
import { errorMessage, fail, ok, type Result } from './result';

/** Who sent a message, as far as the background trusts it. */
export interface Caller {
  /** The tab of a content script; absent for the popup. */
  tabId?: number;
  frameId?: number;
  /** The sender's document URL. */
  url?: string;
}

export type Handlers<C extends Channel> = {
  [N in keyof CallsOf<C>]: CallsOf<C>[N] extends (args: infer A) => infer R
    ? (args: A, caller: Caller) => Promise<R>
    : never;
};

export interface HandlerSet {
  content: Handlers<'content'>;
  ui: Handlers<'ui'>;
}

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Turns the flat handler objects into one runtime.onMessage listener. Only messages of
 * this extension are answered; UI calls are only taken from the extension's own pages,
 * so a content script (which a hostile page can influence) cannot reach them.
 */
export function createListener(
  handlers: HandlerSet,
  self: { id: string; origin: string },
): (message: unknown, sender: SenderLike) => Promise<Result<unknown>> | undefined {
  return (message, sender) => {
    // Tab calls are for content scripts; the background never answers them.
    if (!isEnvelope(message) || sender.id !== self.id || message.channel === 'tab') return undefined;
    const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(self.origin);
    if (message.channel === 'ui' && !fromExtensionPage) {
      return Promise.resolve(fail('This call is only for Gloss’s own pages.'));
    }
    const table = handlers[message.channel] as Record<
      string,
      ((args: unknown, caller: Caller) => Promise<unknown>) | undefined
    >;
    const handler = Object.hasOwn(table, message.call) ? table[message.call] : undefined;
    if (!handler) return Promise.resolve(fail(`Unknown call: ${message.call}`));
    const caller: Caller = { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url };
    return handler(message.args, caller).then(ok, (err: unknown) => fail(errorMessage(err)));
  };
}
