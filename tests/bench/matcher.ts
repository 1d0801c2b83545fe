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

const SIZES = [1_000, 10_000, 50_000, 200_000];
const PAGE_WORDS = 20_000;
/** Each throughput figure is the best of several timed passes lasting at least this long. */
const MIN_MEASURE_MS = 400;
/**
 * The regular expression is only built up to this many aliases: V8 compiles a 50,000-way
 * alternation in tens of seconds and a 200,000-way one in minutes, past this bench's budget.
 */
const REGEX_MAX_ALIASES = 10_000;
/** A regex that needs longer than this for one pass is timed over part of the page. */
const REGEX_SLOW_PASS_MS = 2_000;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka', 'lo', 'mi', 'ra', 'ten', 'vor', 'sun', 'ha', 'li', 'gar', 'mon', 'dri', 'bel', 'tas', 'nor', 've',
  'zan', 'pel', 'ish', 'an', 'or', 'el', 'us', 'in', 'ta', 'ro', 'ki', 'mar', 'sol', 'den', 'vik', 'ber',
  'lin', 'cha', 'go', 'na', 'fe', 'dor', 'ul', 'şa', 'gü', 'jo', 'ne', 'sa', 'to', 'ma', 'do', 'hu',
];
const ORG_WORDS = ['Agency', 'Ministry', 'Council', 'Party', 'Front', 'Institute', 'Bank', 'Union', 'Command', 'Fund'];
const FILLER = (
  'the of and to in a is that for on was with as by at from it said an be has were its have but ' +
  'not are which this after had will who their they been over more also government officials talks ' +
  'minister foreign security week year would could between new first two last since about against ' +
  'people country president military economic statement meeting visit border trade sanctions report ' +
  'Monday Tuesday Wednesday Thursday Friday agreement cooperation defence region capital spokesman'
).split(' ');

/** Aliases grouped into entities: full names, second forms, afterFull surnames, acronyms. */
function makeEntries(count: number, rnd: () => number): { entries: MatcherEntry[]; aliases: string[] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const word = (min: number, max: number): string => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYLLABLES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  // Filler words are taken, so a made-up name never turns ordinary prose into a mention.
  const seen = new Set<string>(FILLER.map((w) => fold(w).text));
  const entries: MatcherEntry[] = [];
  const aliases: string[] = [];
  const add = (entry: MatcherEntry, text: string, extra: Omit<MatcherEntry['aliases'][number], 'text'> = {}) => {
    const key = fold(text).text;
    if (seen.has(key) || aliases.length >= count) return;
    seen.add(key);
    entry.aliases.push({ text, ...extra });
    aliases.push(text);
  };
  for (let e = 0; aliases.length < count; e++) {
    const r = rnd();
    const entry: MatcherEntry = { key: `e${e}`, kind: 'topic', aliases: [] };
    if (r < 0.55) {
      entry.kind = 'person';
      const first = word(1, 2);
      const last = word(2, 3);
      add(entry, `${first} ${last}`);
      if (rnd() < 0.3) add(entry, `${first} ${word(1, 2)}-${last}`);
      add(entry, last, { afterFull: true });
    } else if (r < 0.75) {
      entry.kind = 'organization';
      const name = word(2, 3);
      add(entry, rnd() < 0.5 ? `${name} ${pick(ORG_WORDS)}` : `${pick(ORG_WORDS)} of ${name}`);
      let acronym = '';
      for (let i = 0, n = 3 + Math.floor(rnd() * 3); i < n; i++) acronym += String.fromCharCode(65 + Math.floor(rnd() * 26));
      add(entry, acronym);
    } else {
      entry.kind = 'place';
      add(entry, word(2, 4));
      if (rnd() < 0.2) add(entry, `North ${word(2, 3)}`);
    }
    if (entry.aliases.length > 0) entries.push(entry);
  }
  return { entries, aliases };
}

/** A page of ~20,000 words in paragraphs of ~120, mentioning aliases from the first 1,000. */
function makePage(aliases: readonly string[], rnd: () => number): string[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const common = aliases.slice(0, 1000);
  const blocks: string[] = [];
  let words = 0;
  while (words < PAGE_WORDS) {
    const parts: string[] = [];
    for (let i = 0; i < 120; i++) {
      if (rnd() < 0.04) {
        parts.push(pick(common) + (rnd() < 0.2 ? '’s' : ''));
      } else {
        let w = pick(FILLER);
        if (i === 0 || rnd() < 0.05) w = w.charAt(0).toUpperCase() + w.slice(1);
        parts.push(w + (rnd() < 0.08 ? ',' : ''));
      }
    }
    words += parts.length;
    blocks.push(parts.join(' ') + '.');
  }
  return blocks;
}

/** Best time of repeated runs of `fn` (one run = one pass over the page), in ms. */
function bestTime(fn: () => void): number {
  let best = Infinity;
  const until = performance.now() + MIN_MEASURE_MS;
  let runs = 0;
  while (runs < 3 || performance.now() < until) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
    runs++;
  }
  return best;
}

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
