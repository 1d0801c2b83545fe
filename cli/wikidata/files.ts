/**
 * Generated entity files and the publisher's edits. Each file the import writes carries the
 * hash of its body in its header. On the next import a file whose body still matches its hash
 * is replaced with Wikidata's current version; a file the publisher edited (hash no longer
 * matching, or header removed) is the publisher's from then on and is never written again.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Entity } from '../../lib/pack/types';

const HASH_LINE = /^# sha256: ([0-9a-f]{64})\n/m;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function fileName(q: string): string {
  return `${q.toLowerCase()}.yaml`;
}

export function fileText(entity: Entity, q: string): string {
  const body = stringify(entity, { lineWidth: 100 });
  return [
    `# Imported from wikidata:${q} by gloss-pack import-wikidata. Importing again replaces this file,`,
    '# unless you have edited it: an edited file is kept as you left it (delete it to import it again).',
    `# sha256: ${sha256(body)}`,
    '',
  ].join('\n') + body;
}

/** True when the file is exactly as the import wrote it. */
export function isUntouched(text: string): boolean {
  const m = HASH_LINE.exec(text);
  if (!m) return false;
  const body = text.slice(m.index + m[0].length);
  return sha256(body) === m[1];
}

/** The untouched generated files in a folder (names relative to it), and their texts. */
export async function untouchedFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!/^q\d+\.yaml$/.test(name)) continue;
    const text = await readFile(join(dir, name), 'utf8');
    if (isUntouched(text)) out.set(name, text);
  }
  return out;
}

/** A readable, stable id from the English (or first) label: `North Korea` → `north-korea`. */
export function slug(label: string | undefined): string {
  return (label ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
