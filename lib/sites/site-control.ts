import type { Settings } from '../settings';
import { hostOf, hostOfPattern, hostPattern, isDefaultHost } from './hosts';
import { ANNOTATOR_SCRIPT, syncRegistration, type ScriptingLike } from './registration';
import { forgotten, siteState, turnedOn } from './site-state';

export interface SiteControlDeps {
  readSettings(): Promise<Settings>;
  updateSettings(change: Partial<Settings>): Promise<Settings>;
  scripting: ScriptingLike & {
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
  permissions: {
    contains(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
}

export interface PageHello {
  enabled: boolean;
  /** Annotated once at the reader's request, on a site Gloss does not otherwise run on. */
  oneOff: boolean;
}

export type SiteControl = ReturnType<typeof createSiteControl>;

/** The background's side of where Gloss runs: settings, the dynamic registration, one-off runs. */
export function createSiteControl(deps: SiteControlDeps) {
  // Tab → host of a page the reader asked to annotate once. Only lives as long as the
  // background: the content script asks right after it is injected.
  const oneOffs = new Map<number, string>();

  const granted = (host: string) => deps.permissions.contains({ origins: [hostPattern(host)] });

  // One change at a time: two at once would each write settings read before the other's
  // change, and both try to register the same script id.
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job);
    queue = run.catch(() => {});
    return run;
  }

  /** Registers the sites turned on whose permission is held, from the settings as they are now. */
  async function register(): Promise<void> {
    const allowed: string[] = [];
    for (const host of (await deps.readSettings()).extraHosts) if (await granted(host)) allowed.push(host);
    await syncRegistration(deps.scripting, allowed);
  }

  /** Turns Gloss on for a host; the reader's click has already granted a new site's permission. */
  function turnOn(host: string): Promise<Settings> {
    return exclusive(async () => {
      if (!isDefaultHost(host) && !(await granted(host))) {
        throw new Error(`Gloss has not been allowed to read ${host}.`);
      }
      const next = await deps.updateSettings(turnedOn(await deps.readSettings(), host));
      await register();
      return next;
    });
  }

  return {
    turnOn,

    async hello(url: string, tabId: number | undefined): Promise<PageHello> {
      const host = hostOf(url);
      const oneOff = tabId !== undefined && host !== null && oneOffs.get(tabId) === host;
      return { enabled: siteState(await deps.readSettings(), host, oneOff) === 'on', oneOff };
    },

    /** Forgets a site the reader had turned on or off, and gives back its permission. */
    forget(host: string): Promise<Settings> {
      return exclusive(async () => {
        const next = await deps.updateSettings(forgotten(await deps.readSettings(), host));
        await register();
        if (!isDefaultHost(host)) await deps.permissions.remove({ origins: [hostPattern(host)] });
        return next;
      });
    },

    /** Runs the annotator once in a tab (the popup's `activeTab` grant allows it). */
    async annotateOnce(tabId: number, url: string): Promise<void> {
      const host = hostOf(url);
      if (!host) throw new Error('Gloss cannot run on this page.');
      oneOffs.set(tabId, host);
      await deps.scripting.executeScript({ target: { tabId }, files: [ANNOTATOR_SCRIPT] });
    },

    /** At start-up, and when the sites or permissions changed elsewhere: brings the registration in line. */
    restore(): Promise<void> {
      return exclusive(register);
    },

    /**
     * A site's permission was granted. The popup asks for it and then turns the site on, but
     * a browser may close the popup while its prompt is up, so the grant alone is enough.
     */
    async permissionsAdded(origins: readonly string[]): Promise<void> {
      for (const host of origins.map(hostOfPattern)) if (host) await turnOn(host);
    },
  };
}
