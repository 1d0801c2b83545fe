import type { Settings } from '../settings';
import { isDefaultHost } from './hosts';

/**
 * Where a page stands, from the reader's settings:
 * - `on`: Gloss annotates it;
 * - `paused`: everything is paused;
 * - `off`: the reader turned Gloss off on this site;
 * - `available`: Gloss does not run here yet (it can be turned on, or run once);
 * - `unsupported`: not a web page (browser pages, files), so nothing can be offered.
 */
export type SiteState = 'on' | 'paused' | 'off' | 'available' | 'unsupported';

type SiteSettings = Pick<Settings, 'paused' | 'disabledHosts' | 'extraHosts'>;

/** Gloss runs on the host from install, or because the reader turned it on. */
export function isCovered(settings: SiteSettings, host: string): boolean {
  return isDefaultHost(host) || settings.extraHosts.includes(host);
}

/** `oneOff`: the reader asked to annotate this page once, wherever it is. */
export function siteState(settings: SiteSettings, host: string | null, oneOff = false): SiteState {
  if (!host) return 'unsupported';
  if (settings.disabledHosts.includes(host)) return 'off';
  if (!isCovered(settings, host) && !oneOff) return 'available';
  return settings.paused ? 'paused' : 'on';
}

/** The settings change that turns Gloss off on a host. */
export function turnedOff(settings: SiteSettings, host: string): Pick<Settings, 'disabledHosts'> {
  return { disabledHosts: settings.disabledHosts.includes(host) ? settings.disabledHosts : [...settings.disabledHosts, host] };
}

/** The settings change that turns Gloss on for a host (its permission already granted when it is not a default). */
export function turnedOn(settings: SiteSettings, host: string): Pick<Settings, 'disabledHosts' | 'extraHosts'> {
  const extra = isDefaultHost(host) || settings.extraHosts.includes(host) ? settings.extraHosts : [...settings.extraHosts, host];
  return { disabledHosts: settings.disabledHosts.filter((h) => h !== host), extraHosts: extra };
}

/** The settings change that forgets a host: neither turned on nor off. */
export function forgotten(settings: SiteSettings, host: string): Pick<Settings, 'disabledHosts' | 'extraHosts'> {
  return {
    disabledHosts: settings.disabledHosts.filter((h) => h !== host),
    extraHosts: settings.extraHosts.filter((h) => h !== host),
  };
}
