import { MAX_CHARS } from './limits';

/** Why a URL string is refused, or null when it is an acceptable http(s) link. */
export function httpUrlProblem(text: string): string | null {
  if (text.length > MAX_CHARS.url) return `is too long (at most ${MAX_CHARS.url} characters)`;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return 'only http(s) links are allowed';
  }
  // The URL parser silently strips these; a link that needs stripping is not what it looks like.
  if (/[\s\u0000-\u001f\u007f]/.test(text)) return 'must not contain spaces or control characters';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a valid absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'only http(s) links are allowed';
  }
  if (url.hostname === '') return 'has no host';
  // `https://trusted.example@evil.example/` reads as the first host and opens the second.
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  return null;
}

export function isHttpUrl(text: string): boolean {
  return httpUrlProblem(text) === null;
}
