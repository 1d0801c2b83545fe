/**
 * The starter pack that ships inside Gloss, built from kb/ by the publishers'
 * own tool and checked the way readers' Gloss checks it, plus one check of the
 * alias policy: no name or alias may match ordinary everyday text.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackDir } from '@/cli/commands/build';
import { verifyPack } from '@/cli/commands/verify';
import { aliasesOf } from '@/lib/kb/matcher-entries';
import { lintEntities } from '@/cli/lint/checks';
import { readSource } from '@/cli/source';
import { compileMatcher, matchBlock, matchPage, type Matcher } from '@/lib/match';
import { foldAlias } from '@/lib/match/compile';
import { normalizeUrl, parseSnapshot, type Snapshot } from '@/lib/pack';
import type { Entity } from '@/lib/pack/types';
import { stateCodes } from '@/scripts/starter-states/generate';

const require = createRequire(import.meta.url);
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

/**
 * Every UN member (193) and observer state (Holy See, Palestine), plus Taiwan and Kosovo: the list
 * of ISO codes is scripts/starter-states/states.json; each code's English names are taken from
 * i18n-iso-countries, independently of how the generator chose ids and names.
 */
describe('every state, with its capital', () => {
  type Names = Record<string, string | string[]>;
  const pkg = ['en', 'tr', 'ru'].map((l) => (require(`i18n-iso-countries/langs/${l}.json`) as { countries: Names }).countries);
  const codes = stateCodes();
  const forms = (e: Entity) => new Set([...Object.values(e.name), ...(e.aliases ?? []).map((a) => a.text)].map((t) => foldAlias(t).key));
  const LANGS = ['en', 'tr', 'ru'];
  const named = (e: Entity | undefined) => LANGS.every((l) => Boolean(e?.name[l]?.trim()));

  it('counts the UN’s 193 members and 2 observer states, and Taiwan and Kosovo', () => {
    expect(codes.filter((c) => c.status === 'member')).toHaveLength(193);
    expect(codes.filter((c) => c.status === 'observer').map((c) => c.code).sort()).toEqual(['PS', 'VA']);
    expect(codes.filter((c) => c.status === 'other').map((c) => c.code).sort()).toEqual(['TW', 'XK']);
    expect(new Set(codes.map((c) => c.code)).size).toBe(197);
  });

  it('holds each, named in three languages, related to its capital, named in three languages, and back', () => {
    const byId = new Map(snapshot.entities.map((e) => [e.id, e]));
    const problems: string[] = [];
    for (const { code } of codes) {
      // The package's names in order (English first); some are catalogue forms no text uses, so the first one the pack knows finds it.
      const names = pkg.flatMap((p) => [p[code]].flat()).filter((n): n is string => Boolean(n)).map((n) => foldAlias(n).key);
      const candidates = snapshot.entities.filter((e) => e.kind === 'state' || e.id === 'taiwan');
      const state = names.map((n) => candidates.find((e) => forms(e).has(n))).find(Boolean);
      if (!state) {
        problems.push(`${code} (${names.join(' / ')}): no state of that name`);
        continue;
      }
      if (!named(state)) problems.push(`${code}: ${state.id} lacks a name in en, tr or ru`);
      const capitalFact = state.facts?.find((f) => f.label.en === 'Capital' || f.label.en === 'Seat of government');
      if (!capitalFact || !named({ ...state, name: capitalFact.value })) problems.push(`${code}: ${state.id} has no capital on its card in three languages`);
      const capital = (state.related ?? []).map((id) => byId.get(id)).find((e) => e?.kind === 'place' && e.name.en === capitalFact?.value.en);
      const cityState = capitalFact?.value.en?.startsWith(`${state.name.en} (`);
      if (cityState) continue;
      if (!capital) problems.push(`${code}: ${state.id} is not related to a place named as its capital (${capitalFact?.value.en})`);
      else if (!named(capital)) problems.push(`${code}: capital ${capital.id} lacks a name in en, tr or ru`);
      else if (!(capital.related ?? []).includes(state.id)) problems.push(`${code}: capital ${capital.id} is not related back to ${state.id}`);
    }
    expect(problems).toEqual([]);
  });

  it('passes gloss-pack lint --strict, the whole pack', async () => {
    const source = await readSource(KB, { only: 'entities' });
    expect(source.entities.length).toBe(snapshot.entities.length);
    expect(lintEntities(source.entities).map((f) => `${f.file}: ${f.entity}: ${f.alias}: ${f.check}`)).toEqual([]);
  });

  it('finds states in running news text, with Turkish suffixes and Russian case forms', () => {
    const matcher = compileMatcher(
      snapshot.entities.map((e) => ({ key: e.id, kind: e.kind, aliases: aliasesOf(e), context: [...(e.participants ?? []), ...(e.related ?? [])] })),
    );
    const keys = (lang: string, text: string) => matchPage(matcher, [text], lang)[0]!.map((m) => `${text.slice(m.start, m.end)}=${m.key}`);
    expect(keys('en', 'Germany and Brazil met in Nairobi; Georgia sent a delegation from Tbilisi.')).toEqual([
      'Germany=germany',
      'Brazil=brazil',
      'Nairobi=nairobi',
      'Georgia=georgia',
      'Tbilisi=tbilisi',
    ]);
    // Without Tbilisi (or another related entity) on the page, Georgia is the US state as likely as not.
    expect(keys('en', 'Storms hit Georgia and Florida overnight.')).toEqual([]);
    expect(keys('tr', 'Almanya’nın Berlin’deki elçiliği, Kenya’ya yardım gönderdi.')).toEqual(['Almanya=germany', 'Berlin=berlin', 'Kenya=kenya']);
    expect(keys('ru', 'Делегация Германии прибыла в Бразилию, а затем в Каир.')).toEqual(['Германии=germany', 'Бразилию=brazil', 'Каир=cairo']);
  });
});
