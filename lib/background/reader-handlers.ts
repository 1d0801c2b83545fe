import { loadCard } from '../card/load-card';
import { checkLanguages } from '../card/content-args';
import { resetToStarter } from '../data/reset';
import type { GlossDb } from '../kb/db';
import type { ReaderUiCalls } from '../messaging/reader-calls';
import type { Handlers } from '../messaging/server';
import { pageOverview } from '../popup/page-overview';
import { searchEntities } from '../popup/search';
import { parseHostInput } from '../sites/hosts';
import type { SiteControl } from '../sites/site-control';
import type { Sync } from '../sync/sync';

export interface ReaderDeps {
  db: GlossDb;
  sync: Sync;
  sites: SiteControl;
  /** The built-in starter pack's manifest, inside the extension. */
  starterUrl: string;
  now: () => number;
}

function checkHost(host: string): string {
  const parsed = parseHostInput(host);
  if (parsed !== host) throw new Error(`“${host}” is not a site’s host name.`);
  return parsed;
}

/** The background's answers behind the popup's and the options page's reader controls. */
export function readerHandlers(deps: ReaderDeps): Pick<Handlers<'ui'>, keyof ReaderUiCalls> {
  const { db, sites } = deps;
  return {
    async pageOverview({ entities, urls, languages }) {
      return pageOverview(db, entities, urls.slice(0, 8), checkLanguages(languages));
    },
    async search({ query, languages }) {
      return searchEntities(db, query, checkLanguages(languages));
    },
    async entityCard({ key, languages }) {
      return loadCard(db, key, checkLanguages(languages), deps.now());
    },
    async turnSiteOn({ host }) {
      await sites.turnOn(checkHost(host));
      return null;
    },
    async forgetSite({ host }) {
      await sites.forget(checkHost(host));
      return null;
    },
    async annotateOnce({ tabId, url }) {
      await sites.annotateOnce(tabId, url);
      return null;
    },
    async resetToStarter() {
      await resetToStarter(db, deps.sync, deps.starterUrl);
      return null;
    },
  };
}
