/**
 * Precision on ordinary prose: everyday text written for these tests in English, Turkish and
 * Russian, naming no actor of international affairs, gets no highlight from the starter pack
 * together with a pack of every country and capital (tests/fixtures/country-pack.ts).
 * Each file is matched as one page: blocks in order, then context resolved over all of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSource } from '@/cli/source';
import { aliasesOf } from '@/lib/kb/matcher-entries';
import { compileMatcher, matchPage, type Matcher, type MatcherEntry } from '@/lib/match';
import type { Entity } from '@/lib/pack/types';
import { countryPack } from '../fixtures/country-pack';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const LANGS = ['en', 'tr', 'ru'] as const;
/** What the corpus holds at least, so that removing prose shows up here. */
const MIN_WORDS: Record<(typeof LANGS)[number], number> = { en: 20_000, tr: 20_000, ru: 20_000 };

function entriesOf(pack: string, entities: readonly Entity[]): MatcherEntry[] {
  return entities.map((e) => ({
    key: `${pack}:${e.id}`,
    kind: e.kind,
    aliases: aliasesOf(e),
    context: [...(e.participants ?? []), ...(e.related ?? [])].map((id) => `${pack}:${id}`),
  }));
}

/** The prose of one language: the older everyday-words fixture and the corpus files. */
function prose(lang: string): { file: string; text: string }[] {
  const dirs = [join(REPO, 'tests/fixtures/corpus', lang)];
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)));
  files.push(join(REPO, 'tests/fixtures/common-words', `${lang}.txt`));
  return files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Every highlight the page would get, described with its surroundings. */
function highlights(matcher: Matcher, lang: string, text: string): string[] {
  const blocks = text.split(/\n\s*\n/);
  return matchPage(matcher, blocks, lang).flatMap((found, i) =>
    found.map((m) => `"${blocks[i]!.slice(m.start, m.end)}" as ${m.key} in “…${blocks[i]!.slice(Math.max(0, m.start - 30), m.end + 30)}…”`),
  );
}

let matcher: Matcher;
let countries: Entity[];
beforeAll(async () => {
  const starter = await readSource(join(REPO, 'kb'), { only: 'entities' });
  countries = countryPack();
  matcher = compileMatcher([...entriesOf('starter', starter.entities.map((r) => r.record)), ...entriesOf('countries', countries)]);
});

describe('ordinary prose gets no highlight (starter pack + every country and capital)', () => {
  it('the country pack is what it says: ~250 countries and their capitals, in three languages', () => {
    expect(countries.filter((e) => e.kind === 'state').length).toBeGreaterThan(240);
    expect(countries.filter((e) => e.kind === 'place').length).toBeGreaterThan(230);
    const georgia = countries.find((e) => e.id === 'country-ge')!;
    expect(georgia.name).toMatchObject({ en: 'Georgia', tr: 'Gürcistan', ru: 'Грузия' });
  });

  it('and it highlights countries and capitals in news, so the corpus check is not empty by construction', () => {
    const news = 'Officials in Tbilisi said Georgia would reopen the border. Egypt and Jordan signed a deal in Amman.';
    // The starter pack holds every state and capital too, and is subscribed first: it wins the span.
    expect(highlights(matcher, 'en', news).map((h) => h.split(' in “')[0])).toEqual([
      '"Tbilisi" as starter:tbilisi',
      '"Georgia" as starter:georgia',
      '"Egypt" as starter:egypt',
      '"Jordan" as starter:jordan',
      '"Amman" as starter:amman',
    ]);
    const countriesOnly = compileMatcher(entriesOf('countries', countries));
    expect(highlights(countriesOnly, 'en', news).map((h) => h.split(' in “')[0])).toEqual([
      '"Tbilisi" as countries:capital-ge',
      '"Georgia" as countries:country-ge',
      '"Egypt" as countries:country-eg',
      '"Jordan" as countries:country-jo',
      '"Amman" as countries:capital-jo',
    ]);
    expect(highlights(matcher, 'tr', 'Gürcistan ile Rusya görüştü.').length).toBe(2);
  });

  for (const lang of LANGS) {
    it(`${lang}`, () => {
      const found: string[] = [];
      let total = 0;
      for (const { file, text } of prose(lang)) {
        total += words(text);
        for (const h of highlights(matcher, lang, text)) found.push(`${file.slice(REPO.length)}: ${h}`);
      }
      expect(found).toEqual([]);
      // The corpus size is part of the claim: see tests/fixtures/corpus/README.md.
      expect(total).toBeGreaterThan(MIN_WORDS[lang]);
    });
  }
});
