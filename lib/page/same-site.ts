/** Second-level labels under which country domains register names (`bbc.co.uk`, `hurriyet.com.tr`). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'or', 'ne', 'go', 'gv', 'mil']);

/**
 * The site a host belongs to: its last two labels, or three under a country's `co.`/`com.`…
 * A small stand-in for the public suffix list, enough to tell a news site's own hosts
 * (`www.`, `amp.`, `m.`) from another site.
 */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const n = labels.length;
  const keep = n >= 3 && labels[n - 1]!.length === 2 && SECOND_LEVEL.has(labels[n - 2]!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

export function sameSite(a: URL, b: URL): boolean {
  return siteOf(a.hostname) === siteOf(b.hostname);
}
