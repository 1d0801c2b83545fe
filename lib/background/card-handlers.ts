import { badgeText, checkCardArgs, checkCitingArgs, checkCount } from '../card/content-args';
import { loadCard, loadCiting } from '../card/load-card';
import type { GlossDb } from '../kb/db';
import type { Handlers } from '../messaging/server';

export interface CardDeps {
  db: GlossDb;
  now: () => number;
  /** Sets the toolbar badge of one tab (browser.action.setBadgeText); absent where there is none. */
  setBadge?: (tabId: number, text: string) => Promise<void>;
}

/**
 * The background's answers behind hover cards, the cited-page notice and the badge.
 * Arguments come from content scripts, which a page can influence: each is checked.
 */
export function cardHandlers(deps: CardDeps): Pick<Handlers<'content'>, 'card' | 'citing' | 'pageEntities'> {
  const { db } = deps;
  return {
    async card(args) {
      const { key, languages } = checkCardArgs(args);
      return loadCard(db, key, languages, deps.now());
    },
    async citing(args) {
      const { urls, languages } = checkCitingArgs(args);
      return loadCiting(db, urls, languages);
    },
    async pageEntities(args, caller) {
      const count = checkCount(args);
      if (caller.tabId !== undefined && (caller.frameId ?? 0) === 0) await deps.setBadge?.(caller.tabId, badgeText(count));
      return null;
    },
  };
}
