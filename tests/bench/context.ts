/**
 * Context resolution (`needsContext`): matcher throughput over a 20,000-word page with 50,000
 * entities, without and with 10 % of aliases needing context, and the time of the context pass
 * (pageNames + resolveHeld) as a share of the page's matching work.
 */
import { compileMatcher } from '../../lib/match/compile';
import { isCapitalsOnly, pageNames, resolveHeld } from '../../lib/match/context';
import { matchBlock } from '../../lib/match/find';
import type { HeldMatch, Match, MatcherEntry } from '../../lib/match/types';
import { makeEntries, makePage, PAGE_WORDS, prng } from './synthetic';
import { bestTime } from './best-time';

const ENTITIES = 50_000;
const SHARE = 0.1;

export async function benchContext(log: (line: string) => void): Promise<void> {
  const rnd = prng(0xc0ffee);
  // About two aliases per entity: ask for enough and keep the first 50,000 entities.
  const { entries: all, aliases } = makeEntries(ENTITIES * 3, rnd);
  const plain = all.slice(0, ENTITIES);
  // The same entities, with 10 % of the aliases needing context; each such entity is related to
  // three others among the first 1,000 (the ones the page can name), as a pack's `related` would.
  let held = 0;
  let total = 0;
  const withContext: MatcherEntry[] = plain.map((e) => {
    const aliasesOut = e.aliases.map((a) => {
      total++;
      if (rnd() >= SHARE) return a;
      held++;
      return { ...a, needsContext: true };
    });
    const needs = aliasesOut.some((a) => a.needsContext);
    const context = needs ? [0, 1, 2].map(() => `e${Math.floor(rnd() * 1000)}`) : undefined;
    return { ...e, aliases: aliasesOut, ...(context ? { context } : {}) };
  });
  const blocks = makePage(aliases, rnd);
  const bytes = blocks.reduce((n, b) => n + new TextEncoder().encode(b).length, 0);
  const mb = (ms: number) => (bytes / 1e6 / (ms / 1000)).toPrecision(3);
  log(`context bench: ${ENTITIES} entities, ${total} aliases, ${held} (${((held / total) * 100).toFixed(1)} %) need context; page ${PAGE_WORDS} words, ${blocks.length} blocks`);

  const a = compileMatcher(plain);
  const b = compileMatcher(withContext);

  let plainFound = 0;
  const plainMs = bestTime(() => {
    const unlocked = new Set<string>();
    plainFound = 0;
    for (const text of blocks) plainFound += matchBlock(a, text, { lang: 'en', unlocked }).length;
  });

  // The matching pass with held mentions collected, kept for the context pass below.
  let read: { text: string; free: Match[]; held: HeldMatch[] }[] = [];
  const matchMs = bestTime(() => {
    const unlocked = new Set<string>();
    read = blocks.map((text) => {
      const h: HeldMatch[] = [];
      return { text, free: matchBlock(b, text, { lang: 'en', unlocked, held: h }), held: h };
    });
  });
  const capitals = read.map((r) => isCapitalsOnly(r.text));
  let counted = 0;
  const resolveMs = bestTime(() => {
    const names = pageNames(read.map((r, i) => ({ keys: r.free.map((m) => m.key), capitalsOnly: capitals[i]! })));
    counted = 0;
    for (const r of read) counted += resolveHeld(r.held, names).length;
  });
  const free = read.reduce((n, r) => n + r.free.length, 0);
  const waiting = read.reduce((n, r) => n + r.held.length, 0);

  log(`  without needsContext: ${mb(plainMs)} MB/s (${plainMs.toFixed(1)} ms), ${plainFound} mentions`);
  log(`  with 10 % needsContext: ${mb(matchMs)} MB/s (${matchMs.toFixed(1)} ms), ${free} mentions + ${waiting} held; throughput ratio with/without = ${(plainMs / matchMs).toFixed(2)}`);
  log(`  context pass over the page's matches: ${resolveMs.toFixed(2)} ms, ${counted} of ${waiting} held mentions count`);
  log(`  context pass share of page work (matching + context): ${((resolveMs / (matchMs + resolveMs)) * 100).toFixed(2)} % (budget: under 10 %)`);
}
