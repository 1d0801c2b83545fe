import { describe, expect, it } from 'vitest';
import { hostOf, hostOfPattern, hostPattern, isDefaultHost, parseHostInput } from '@/lib/sites/hosts';

describe('hosts', () => {
  it('keys web pages by host and refuses what is not a web page', () => {
    expect(hostOf('https://www.Reuters.com/world/x?a=1')).toBe('www.reuters.com');
    expect(hostOf('http://127.0.0.1:8080/a')).toBe('127.0.0.1');
    for (const url of ['chrome://extensions', 'about:blank', 'file:///tmp/a.html', 'moz-extension://x/popup.html', 'not a url', undefined]) {
      expect(hostOf(url)).toBeNull();
    }
  });

  it('knows the default news sites with their subdomains, and nothing that only looks like them', () => {
    expect(isDefaultHost('www.reuters.com')).toBe(true);
    expect(isDefaultHost('reuters.com')).toBe(true);
    expect(isDefaultHost('www.aa.com.tr')).toBe(true);
    expect(isDefaultHost('notreuters.com')).toBe(false);
    expect(isDefaultHost('reuters.com.example.org')).toBe(false);
    expect(isDefaultHost('example.org')).toBe(false);
  });

  it('reads what a reader types as a host', () => {
    expect(parseHostInput(' Example.org ')).toBe('example.org');
    expect(parseHostInput('https://news.example.org/world?x=1')).toBe('news.example.org');
    expect(parseHostInput('http://example.org:8080/')).toBe('example.org');
    expect(parseHostInput('münchen.de')).toBe('xn--mnchen-3ya.de');
    for (const bad of ['', 'localhost', 'not a host', 'ftp://example.org', 'exa_mple.org', '-x.org']) {
      expect(parseHostInput(bad)).toBeNull();
    }
  });

  it('turns a host into the one pattern asked for, and only such patterns back', () => {
    expect(hostPattern('example.org')).toBe('*://example.org/*');
    expect(hostOfPattern('*://example.org/*')).toBe('example.org');
    // A pack server's origin and the default sites' patterns are not sites turned on.
    expect(hostOfPattern('https://example.org/*')).toBeNull();
    expect(hostOfPattern('*://*.reuters.com/*')).toBeNull();
  });
});
