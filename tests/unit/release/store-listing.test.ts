import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import config from '../../../wxt.config';
import { NEWS_SITES } from '../../../lib/news-sites';
import { highlightName } from '../../../lib/annotate/highlights';

const LANGS = ['en', 'tr', 'ru'] as const;

interface Listing {
  name: string;
  summary: string;
  description: string;
}

type Manifest = {
  permissions: string[];
  optional_host_permissions: string[];
  browser_specific_settings: { gecko: { data_collection_permissions: { required: string[]; optional?: string[] } } };
};

function manifestFor(browser: 'chrome' | 'firefox'): Manifest {
  if (typeof config.manifest !== 'function') throw new Error('wxt.config.ts: manifest is expected to be a function of the browser');
  return config.manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' } as never) as unknown as Manifest;
}

const messages = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
const listing = (lang: string) => parse(readFileSync(`store/${lang}/listing.yaml`, 'utf8')) as Listing;
const policy = (lang: string) => readFileSync(`store/${lang}/privacy.md`, 'utf8');
/** Everything the text puts in backticks: permission names, hosts, code. */
const quoted = (text: string) => new Set([...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!));

describe('store listings', () => {
  it('exist for exactly the languages the extension speaks', () => {
    const store = readdirSync('store', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    const locales = readdirSync('public/_locales').sort();
    expect(store).toEqual([...LANGS].sort());
    expect(locales).toEqual(store);
  });

  it.each(LANGS)('%s: name and summary are the manifest\'s, the summary within the Chrome Web Store\'s 132 characters', (lang) => {
    const l = listing(lang);
    const m = messages(lang);
    expect(l.name).toBe(m.extName!.message);
    expect(l.summary).toBe(m.extDescription!.message);
    expect(l.summary.length).toBeLessThanOrEqual(132);
  });

  it.each(LANGS)('%s: the description is plain text of a store\'s size and names the shortcut keys', (lang) => {
    const { description } = listing(lang);
    expect(description.length).toBeGreaterThan(800);
    expect(description.length).toBeLessThanOrEqual(16_000);
    expect(description).not.toMatch(/<[a-z/]/i);
    expect(description).toContain('Alt+Shift+J');
  });

  it('each description is written in its own language', () => {
    const cyrillicShare = (text: string) => {
      const letters = text.match(/\p{L}/gu) ?? [];
      return letters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length / letters.length;
    };
    expect(cyrillicShare(listing('ru').description)).toBeGreaterThan(0.9);
    expect(cyrillicShare(listing('en').description)).toBe(0);
    expect(cyrillicShare(listing('tr').description)).toBe(0);
    // Letters English lacks, in the words Turkish uses most.
    expect(listing('tr').description.match(/[ğışçöüİ]/g)?.length).toBeGreaterThan(50);
    expect(listing('en').description).not.toMatch(/[ğışçöüİ]/);
  });
});

describe('privacy policy', () => {
  const firefox = manifestFor('firefox');
  const chrome = manifestFor('chrome');

  it('the two builds ask for the same permissions, so one policy covers both', () => {
    expect(chrome.permissions).toEqual(firefox.permissions);
    expect(chrome.optional_host_permissions).toEqual(firefox.optional_host_permissions);
  });

  it.each(LANGS)('%s: states the data collection the Firefox manifest declares', (lang) => {
    const declared = firefox.browser_specific_settings.gecko.data_collection_permissions;
    // The policy says "no optional data collection"; a manifest that adds some needs a new policy.
    expect(declared.optional ?? []).toEqual([]);
    const text = policy(lang);
    expect(text).toContain('`data_collection_permissions`');
    expect(quoted(text)).toContain(`required: ${JSON.stringify(declared.required)}`);
  });

  it.each(LANGS)('%s: explains every permission and names exactly the sites granted at install', (lang) => {
    const q = quoted(policy(lang));
    for (const p of [...firefox.permissions, ...firefox.optional_host_permissions]) expect(q, p).toContain(p);
    const hosts = [...q].filter((s) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(s) && !s.endsWith('.md'));
    expect(hosts.sort()).toEqual([...NEWS_SITES].sort());
  });

  it.each(LANGS)('%s: says what a page can see: the highlight registry and its names', (lang) => {
    const q = quoted(policy(lang));
    expect(q).toContain('CSS.highlights');
    expect(q).toContain(highlightName('person'));
    expect(q).toContain(highlightName('state'));
  });
});
