/**
 * The starter pack that ships inside Gloss, built from kb/ by the publishers'
 * own tool and checked the way readers' Gloss checks it, plus one check of the
 * alias policy: no name or alias may match ordinary everyday text.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackDir } from '@/cli/commands/build';
import { verifyPack } from '@/cli/commands/verify';
import { aliasesOf } from '@/lib/kb/matcher-entries';
import { compileMatcher, matchBlock, type Matcher } from '@/lib/match';
import { normalizeUrl, parseSnapshot, type Snapshot } from '@/lib/pack';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const KB = join(REPO, 'kb');
const COMMON_WORDS = join(REPO, 'tests', 'fixtures', 'common-words');
const SEED_BRIEF = 'nk-russia-asia-pacific-2023';
const SEED_CITES = 'https://www.reuters.com/world/north-korea-says-us-allies-criticism-its-ties-with-russia-distorted-2023-10-27/';

let out: string;
let snapshot: Snapshot;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'gloss-starter-'));
  if (!existsSync(join(KB, 'pack.yaml'))) throw new Error('kb/pack.yaml is missing: the starter pack source is not there');
  const result = await buildPackDir(KB, join(out, 'starter'), { now: new Date('2026-11-30T08:00:00Z') });
  snapshot = parseSnapshot(await readFile(join(out, 'starter', `snapshot-${result.version}.json`)), 'starter snapshot');
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('the starter pack (kb/)', () => {
  it('builds into a pack that readers’ Gloss accepts', async () => {
    const result = await verifyPack(join(out, 'starter'));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.row?.entityCount).toBe(snapshot.entities.length);
  });

  it('has no dangling references', () => {
    const ids = new Set(snapshot.entities.map((e) => e.id));
    const dangling = [
      ...snapshot.entities.flatMap((e) =>
        [...(e.participants ?? []), ...(e.related ?? [])].filter((id) => !ids.has(id)).map((id) => `entity ${e.id} → ${id}`),
      ),
      ...snapshot.briefs.flatMap((b) => (b.about ?? []).filter((id) => !ids.has(id)).map((id) => `brief ${b.id} → ${id}`)),
    ];
    expect(dangling).toEqual([]);
  });

  it('names every entity in English, Turkish and Russian', () => {
    const missing = snapshot.entities.flatMap((e) =>
      ['en', 'tr', 'ru'].filter((lang) => !e.name[lang]?.trim()).map((lang) => `${e.id}: name.${lang}`),
    );
    expect(missing).toEqual([]);
  });

  it('holds the seed brief, citing the Reuters report', () => {
    const seed = snapshot.briefs.find((b) => b.id === SEED_BRIEF);
    expect(seed, `brief "${SEED_BRIEF}"`).toBeDefined();
    expect((seed?.cites ?? []).map(normalizeUrl)).toContain(normalizeUrl(SEED_CITES));
  });
});

describe('no alias matches ordinary text', () => {
  let matcher: Matcher;
  beforeAll(() => {
    matcher = compileMatcher(snapshot.entities.map((e) => ({ key: e.id, kind: e.kind, aliases: aliasesOf(e) })));
  });

  /** Every match in a text of everyday prose, one paragraph per block, as a page would be matched. */
  async function hits(lang: string, unlockAll: boolean): Promise<string[]> {
    const text = await readFile(join(COMMON_WORDS, `${lang}.txt`), 'utf8');
    // With everything unlocked, short forms (afterFull) are tested as on a page that named the entity in full.
    const unlocked = new Set(unlockAll ? snapshot.entities.map((e) => e.id) : []);
    const found: string[] = [];
    for (const block of text.split(/\n\s*\n/)) {
      for (const m of matchBlock(matcher, block, { lang, unlocked })) {
        found.push(`${lang}: "${block.slice(m.start, m.end)}" matched ${m.key} in “…${block.slice(Math.max(0, m.start - 30), m.end + 30)}…”`);
      }
    }
    return found;
  }

  for (const lang of ['en', 'tr', 'ru']) {
    it(`${lang}: on a page that names no entity`, async () => {
      expect(await hits(lang, false)).toEqual([]);
    });
    it(`${lang}: even after every entity was named in full earlier on the page`, async () => {
      expect(await hits(lang, true)).toEqual([]);
    });
  }
});
