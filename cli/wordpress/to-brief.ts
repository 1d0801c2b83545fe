/**
 * One brief from one translation group of WordPress posts. `about` comes from
 * Gloss's own matcher run over the posts' text against the pack's entities, so
 * a brief is about exactly the entities readers would see highlighted in it.
 */
import { aliasesOf } from '../../lib/kb/matcher-entries';
import { compileMatcher, matchBlock, type Matcher } from '../../lib/match';
import { isDate } from '../../lib/pack/dates';
import { ID_PATTERN } from '../../lib/pack/fields';
import { isHttpUrl } from '../../lib/pack/http-url';
import { isTrackingParameter, normalizeUrl } from '../../lib/pack/normalize-url';
import type { Brief, Entity, Translation } from '../../lib/pack/types';
import { htmlToBlocks, htmlToText, linksIn } from './html-text';
import type { Post } from './posts';

export interface ImportSettings {
  matcher: Matcher;
  /** Language of posts that say none. */
  defaultLang: string;
  /** Mentions an entity needs to be listed in `about`. */
  minMentions: number;
}

export function entityMatcher(entities: readonly Entity[]): Matcher {
  return compileMatcher(entities.map((e) => ({ key: e.id, kind: e.kind, aliases: aliasesOf(e) })));
}

/** What readers see in a card: about a paragraph. */
const SUMMARY_CHARS = 600;

function summaryOf(excerptHtml: string): string | undefined {
  // WordPress ends generated excerpts with "[…]", themes with a "read more" link.
  let text = htmlToText(excerptHtml)
    .replace(/\s*\[(?:…|\.\.\.)\]\s*$/, '')
    .replace(/\s*(?:Continue reading|Read more|Devamını oku|Читать далее|Подробнее)(?![\p{L}\p{N}]).*$/iu, '')
    .trim();
  if (text.length > SUMMARY_CHARS) {
    const cut = text.slice(0, SUMMARY_CHARS - 1);
    text = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_CHARS / 2)).trimEnd()}…`;
  }
  return text === '' ? undefined : text;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};

/** A link as a citation: without its fragment and click-tracking parameters, which say nothing about the page. */
function citation(href: string, base: string): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  url.hash = '';
  // Raw pairs, so the parameters kept keep their spelling (URLSearchParams would re-encode them).
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParameter(pair.split('=', 1)[0] ?? ''));
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return url.href;
}

/** Links in the posts that leave the site: what the brief cites. The leading post's links come first. */
function citesOf(posts: readonly Post[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const post of posts) {
    const site = hostOf(post.link);
    for (const href of linksIn(post.content)) {
      const url = citation(href, post.link);
      if (url === null || !isHttpUrl(url) || hostOf(url) === site) continue;
      const key = normalizeUrl(url);
      if (key === null || seen.has(key)) continue;
      seen.add(key);
      out.push(url);
    }
  }
  return out;
}

/** Entities mentioned in the posts, most mentioned first. */
function aboutOf(posts: readonly Post[], settings: ImportSettings): string[] {
  const counts = new Map<string, number>();
  for (const post of posts) {
    // Each post is one page: short forms unlock after a full mention in that post only.
    const unlocked = new Set<string>();
    const lang = post.lang ?? settings.defaultLang;
    for (const block of [htmlToText(post.title), ...htmlToBlocks(post.content)]) {
      for (const m of matchBlock(settings.matcher, block, { lang, unlocked })) {
        counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
      }
    }
  }
  return [...counts]
    .filter(([, n]) => n >= settings.minMentions)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id]) => id);
}

/** The English post leads its group; without one, the first in the export. */
export function mainPost(group: readonly Post[]): Post {
  return group.find((p) => p.lang === 'en') ?? (group[0] as Post);
}

/** A record id from the slug (`%d0%...` slugs of Cyrillic titles fall back to the post number). */
export function briefIdOf(post: Post): string {
  let slug = post.slug;
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // keep it as it is
  }
  const id = slug.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return ID_PATTERN.test(id) && /[a-z]/.test(id) ? id : `post-${post.id}`;
}

function publishedOf(post: Post): string {
  const day = post.date.slice(0, 10);
  return isDate(day) ? day : post.date;
}

function translationsOf(main: Post, group: readonly Post[], defaultLang: string): Translation[] {
  const byLang = new Map<string, Translation>();
  for (const p of group) {
    if (p === main) continue;
    const lang = p.lang ?? defaultLang;
    const title = htmlToText(p.title);
    if (!byLang.has(lang)) byLang.set(lang, { lang, ...(title ? { title } : {}), url: p.link });
  }
  // WPML names translations the export may not hold.
  const held = new Set(group.map((p) => p.id));
  for (const p of group) {
    for (const t of p.external) {
      if (held.has(t.id) || !t.url || t.lang === (main.lang ?? defaultLang) || byLang.has(t.lang)) continue;
      byLang.set(t.lang, { lang: t.lang, ...(t.title ? { title: htmlToText(t.title) } : {}), url: t.url });
    }
  }
  return [...byLang.values()].sort((a, b) => (a.lang < b.lang ? -1 : 1));
}

export function briefOf(group: readonly Post[], settings: ImportSettings): Brief {
  const main = mainPost(group);
  const summary = summaryOf(main.excerpt);
  const about = aboutOf(group, settings);
  const cites = citesOf([main, ...group.filter((p) => p !== main)]);
  const translations = translationsOf(main, group, settings.defaultLang);
  return {
    id: briefIdOf(main),
    title: htmlToText(main.title),
    url: main.link,
    lang: main.lang ?? settings.defaultLang,
    published: publishedOf(main),
    ...(main.authors.length > 0 ? { authors: main.authors } : {}),
    ...(summary ? { summary } : {}),
    ...(about.length > 0 ? { about } : {}),
    ...(cites.length > 0 ? { cites } : {}),
    ...(translations.length > 0 ? { translations } : {}),
  };
}
