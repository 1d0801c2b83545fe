import type { GlossDb } from '../kb/db';
import type { HandlerSet } from '../messaging/server';
import type { Sync } from '../sync/sync';
import { announceRevision } from '../kb/revision';
import { ensureStarter } from './starter';
import { toStatus } from '../sync/status';
import { KeyConflictError } from '../sync/pinned-key';
import { keyFingerprint } from '../pack/key-fingerprint';
import type { MatcherService } from './matcher-service';
import type { SiteControl } from '../sites/site-control';
import { readerHandlers } from './reader-handlers';
import { cardHandlers } from './card-handlers';
import { checkMatchArgs } from '../card/content-args';
import type { ReaderStore } from '../reader/reader-store';
import { readerDataHandlers } from './reader-data-handlers';

export interface BackgroundDeps {
  version: string;
  db: GlossDb;
  sync: Sync;
  matcher: MatcherService;
  now: () => number;
  /** Where Gloss runs: settings, the dynamic registration, one-off runs. */
  sites: SiteControl;
  /** The built-in starter pack's manifest, inside the extension. */
  starterUrl: string;
  /** The reader's notes and corrections. */
  reader: ReaderStore;
  /** Sets one tab's toolbar badge; left out in tests. */
  setBadge?: (tabId: number, text: string) => Promise<void>;
}

/** The background's answers, as a flat object of named async functions per channel. */
export function createHandlers(deps: BackgroundDeps): HandlerSet {
  const { db, sync, now } = deps;
  const hello = async () => ({ version: deps.version, enabled: true });
  const status = async (sub: number) => {
    const row = await db.packs.get(sub);
    if (!row) throw new Error('There is no such subscription.');
    return toStatus(row, now());
  };
  const readerData = readerDataHandlers(deps);
  return {
    content: {
      async hello({ url }, caller) {
        return { version: deps.version, ...(await deps.sites.hello(url, caller.tabId)) };
      },
      async match(args, caller) {
        // A page can influence the content script: sizes are checked like every other call's.
        const request = checkMatchArgs(args);
        // Names the reader hid ("Not this") never reach the page.
        return readerData.filterMatches(request, await deps.matcher.matchBlocks(request), caller);
      },
      ...cardHandlers(deps),
      ...readerData.content,
    },
    ui: {
      hello,
      async listPacks() {
        return Promise.all((await db.packs.orderBy('sub').toArray()).map((row) => toStatus(row, now())));
      },
      async addPack({ url, publicKey, replaceKey }) {
        try {
          const row = await sync.subscribe(url, { publicKey: publicKey?.trim() || undefined, replaceKey: replaceKey === true });
          return { added: await toStatus(row, now()) };
        } catch (err) {
          if (!(err instanceof KeyConflictError)) throw err;
          // The reader is asked whether to replace the pinned key; both are shown by fingerprint.
          const [pinned, offered] = await Promise.all([keyFingerprint(err.pinned), keyFingerprint(err.offered)]);
          return { keyConflict: { sub: err.sub, pinned: pinned ?? '', offered: offered ?? '' } };
        }
      },
      async removePack({ sub }) {
        await sync.unsubscribe(sub);
        return null;
      },
      async syncPack({ sub }) {
        await sync.sync(sub);
        return status(sub);
      },
      async knowledgeChanged() {
        await announceRevision(db);
        // An imported built-in pack arrives empty: fill it from the extension's own files now.
        await ensureStarter(db, sync, deps.starterUrl);
        return null;
      },
      ...readerHandlers(deps),
      ...readerData.ui,
    },
  };
}
