/**
 * `gloss-pack import-wordpress EXPORT.json... --entities SRC`: brief files from
 * a WordPress REST API export, one per translation group.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Brief } from '../../lib/pack/types';
import { stringOption, type Command } from '../command';
import { CliError, messageOf } from '../errors';
import { count, silent, type Log } from '../log';
import { checkRecords } from '../records';
import { readSource } from '../source';
import { readPosts, translationGroups, type Post } from '../wordpress/posts';
import { briefOf, entityMatcher, mainPost } from '../wordpress/to-brief';

export interface ImportOptions {
  /** The pack source folder whose entities `about` is matched against. */
  entities: string;
  /** Where brief files go (default SRC/briefs/wordpress). */
  out?: string;
  lang?: string;
  minMentions?: number;
  log?: Log;
}

export interface ImportResult {
  posts: number;
  briefs: Brief[];
  written: string[];
  unchanged: number;
  out: string;
}

async function readExport(file: string): Promise<Post[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliError(`${file}: could not be read (${messageOf(err)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    throw new CliError(`${file}: is not valid JSON (${messageOf(err)})`);
  }
  return readPosts(data, file);
}

function fileText(brief: Brief, group: readonly Post[]): string {
  const ids = group.map((p) => p.id).join(', ');
  const head = `# Imported from WordPress (post${group.length > 1 ? 's' : ''} ${ids}) by gloss-pack import-wordpress.\n# Importing again rewrites this file; move it out of this folder to keep your edits.\n`;
  return head + stringify(brief, { lineWidth: 100 });
}

export async function importWordpress(exports: readonly string[], opts: ImportOptions): Promise<ImportResult> {
  const log = opts.log ?? silent;
  const source = await readSource(opts.entities, { log, only: 'entities' });
  const matcher = entityMatcher(source.entities.map((r) => r.record));
  const settings = { matcher, defaultLang: opts.lang ?? 'en', minMentions: opts.minMentions ?? 1 };

  const posts: Post[] = [];
  const seen = new Set<number>();
  for (const file of exports) {
    for (const post of await readExport(file)) {
      // Paged exports can overlap when posts were published between requests.
      if (seen.has(post.id)) continue;
      seen.add(post.id);
      if (post.status !== 'publish') log(`skipped ${post.at}: its status is "${post.status}"`);
      else posts.push(post);
    }
  }
  const missingLang = posts.filter((p) => !p.lang).length;
  if (missingLang > 0 && !opts.lang) {
    log(`warning: ${count(missingLang, 'post names', 'posts name')} no language; taken as "en" (--lang sets another)`);
  }

  const groups = translationGroups(posts);
  const briefs: Brief[] = [];
  const files: { name: string; text: string }[] = [];
  const problems: string[] = [];
  const ids = new Map<string, Post>();
  groups.forEach((group, i) => {
    if ((i + 1) % 100 === 0) log(`  ${i + 1} of ${groups.length} groups`);
    const brief = briefOf(group, settings);
    const main = mainPost(group);
    if (ids.has(brief.id)) brief.id = `${brief.id}-${main.id}`;
    ids.set(brief.id, main);
    const name = `${brief.id}.yaml`;
    const checked = checkRecords('briefs', [brief], `${main.at} (${name})`);
    problems.push(...checked.errors);
    briefs.push(brief);
    files.push({ name, text: fileText(brief, group) });
  });
  if (problems.length > 0) throw new CliError(problems);

  const out = opts.out ?? join(opts.entities, 'briefs', 'wordpress');
  await mkdir(out, { recursive: true });
  const written: string[] = [];
  let unchanged = 0;
  for (const { name, text } of files) {
    const path = join(out, name);
    const before = await readFile(path, 'utf8').catch(() => null);
    if (before === text) {
      unchanged++;
      continue;
    }
    await writeFile(path, text);
    written.push(path);
  }
  const linked = briefs.filter((b) => b.translations).length;
  log(
    `${count(posts.length, 'post', 'posts')} → ${count(briefs.length, 'brief', 'briefs')} (${linked} with translations) in ${out}: ${written.length} written, ${unchanged} unchanged`,
  );
  return { posts: posts.length, briefs, written, unchanged, out };
}

export const importWordpressCommand: Command = {
  name: 'import-wordpress',
  summary: 'turn a WordPress REST API posts export (WPML, Polylang) into brief files',
  usage: `gloss-pack import-wordpress EXPORT.json... --entities SRC [--out DIR] [--lang CODE] [--min-mentions N]

  EXPORT.json     the JSON of https://your.site/wp-json/wp/v2/posts?per_page=100&_embed
                  (one file per page of results; give them all)
  --entities SRC  the pack source folder: "about" lists its entities found in each post
  --out DIR       where brief files go (default SRC/briefs/wordpress)
  --lang CODE     language of posts whose export names none (default en)
  --min-mentions N  mentions an entity needs to be listed in "about" (default 1)

Translations (WPML or Polylang) become one brief, led by the English post.`,
  options: {
    entities: { type: 'string', short: 'e' },
    out: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    'min-mentions': { type: 'string' },
  },
  args: { min: 1, max: 1000 },
  async run({ positionals, values, log }) {
    const entities = stringOption(values, 'entities');
    if (!entities) throw new CliError('import-wordpress: --entities SRC is required (the pack source folder)', 2);
    const min = stringOption(values, 'min-mentions');
    if (min !== undefined && !/^[1-9]\d*$/.test(min)) throw new CliError(`--min-mentions: "${min}" is not a whole number of 1 or more`, 2);
    const out = stringOption(values, 'out');
    const lang = stringOption(values, 'lang');
    await importWordpress(positionals, {
      entities,
      log,
      ...(out ? { out } : {}),
      ...(lang ? { lang } : {}),
      ...(min ? { minMentions: Number(min) } : {}),
    });
    return 0;
  },
};
