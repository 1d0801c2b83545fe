/**
 * Matcher benchmark: throughput over a synthetic 20,000-word page against one big regular
 * expression alternation of the same aliases, plus compile time and stored size by KB size.
 *
 * Run: node --import tsx -e "import('./tests/bench/matcher.ts').then(m=>m.benchMatcher(console.log))"
 */
import { compileMatcher } from '../../lib/match/compile';
import { matchBlock } from '../../lib/match/find';
import { fold } from '../../lib/match/fold';
import { deserializeMatcher, serializedByteLength, serializeMatcher } from '../../lib/match/serialize';
import type { Matcher, MatcherEntry } from '../../lib/match/types';
import { makeEntries, makePage, PAGE_WORDS, prng } from './synthetic';
import { bestTime } from './best-time';

const SIZES = [1_000, 10_000, 50_000, 200_000];
/**
 * The regular expression is only built up to this many aliases: V8 compiles a 50,000-way
 * alternation in tens of seconds and a 200,000-way one in minutes, past this bench's budget.
 */
const REGEX_MAX_ALIASES = 10_000;
/** A regex that needs longer than this for one pass is timed over part of the page. */
const REGEX_SLOW_PASS_MS = 2_000;

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** One alternation, longest first so the regex prefers the longer of two overlapping aliases. */
function buildRegex(aliases: readonly string[]): RegExp {
  const folded = [...new Set(aliases.map((a) => fold(a).text.trim()))].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${folded.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

const mb = (bytes: number, ms: number) => (bytes / 1e6 / (ms / 1000)).toPrecision(3);

export async function benchMatcher(log: (line: string) => void): Promise<void> {
  const rnd = prng(0x61055);
  const biggest = SIZES[SIZES.length - 1] ?? 0;
  const { entries, aliases } = makeEntries(biggest, rnd);
  const blocks = makePage(aliases, rnd);
  const encoder = new TextEncoder();
  const blockBytes = blocks.map((b) => encoder.encode(b).length);
  const pageBytes = blockBytes.reduce((a, b) => a + b, 0);
  const foldedBlocks = blocks.map((b) => fold(b).text);
  log(`matcher bench: page ${blocks.length} blocks, ${PAGE_WORDS} words, ${pageBytes} bytes (UTF-8)`);

  const foldMs = bestTime(() => {
    for (const b of blocks) fold(b);
  });
  log(`  fold alone: ${mb(pageBytes, foldMs)} MB/s`);

  for (const size of SIZES) {
    // Entries in order until `size` aliases, so every size keeps the page's mentions.
    const subset: MatcherEntry[] = [];
    let n = 0;
    for (const e of entries) {
      if (n >= size) break;
      subset.push(e);
      n += e.aliases.length;
    }
    const t0 = performance.now();
    const matcher: Matcher = compileMatcher(subset);
    const compileMs = performance.now() - t0;
    const stored = structuredClone(serializeMatcher(matcher));
    const t1 = performance.now();
    const loaded = deserializeMatcher(stored);
    const loadMs = performance.now() - t1;

    let found = 0;
    const matchMs = bestTime(() => {
      const unlocked = new Set<string>();
      found = 0;
      for (const b of blocks) found += matchBlock(loaded, b, { lang: 'en', unlocked }).length;
    });

    log(`  ${size} aliases (${subset.length} entries, ${matcher.tables.nodeCount} trie nodes):`);
    log(`    compile ${compileMs.toFixed(0)} ms; serialized ${serializedByteLength(stored)} bytes; load ${loadMs.toFixed(1)} ms`);
    log(`    matcher (fold + match, all rules): ${mb(pageBytes, matchMs)} MB/s, ${found} mentions`);

    if (size > REGEX_MAX_ALIASES) {
      log(`    regex: skipped for size (over ${REGEX_MAX_ALIASES} aliases V8 takes tens of seconds or more to compile the alternation)`);
      continue;
    }
    const r0 = performance.now();
    let regex: RegExp;
    try {
      regex = buildRegex(aliases.slice(0, n));
      // V8 compiles a RegExp on first use: count that as part of building it.
      regex.test('warm up');
      regex.lastIndex = 0;
    } catch (err) {
      log(`    regex: skipped, could not be built (${String(err)})`);
      continue;
    }
    const buildMs = performance.now() - r0;
    // A probe pass, block by block, stops early when the regex is hopelessly slow: its speed is
    // then taken over the blocks it got through.
    const p0 = performance.now();
    let probed = 0;
    let probedBytes = 0;
    let regexFound = 0;
    for (const f of foldedBlocks) {
      for (const _ of f.matchAll(regex)) regexFound++;
      probedBytes += blockBytes[probed] ?? 0;
      probed++;
      if (performance.now() - p0 > REGEX_SLOW_PASS_MS) break;
    }
    const probeMs = performance.now() - p0;
    let regexRate: number;
    let note = `${regexFound} mentions`;
    if (probed < foldedBlocks.length) {
      regexRate = probedBytes / 1e6 / (probeMs / 1000);
      note = `timed over ${probed} of ${foldedBlocks.length} blocks, ${regexFound} mentions there`;
    } else {
      const regexMs = bestTime(() => {
        regexFound = 0;
        for (const f of foldedBlocks) for (const _ of f.matchAll(regex)) regexFound++;
      });
      regexRate = pageBytes / 1e6 / (regexMs / 1000);
      note = `${regexFound} mentions`;
    }
    const matchRate = pageBytes / 1e6 / (matchMs / 1000);
    log(
      `    regex alternation over pre-folded text: ${regexRate.toPrecision(3)} MB/s, ${note} ` +
        `(build ${buildMs.toFixed(0)} ms); matcher/regex speed = ${(matchRate / regexRate).toPrecision(3)}`,
    );
  }
  log('  (the regex ignores afterFull, case and stem rules and is given text already folded)');
}
