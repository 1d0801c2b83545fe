/**
 * Posts from a WordPress REST API export (`/wp-json/wp/v2/posts`, optionally with
 * `_embed` for author names), and their translation groups as WPML and Polylang
 * describe them:
 *   WPML:     wpml_current_locale "tr_TR" (or lang), wpml_translations [{locale, id, post_title, href}]
 *   Polylang: lang "tr", translations {"en": 101, "ru": 103}
 */
import { CliError } from '../errors';

export interface Post {
  id: number;
  /** Where in the export files it came from, for messages. */
  at: string;
  link: string;
  slug: string;
  date: string;
  status: string;
  title: string;
  excerpt: string;
  content: string;
  lang?: string;
  authors: string[];
  /** Ids of other-language versions the plugin names. */
  linked: number[];
  /** WPML also says where each translation lives, even when the post is not in the export. */
  external: { lang: string; id: number; title?: string; url?: string }[];
}

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const rendered = (x: unknown): string => (isObject(x) ? (str(x.rendered) ?? '') : (str(x) ?? ''));
const postId = (x: unknown): number | undefined => (typeof x === 'number' && Number.isInteger(x) && x > 0 ? x : undefined);

/** `tr_TR` → `tr`, `pt-BR` → `pt-br`: the language readers' pages are matched by. */
export function languageOf(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const primary = code.split(/[-_]/, 1)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

function authorsOf(post: Json): string[] {
  const embedded = isObject(post._embedded) ? post._embedded.author : undefined;
  if (!Array.isArray(embedded)) return [];
  const names = embedded.map((a) => (isObject(a) ? str(a.name)?.trim() : undefined)).filter((n): n is string => !!n);
  return [...new Set(names)];
}

function translationsOf(post: Json): Pick<Post, 'linked' | 'external'> {
  const linked: number[] = [];
  const external: Post['external'] = [];
  if (isObject(post.translations)) {
    for (const id of Object.values(post.translations)) {
      const n = postId(id);
      if (n !== undefined) linked.push(n);
    }
  }
  if (Array.isArray(post.wpml_translations)) {
    for (const t of post.wpml_translations) {
      if (!isObject(t)) continue;
      const id = postId(t.id);
      const lang = languageOf(str(t.locale) ?? str(t.lang));
      if (id === undefined || !lang) continue;
      linked.push(id);
      const title = str(t.post_title);
      const url = str(t.href);
      external.push({ lang, id, ...(title ? { title } : {}), ...(url ? { url } : {}) });
    }
  }
  return { linked, external };
}

/** The posts of one export file's parsed JSON. */
export function readPosts(data: unknown, file: string): Post[] {
  if (!Array.isArray(data)) {
    throw new CliError(`${file}: must be a list of posts, as /wp-json/wp/v2/posts returns (got ${isObject(data) ? 'an object' : typeof data})`);
  }
  const problems: string[] = [];
  const posts: Post[] = [];
  data.forEach((raw, i) => {
    const at = `${file}: posts[${i}]`;
    if (!isObject(raw)) return void problems.push(`${at}: is not a post object`);
    const id = postId(raw.id);
    const link = str(raw.link);
    if (id === undefined) return void problems.push(`${at}: id: is required (a post number)`);
    if (!link) return void problems.push(`${at} (post ${id}): link: is required`);
    posts.push({
      id,
      at: `${file}: post ${id}`,
      link,
      slug: str(raw.slug) ?? '',
      date: str(raw.date) ?? str(raw.date_gmt) ?? '',
      status: str(raw.status) ?? 'publish',
      title: rendered(raw.title),
      excerpt: rendered(raw.excerpt),
      content: rendered(raw.content),
      ...((l) => (l ? { lang: l } : {}))(languageOf(str(raw.lang) ?? str(raw.wpml_current_locale))),
      authors: authorsOf(raw),
      ...translationsOf(raw),
    });
  });
  if (problems.length > 0) throw new CliError(problems);
  return posts;
}

/**
 * Groups posts that are translations of one another (directly or through a
 * third), in the order their first post appears in the export.
 */
export function translationGroups(posts: readonly Post[]): Post[][] {
  const index = new Map(posts.map((p, i) => [p.id, i]));
  const parent = posts.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  posts.forEach((p, i) => {
    for (const other of p.linked) {
      const j = index.get(other);
      if (j === undefined) continue;
      const [a, b] = [find(i), find(j)];
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  });
  const groups = new Map<number, Post[]>();
  posts.forEach((p, i) => {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(p);
    groups.set(root, group);
  });
  return [...groups.values()];
}
