import { describe, expect, it } from 'vitest';
import { isTrackingParameter, normalizeUrl } from '@/lib/pack/normalize-url';

const REUTERS = 'https://www.reuters.com/world/asia-pacific/north-korea-says-2023-10-27/';

describe('normalizeUrl', () => {
  it.each([
    ['the example', REUTERS, 'reuters.com/world/asia-pacific/north-korea-says-2023-10-27'],
    ['fragment dropped', 'https://reuters.com/a#comments', 'reuters.com/a'],
    ['utm_* dropped, whatever the case', 'https://reuters.com/a?utm_source=x&UTM_Medium=y&utm_campaign=z', 'reuters.com/a'],
    ['fbclid dropped', 'https://reuters.com/a?fbclid=IwAR0abc', 'reuters.com/a'],
    ['gclid dropped', 'https://reuters.com/a?gclid=123&msclkid=4', 'reuters.com/a'],
    ['mailchimp and share tags dropped', 'https://reuters.com/a?mc_cid=1&mc_eid=2&igshid=3&ref_src=twsrc', 'reuters.com/a'],
    ['other parameters kept in order', 'https://reuters.com/a?utm_source=x&page=2&b=1', 'reuters.com/a?page=2&b=1'],
    ['trailing slash dropped', 'https://reuters.com/world/', 'reuters.com/world'],
    ['root path stays', 'https://reuters.com/', 'reuters.com/'],
    ['root with no slash is the root', 'https://reuters.com', 'reuters.com/'],
    ['leading www. ignored', 'https://www.reuters.com/a', 'reuters.com/a'],
    ['http and https alike', 'http://reuters.com/a', 'reuters.com/a'],
    ['host case ignored', 'https://WWW.Reuters.COM/a', 'reuters.com/a'],
    ['path case kept', 'https://reuters.com/World/A', 'reuters.com/World/A'],
    ['port kept', 'https://reuters.com:8443/a', 'reuters.com:8443/a'],
    ['default ports dropped', 'https://reuters.com:443/a', 'reuters.com/a'],
    ['empty query dropped', 'https://reuters.com/a?', 'reuters.com/a'],
    ['a www inside the name is kept', 'https://wwwreuters.com/a', 'wwwreuters.com/a'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('a cited page and the page as read compare equal', () => {
    const cite = 'https://www.reuters.com/world/x-2023-10-27/';
    const read = 'http://reuters.com/world/x-2023-10-27?utm_source=twitter&fbclid=1#main';
    expect(normalizeUrl(read)).toBe(normalizeUrl(cite));
  });

  it('keeps ?page=2 significant', () => {
    expect(normalizeUrl('https://reuters.com/a?page=2')).not.toBe(normalizeUrl('https://reuters.com/a'));
    expect(normalizeUrl('https://reuters.com/a?page=2')).not.toBe(normalizeUrl('https://reuters.com/a?page=3'));
  });

  it('keeps another port significant', () => {
    expect(normalizeUrl('https://reuters.com:8080/a')).not.toBe(normalizeUrl('https://reuters.com/a'));
  });

  it.each(['javascript:alert(1)', 'ftp://reuters.com/a', 'mailto:x@reuters.com', 'not a url', '/relative/path', ''])(
    'gives null for %j',
    (input) => {
      expect(normalizeUrl(input)).toBeNull();
    },
  );
});

describe('isTrackingParameter', () => {
  it('knows the listed names and the utm_ family, and nothing else', () => {
    for (const name of ['utm_source', 'utm_whatever', 'fbclid', 'gclid', 'dclid', 'yclid', '_ga', 'mc_eid']) {
      expect(isTrackingParameter(name)).toBe(true);
    }
    for (const name of ['page', 'id', 'q', 'ref', 'utm']) expect(isTrackingParameter(name)).toBe(false);
  });
});
