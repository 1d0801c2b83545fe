import { aljazeera } from './aljazeera';
import { anadolu } from './anadolu';
import { apnews } from './apnews';
import { bbc } from './bbc';
import { guardian } from './guardian';
import { koreaherald } from './koreaherald';
import { nknews } from './nknews';
import { nytimes } from './nytimes';
import { reuters } from './reuters';
import { tass } from './tass';
import type { SiteRule } from './types';
import { yonhap } from './yonhap';

export type { SiteRule } from './types';

/** One rule per default news site; a site without one is read by the generic finder alone. */
export const SITE_RULES: readonly SiteRule[] = [reuters, apnews, bbc, aljazeera, guardian, nytimes, yonhap, koreaherald, nknews, tass, anadolu];

export function siteRuleFor(hostname: string): SiteRule | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return SITE_RULES.find((rule) => rule.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}
