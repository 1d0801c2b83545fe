import { describe, expect, it } from 'vitest';
import { createSiteControl } from '@/lib/sites/site-control';
import { ANNOTATOR_SCRIPT, EXTRA_SITES_SCRIPT_ID } from '@/lib/sites/registration';
import { fakeSiteBrowser } from './fake-browser';

describe('turning sites on and off', () => {
  it('refuses a new site whose permission was not granted, changing nothing', async () => {
    const b = fakeSiteBrowser();
    const sites = createSiteControl(b.deps);
    await expect(sites.turnOn('example.org')).rejects.toThrow(/not been allowed to read example\.org/);
    expect(b.settings().extraHosts).toEqual([]);
    expect(b.scripts.size).toBe(0);
  });

  it('registers the annotator for a granted site, kept across restarts, and adds the next site to it', async () => {
    const b = fakeSiteBrowser(['*://example.org/*', '*://news.example.net/*']);
    const sites = createSiteControl(b.deps);
    await sites.turnOn('example.org');
    expect(b.settings().extraHosts).toEqual(['example.org']);
    expect(b.scripts.get(EXTRA_SITES_SCRIPT_ID)).toEqual({
      id: EXTRA_SITES_SCRIPT_ID,
      matches: ['*://example.org/*'],
      js: [ANNOTATOR_SCRIPT],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
    await sites.turnOn('news.example.net');
    expect(b.scripts.get(EXTRA_SITES_SCRIPT_ID)?.matches).toEqual(['*://example.org/*', '*://news.example.net/*']);
  });

  it('two sites turned on at once end in one registration with both', async () => {
    const b = fakeSiteBrowser(['*://a.example.org/*', '*://b.example.org/*']);
    const sites = createSiteControl(b.deps);
    await Promise.all([sites.turnOn('a.example.org'), sites.permissionsAdded(['*://b.example.org/*'])]);
    expect(b.scripts.get(EXTRA_SITES_SCRIPT_ID)?.matches).toEqual(['*://a.example.org/*', '*://b.example.org/*']);
  });

  it('forgetting a site unregisters it and gives its permission back', async () => {
    const b = fakeSiteBrowser(['*://example.org/*']);
    const sites = createSiteControl(b.deps);
    await sites.turnOn('example.org');
    await sites.forget('example.org');
    expect(b.settings().extraHosts).toEqual([]);
    expect(b.scripts.size).toBe(0);
    expect(b.permissions.has('*://example.org/*')).toBe(false);
  });

  it('a default site turned off and on needs no registration and no permission request', async () => {
    const b = fakeSiteBrowser();
    const sites = createSiteControl(b.deps);
    await b.deps.updateSettings({ disabledHosts: ['www.reuters.com'] });
    expect(await sites.hello('https://www.reuters.com/world/x', 3)).toEqual({ enabled: false, oneOff: false });
    await sites.turnOn('www.reuters.com');
    expect(b.settings()).toMatchObject({ disabledHosts: [], extraHosts: [] });
    expect(b.scripts.size).toBe(0);
    expect(await sites.hello('https://www.reuters.com/world/x', 3)).toEqual({ enabled: true, oneOff: false });
  });

  it('at start-up, leaves out sites whose permission the reader took back in the browser', async () => {
    const b = fakeSiteBrowser(['*://a.example.org/*', '*://b.example.org/*']);
    const sites = createSiteControl(b.deps);
    await sites.turnOn('a.example.org');
    await sites.turnOn('b.example.org');
    b.permissions.delete('*://a.example.org/*');
    await sites.restore();
    expect(b.scripts.get(EXTRA_SITES_SCRIPT_ID)?.matches).toEqual(['*://b.example.org/*']);
  });

  it('a pack server’s permission does not turn its host on as a site', async () => {
    const b = fakeSiteBrowser(['https://packs.example.org/*']);
    const sites = createSiteControl(b.deps);
    await sites.permissionsAdded(['https://packs.example.org/*']);
    expect(b.settings().extraHosts).toEqual([]);
  });
});

describe('what a page is told', () => {
  it('is on for default sites, off where turned off or paused, and off elsewhere', async () => {
    const b = fakeSiteBrowser();
    const sites = createSiteControl(b.deps);
    expect((await sites.hello('https://www.reuters.com/a', 1)).enabled).toBe(true);
    expect((await sites.hello('https://example.org/a', 1)).enabled).toBe(false);
    await b.deps.updateSettings({ paused: true });
    expect((await sites.hello('https://www.reuters.com/a', 1)).enabled).toBe(false);
  });

  it('runs once in a tab the reader asked for, and only on the page it was asked for', async () => {
    const b = fakeSiteBrowser();
    const sites = createSiteControl(b.deps);
    await sites.annotateOnce(5, 'https://example.org/story');
    expect(b.injected).toEqual([{ tabId: 5, files: [ANNOTATOR_SCRIPT] }]);
    expect(await sites.hello('https://example.org/story', 5)).toEqual({ enabled: true, oneOff: true });
    expect(await sites.hello('https://example.org/story', 6)).toEqual({ enabled: false, oneOff: false });
    expect(await sites.hello('https://other.example.net/', 5)).toEqual({ enabled: false, oneOff: false });
    await expect(sites.annotateOnce(5, 'chrome://settings')).rejects.toThrow(/cannot run/);
  });
});
