/** http: to a host other than this computer (loopback is not on the way to anywhere). */
export function isPlainHttp(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
}

/** Only http(s) manifests (and the extension's own starter pack) can be subscribed to. */
export function checkSubscriptionUrl(url: string, builtin: boolean): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error(`“${url}” is not a web address.`);
  }
  if (!builtin && parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error('A pack’s address must start with https:// or http://');
  }
  parsed.hash = '';
  return parsed.href;
}
