// Runs in a plain Chromium page: Gloss's matcher, a regex alternation and mark.js over the
// same article and the same names.
import { extractBlocks, rangeOf } from '../../../lib/annotate/blocks';
import { findArticle } from '../../../lib/article/find-article';
import { PageHighlights } from '../../../lib/annotate/highlights';
import { compileMatcher } from '../../../lib/match/compile';
import { matchBlock } from '../../../lib/match/find';
import { fold } from '../../../lib/match/fold';
import type { MatcherEntry } from '../../../lib/match/types';

declare const Mark: new (el: Element) => { mark(words: string[], opts: object): void; unmark(opts?: object): void };
declare const Readability: new (doc: Document) => { parse(): unknown };

const best = (runs: number, fn: () => number) => {
  let min = Infinity;
  let result = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = fn();
    min = Math.min(min, performance.now() - t);
  }
  return { ms: min, result };
};

(window as unknown as { benchMatch: (entries: MatcherEntry[]) => Promise<Record<string, number>> }).benchMatch = async (entries) => {
  const article = document.querySelector('article')!;
  // Choosing the story among the page's furniture, alone: the first call (cold, as on a page
  // the content script has just reached), then the median of 9.
  const choices: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    findArticle(document);
    choices.push(performance.now() - t);
  }
  const firstChoice = choices.shift()!;
  choices.sort((a, b) => a - b);
  // The baseline: Mozilla's Readability on a copy of the page (it rewrites the document it reads).
  const readability: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    new Readability(document.cloneNode(true) as Document).parse();
    readability.push(performance.now() - t);
  }
  const firstReadability = readability.shift()!;
  readability.sort((a, b) => a - b);
  const texts = [...extractBlocks(article)].map((b) => b.text);
  const bytes = new TextEncoder().encode(texts.join('\n')).byteLength;
  const matcher = compileMatcher(entries);

  const gloss = best(5, () => {
    const unlocked = new Set<string>();
    let n = 0;
    for (const t of texts) n += matchBlock(matcher, t, { lang: 'en', unlocked }).length;
    return n;
  });

  const names = entries.flatMap((e) => e.aliases.filter((a) => !a.afterFull).map((a) => a.text));
  const escaped = names.map((n) => fold(n).text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const regexRun = best(3, () => {
    let n = 0;
    for (const t of texts) n += fold(t).text.match(regex)?.length ?? 0;
    return n;
  });

  const scope = findArticle(document);

  // The whole of Gloss's page work: choose the story, extract, match, ranges, register highlights.
  const pipeline = best(3, () => {
    const highlights = new PageHighlights(document, { style: 'underline', hidden: [] });
    const unlocked = new Set<string>();
    let n = 0;
    const story = findArticle(document);
    for (const block of story.roots.flatMap((root) => [...extractBlocks(root, { skip: story.skips })])) {
      for (const m of matchBlock(matcher, block.text, { lang: 'en', unlocked })) {
        const range = rangeOf(block, m.start, m.end);
        if (range) highlights.add(m.kind, range);
        n++;
      }
    }
    highlights.dispose();
    return n;
  });

  const marker = new Mark(article);
  const mark = best(1, () => {
    let n = 0;
    marker.mark(names, { separateWordSearch: false, accuracy: 'exactly', diacritics: false, each: () => n++ });
    return n;
  });
  marker.unmark();

  return {
    storyRoots: scope.roots.length,
    storyIsArticle: scope.roots[0] === article || scope.roots[0]?.contains(article) ? 1 : 0,
    choiceMedianMs: choices[4]!,
    choiceFirstMs: firstChoice,
    readabilityFirstMs: firstReadability,
    readabilityMedianMs: readability[2]!,
    bytes,
    glossMs: gloss.ms,
    glossMatches: gloss.result,
    regexMs: regexRun.ms,
    regexMatches: regexRun.result,
    pipelineMs: pipeline.ms,
    markMs: mark.ms,
    markMatches: mark.result,
    names: names.length,
  };
};
