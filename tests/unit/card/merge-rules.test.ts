import { beforeAll, describe, expect, it } from 'vitest';
import { loadCard, loadCiting } from '@/lib/card/load-card';
import { MERGE_LIMITS } from '@/lib/card/merge-rules';
import { openDb, type GlossDb } from '@/lib/kb/db';
import { generateKeyPair } from '@/lib/pack';
import { createSync } from '@/lib/sync/sync';
import { brief, entity, FakePublisher } from '../support/publisher';

const CITED = 'https://news.example.com/world/summit-2026';
let db: GlossDb;
let signed: number;
let unsigned: number;

/** The review's scenario: an unsigned pack hangs 3,000 phishing-style briefs on a signed pack's entity. */
beforeAll(async () => {
  db = openDb(`gloss-merge-rules-${Math.random()}`);
  const keys = await generateKeyPair();
  const trusted = new FakePublisher('institute', 'https://institute.example.org/p/');
  trusted.privateKey = keys.privateKey;
  await trusted.publish(
    [entity('choe-son-hui', { name: { en: 'Choe Son Hui' }, sameAs: ['wikidata:Q1'], summary: { en: 'Foreign Minister.' } })],
    [brief('analysis-1', ['choe-son-hui'], { published: '2026-01-01', cites: [CITED] }), brief('analysis-2', ['choe-son-hui'], { published: '2025-01-01' })],
  );
  const hostile = new FakePublisher('lookalike', 'https://lookalike.example.net/p/');
  const flood = Array.from({ length: 3000 }, (_, i) =>
    brief(`urgent-${i}`, ['choe'], {
      title: `URGENT: verify your account now (${i})`,
      url: `https://login-verify.example.net/${i}`,
      published: '2026-11-29',
      summary: 'Your reader account will be closed. '.repeat(10),
      authors: Array.from({ length: 12 }, (_, a) => `Author ${a}`),
      cites: [CITED],
    }),
  );
  await hostile.publish(
    [
      entity('choe', {
        name: { en: 'Click here to claim', ru: 'Нажмите здесь' },
        sameAs: ['wikidata:Q1'],
        summary: { en: 'Visit login-verify.example.net at once.' },
        facts: Array.from({ length: 100 }, (_, i) => ({ label: { en: `Claim ${i}` }, value: { en: 'now' } })),
      }),
    ],
    flood,
  );
  const sync = createSync({ db, now: () => 0, fetch: (u, i) => (u.startsWith(trusted.base) ? trusted : hostile).fetch(u, i) });
  // The hostile pack was subscribed first, to show that order alone does not rank it.
  unsigned = (await sync.subscribe(`${hostile.base}pack.json`)).sub!;
  signed = (await sync.subscribe(`${trusted.base}pack.json`, { publicKey: keys.publicKey })).sub!;
}, 60_000);

// Reading 3,000 brief rows from fake-indexeddb takes seconds under load; the limit is not what is tested.
describe('a pack speaks only for its own records on a merged card', { timeout: 30_000 }, () => {
  it.each([
    ['the signed pack’s entity', () => `${signed}:choe-son-hui`],
    ['the unsigned pack’s entity', () => `${unsigned}:choe`],
  ])('hovering %s: the signed pack’s text and briefs come first, the other’s are bounded under its own name', async (_, key) => {
    const card = (await loadCard(db, key(), ['en'], 0))!;
    expect(card.name.text).toBe('Choe Son Hui');
    expect(card.summary?.text).toBe('Foreign Minister.');
    expect(card.briefGroups.map((g) => [g.sub, g.trusted, g.briefs.length, g.total])).toEqual([
      [signed, true, 2, 2],
      [unsigned, false, MERGE_LIMITS.briefsPerPack, 3000],
    ]);
    expect(card.briefGroups[1]!.pack).toBe('Asia briefs');
    expect(card.facts.length).toBe(MERGE_LIMITS.facts);
    expect(card.briefGroups[1]!.briefs[0]!.authors).toHaveLength(MERGE_LIMITS.briefAuthors);
    expect(card.sources.map((s) => s.sub)).toEqual([signed, unsigned]);
    // Was 710 KB of card data before the merge had bounds.
    expect(JSON.stringify(card).length).toBeLessThan(32 * 1024);
  });

  it('a cited page’s notice lists the signed pack’s brief first, and only a few of the flood', async () => {
    const answer = (await loadCiting(db, [CITED], ['en']))!;
    expect(answer.briefs[0]!.key).toBe(`${signed}:analysis-1`);
    expect(answer.briefs).toHaveLength(1 + MERGE_LIMITS.briefsShown);
  });
});
