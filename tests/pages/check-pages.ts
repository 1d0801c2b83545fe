// npm run check:pages -- DIR [--verbose]
//
// Loads saved news pages in Chromium with the built extension and its starter pack, and prints,
// per page and in total, the share of Gloss's highlights that lie in the page's main content and
// the main content's names that Gloss left plain. "Main content" is decided independently of
// Gloss, by Mozilla's Readability (the engine of Firefox's Reader View), run on a copy of the page.
// Its "matchable names" leave out, and count apart, the names in blocks of Readability's text that
// are wholly a link to another page ("Read: …" lines, related titles, video teasers): the format
// excludes links to other stories, and Readability keeps them.
//
// DIR holds saved pages: `*.html` files, or folders with a `source.html`. The pages are served
// from this machine: a page saved from a default news site under that site's host, any other under
// www.koreaherald.com (a default site whose rule is unlikely to fit a foreign page), at a path no
// site rule takes for a front page. Their scripts are dropped (they cannot run offline and would
// rebuild the page differently each time); JSON-LD stays.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { siteRuleFor } from '../../lib/article/sites';
import { aliasesOf } from '../../lib/kb/matcher-entries';
import { compileMatcher, fold, matchPage } from '../../lib/match';
import type { Entity } from '../../lib/pack/types';
import { launch } from '../e2e/support/browsers';
import { startServer } from '../e2e/support/server';
import { collectPage, type PageFacts } from './collect';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dir = args.find((a) => !a.startsWith('--'));
if (!dir || !existsSync(dir)) {
  console.error('usage: npm run check:pages -- DIR [--verbose]   (DIR: saved pages, *.html or */source.html)');
  process.exit(2);
}

const FALLBACK_HOST = 'www.koreaherald.com';
// Saved-page collections often name pages by site without the host.
const SITE_PREFIXES: [RegExp, string][] = [
  [/^bbc\b/, 'www.bbc.com'], [/^guardian\b/, 'www.theguardian.com'], [/^nytimes\b/, 'www.nytimes.com'],
  [/^reuters\b/, 'www.reuters.com'], [/^aljazeera\b/, 'www.aljazeera.com'], [/^apnews\b/, 'apnews.com'],
];

function hostFor(name: string): string {
  const host = name.split('--')[0]!;
  if (host.includes('.') && siteRuleFor(host)) return host;
  return SITE_PREFIXES.find(([re]) => re.test(name))?.[1] ?? FALLBACK_HOST;
}

function savedPages(root: string): { name: string; file: string }[] {
  const out: { name: string; file: string }[] = [];
  for (const entry of readdirSync(root).sort()) {
    const path = join(root, entry);
    if (statSync(path).isDirectory()) {
      if (existsSync(join(path, 'source.html'))) out.push({ name: entry, file: join(path, 'source.html') });
    } else if (entry.endsWith('.html')) {
      out.push({ name: basename(entry, '.html'), file: path });
    }
  }
  return out;
}

const withoutScripts = (html: string) =>
  html.replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '').replace(/<meta[^>]+http-equiv=["']?(refresh|content-security-policy)[^>]*>/gi, '');

// The names Gloss could find in a text, from the same starter pack the extension ships.
// The snapshot the built manifest names: the starter pack as the extension holds it.
if (!existsSync('public/starter/pack.json')) throw new Error('No starter pack in public/starter: run "npm run build" first.');
const snapshotFile = (JSON.parse(readFileSync('public/starter/pack.json', 'utf8')) as { snapshot: { path: string } }).snapshot.path;
const entities = (JSON.parse(readFileSync(join('public/starter', snapshotFile), 'utf8')) as { entities: Entity[] }).entities;
const matcher = compileMatcher(
  entities.map((e) => ({ key: e.id, kind: e.kind, aliases: aliasesOf(e), context: [...(e.participants ?? []), ...(e.related ?? [])] })),
);
// Letters and digits only: spacing, quotes and dashes differ between the page and Readability's copy.
const squeeze = (s: string) => fold(s).text.replace(/[^\p{L}\p{N}]+/gu, '');

function namesIn(blocks: string[], lang: string): { name: string; where: string; block: number }[] {
  return matchPage(matcher, blocks, lang).flatMap((found, i) =>
    found.map((m) => ({ name: squeeze(blocks[i]!.slice(m.start, m.end)), where: blocks[i]!.slice(Math.max(0, m.start - 8), m.end + 8).replace(/\s+/g, ' '), block: i })),
  );
}

interface Row {
  name: string;
  highlights: number;
  inside: number;
  /** Names in the main content's blocks, less those in blocks that are wholly a link to another page. */
  names: number;
  missed: number;
  /** Names in link-only blocks, and how many of those Gloss highlighted. */
  linkNames: number;
  linkHighlighted: number;
  outside: string[];
  missing: string[];
}

function judge(name: string, facts: PageFacts): Row {
  const main = squeeze(facts.mainText);
  // Each highlight inside, by its name and the letters just around it.
  const inside: { name: string; near: string }[] = [];
  const outside: string[] = [];
  for (const h of facts.highlights) {
    // Whitespace differs between the page and Readability's copy; the letters around a name do not.
    const near = squeeze(h.before.slice(-30) + h.text + h.after.slice(0, 30));
    const close = squeeze(h.before.slice(-8) + h.text + h.after.slice(0, 8));
    if (main && (main.includes(near) || main.includes(close))) inside.push({ name: squeeze(h.text), near: close });
    else outside.push(`${h.text} [${h.before.slice(-25).trim()} | ${h.after.slice(0, 25).trim()}]`);
  }
  const expected = namesIn(facts.mainBlocks, facts.lang);
  const used = new Set<number>();
  const missing: string[] = [];
  let linkNames = 0;
  let linkHighlighted = 0;
  // First the occurrences found among the same letters, then any unused highlight of the same name.
  const found = expected.map(({ name: n, where }) => {
    const context = squeeze(where);
    const i = inside.findIndex((h, k) => !used.has(k) && h.name === n && (context.includes(h.near) || h.near.includes(context)));
    if (i >= 0) used.add(i);
    return i >= 0;
  });
  expected.forEach(({ name: n, where, block }, e) => {
    let hit = found[e]!;
    if (!hit) {
      const i = inside.findIndex((h, k) => !used.has(k) && h.name === n);
      if (i >= 0) used.add(i);
      hit = i >= 0;
    }
    // The format leaves out links to other stories; Readability keeps them. Counted apart.
    if (facts.linkOnly[block]) {
      linkNames++;
      if (hit) linkHighlighted++;
    } else if (!hit) missing.push(`${n} [${where}]`);
  });
  return { name, highlights: facts.highlights.length, inside: inside.length, names: expected.length - linkNames, missed: missing.length, linkNames, linkHighlighted, outside, missing };
}

/** Pages are served over HTTPS: browsers refuse plain HTTP for HSTS-preloaded news sites. */
function selfSignedCertificate(): { key: string; cert: string } {
  const tmp = mkdtempSync(join(tmpdir(), 'gloss-check-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=gloss-check', '-keyout', join(tmp, 'key.pem'), '-out', join(tmp, 'cert.pem')], { stdio: 'ignore' });
  return { key: readFileSync(join(tmp, 'key.pem'), 'utf8'), cert: readFileSync(join(tmp, 'cert.pem'), 'utf8') };
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '  -  ');

const READABILITY = readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');
const pages = savedPages(resolve(dir));
const server = await startServer(selfSignedCertificate());
const browser = await launch('chromium', { resolveAllHosts: true, acceptTestCertificate: true });
const rows: Row[] = [];
try {
  for (const [i, page] of pages.entries()) {
    const path = `/check/2026/${i}-${page.name.replace(/[^a-z0-9-]+/gi, '-')}.html`;
    server.put(path, withoutScripts(readFileSync(page.file, 'utf8')));
    const tab = await browser.newTab();
    try {
      const facts = await collectPage(tab, server.url(path, hostFor(page.name)), READABILITY);
      rows.push(judge(page.name, facts));
    } catch (err) {
      console.error(`${page.name}: ${String(err).split('\n')[0]}`);
    } finally {
      await tab.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`${'page'.padEnd(44)} ${'highlights'.padStart(10)} ${'in main'.padStart(9)} ${'names'.padStart(6)} ${'missed'.padStart(7)}`);
for (const r of rows) {
  console.log(`${r.name.slice(0, 44).padEnd(44)} ${String(r.highlights).padStart(10)} ${pct(r.inside, r.highlights).padStart(9)} ${String(r.names).padStart(6)} ${String(r.missed).padStart(7)}`);
  if (verbose) {
    for (const o of r.outside) console.log(`    outside: ${o}`);
    for (const m of r.missing) console.log(`    missed:  ${m}`);
  }
}
const sum = (f: (r: Row) => number) => rows.reduce((n, r) => n + f(r), 0);
const [h, inside, names, missed] = [sum((r) => r.highlights), sum((r) => r.inside), sum((r) => r.names), sum((r) => r.missed)];
const [linkNames, linkHighlighted] = [sum((r) => r.linkNames), sum((r) => r.linkHighlighted)];
console.log(`\n${rows.length} pages: ${h} highlights, ${inside} in the main content (${pct(inside, h)}); ` +
  `${names} matchable names in the main content, ${names - missed} highlighted (${pct(names - missed, names)}), ${missed} missed.`);
console.log(`Apart: ${linkNames} names in main-content blocks that are wholly a link to another page (the format leaves them out), ` +
  `${linkHighlighted} highlighted. Counting them too: ${names - missed + linkHighlighted} of ${names + linkNames} (${pct(names + linkHighlighted - missed, names + linkNames)}).`);
