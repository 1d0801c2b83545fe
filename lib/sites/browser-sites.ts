import { browser } from 'wxt/browser';
import { readSettings, updateSettings, watchSettings } from '../settings';
import { createSiteControl, type SiteControl, type SiteControlDeps } from './site-control';

/** The site control over the browser's own scripting, permissions and settings storage. */
export function createBrowserSites(): SiteControl {
  return createSiteControl({
    readSettings,
    updateSettings,
    scripting: browser.scripting as unknown as SiteControlDeps['scripting'],
    permissions: browser.permissions,
  });
}

/**
 * Keeps the registration in line with what changes outside the background's own calls:
 * a site's permission granted from the popup (which the browser may close mid-prompt) or
 * revoked in the browser's settings, and sites added, removed or imported on the options page.
 */
export function followSiteChanges(sites: SiteControl): void {
  const log = (err: unknown) => console.error('Gloss sites:', err);
  browser.permissions.onAdded.addListener((p) => void sites.permissionsAdded(p.origins ?? []).catch(log));
  browser.permissions.onRemoved.addListener(() => void sites.restore().catch(log));
  let hosts: string | undefined;
  watchSettings((settings) => {
    const next = JSON.stringify(settings.extraHosts);
    if (next !== hosts) void sites.restore().catch(log);
    hosts = next;
  });
}
