import { isSkipped } from '../annotate/scope';
import { isFurniture, isHidden } from './boilerplate';
import { measureText, type TextStats } from './text-stats';
import { proseOf, scoreCandidates, type Candidate } from './score';
import { siteRuleFor, type SiteRule } from './sites';
import { readPageClaims } from './structured-data';

/** How the article was found: the evidence that decided. */
export type ArticleSource = 'site-rule' | 'structured-data' | 'scored' | 'whole-page' | 'none';

export interface ArticleScope {
  /** The story's elements in document order; none when the page has no article. */
  roots: Element[];
  source: ArticleSource;
  /** Whether a node is part of the story: inside a root and not in its furniture. */
  contains(node: Node): boolean;
  /** For the block walk: an element inside a root to leave out, with everything under it. */
  skips(el: Element): boolean;
  /**
   * Judges an element of the story again after its attributes changed (a drawer opened, a
   * "read more" expanded, a block hidden); true when it is now in where it was out, or out
   * where it was in.
   */
  recheck(el: Element): boolean;
}

export interface FindOptions {
  /** The reader asked for the whole page (a page without a recognisable article). */
  wholePage?: boolean;
  /** The page's address, for its site's rule; the document's own by default. */
  url?: string;
}

const NONE: ArticleScope = { roots: [], source: 'none', contains: () => false, skips: () => true, recheck: () => false };

const hasText = (el: Element) => /[\p{L}\p{N}]/u.test(el.textContent ?? '');
const FURNITURE_CONTEXT = 'nav, aside, footer, [role="navigation"], [role="complementary"], [hidden], [aria-hidden="true"]';

/** Every element of the first selector that finds text (a body split into columns has several). */
function allOfFirst(doc: Document, selectors: readonly string[] | undefined): Element[] {
  for (const selector of selectors ?? []) {
    const found = [...doc.querySelectorAll(selector)].filter((el) => hasText(el) && !el.closest(FURNITURE_CONTEXT));
    const outer = found.filter((el) => !found.some((o) => o !== el && o.contains(el)));
    if (outer.length) return outer;
  }
  return [];
}

function firstMatch(doc: Document, selectors: readonly string[] | undefined, inside?: Element): Element | null {
  for (const selector of selectors ?? []) {
    for (const el of doc.querySelectorAll(selector)) {
      if (hasText(el) && !el.closest(FURNITURE_CONTEXT) && (!inside || el.contains(inside))) return el;
    }
  }
  return null;
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The page's headline: the heading that repeats the page's title (a site's logo is an `h1` on
 * some sites, the story's title an `h2`), else the first visible `h1` outside navigation.
 */
function headlineOf(doc: Document): Element | null {
  const title = squash(doc.querySelector('meta[property="og:title" i], meta[name="twitter:title" i]')?.getAttribute('content') || doc.title);
  const usable = (h: Element) => hasText(h) && !h.closest(FURNITURE_CONTEXT) && !isHidden(h);
  const h1s = [...doc.querySelectorAll('h1')];
  if (title) {
    const headings = [...h1s, ...[...doc.querySelectorAll('h2')].slice(0, 30)];
    const titled = headings.find((h) => {
      const text = squash(h.textContent);
      return text.length >= 12 && (title.includes(text) || text.includes(title)) && usable(h);
    });
    if (titled) return titled;
  }
  return h1s.find(usable) ?? null;
}

/**
 * A body split into sibling parts (columns, live-blog entries) is one story: climb while the
 * parent's other children carry a fair share of the prose.
 */
function climb(best: Candidate, candidates: Candidate[]): Element {
  const byEl = new Map(candidates.map((c) => [c.el, c]));
  let current = best;
  for (let i = 0; i < 3; i++) {
    const parent = current.el.parentElement;
    if (!parent || parent.tagName === 'BODY' || parent.tagName === 'HTML') break;
    let siblings = 0;
    for (const child of parent.children) if (child !== current.el) siblings += byEl.get(child)?.score ?? 0;
    const up = byEl.get(parent);
    // Either the siblings are parts of the story too, or the parent holds more of it directly.
    const more = !!up && up.chars >= 1.15 * current.chars && up.score >= 0.5 * current.score;
    if (!up || (siblings < 0.3 * current.score && !more)) break;
    current = up;
  }
  return current.el;
}

function lowestCommonAncestor(a: Element, b: Element): Element | null {
  let el: Element | null = a;
  while (el && !el.contains(b)) el = el.parentElement;
  return el;
}

/**
 * The story around its body: the site's story element, or the smallest element holding the
 * headline and the body if it holds little other prose, or else the headline beside the body.
 */
function storyRoots(doc: Document, body: Element, headline: Element | null, rule: SiteRule | undefined, prose: () => ReturnType<typeof proseOf>): Element[] {
  // The site's story element, if it holds the headline too; else the body joins the headline.
  const story = firstMatch(doc, rule?.story, body);
  if (story && (!headline || story.contains(headline))) return [story];
  const base = story ?? body;
  if (!headline || base.contains(headline)) return [base];
  const common = lowestCommonAncestor(headline, base);
  if (common && common.tagName !== 'BODY' && common.tagName !== 'HTML') {
    let inBody = 0;
    let inCommon = 0;
    for (const p of prose()) {
      if (common.contains(p.el)) inCommon += p.chars;
      if (base.contains(p.el)) inBody += p.chars;
    }
    // The standfirst and a caption or two are welcome; another column of stories is not.
    if (inCommon <= inBody * 1.2 + 400) return [common];
  }
  return headline.compareDocumentPosition(base) & Node.DOCUMENT_POSITION_FOLLOWING ? [headline, base] : [base, headline];
}

/** A story in several parts: one element holding them all if it holds little else, else the parts. */
function joinParts(parts: Element[], prose: () => ReturnType<typeof proseOf>): Element[] {
  if (parts.length < 2) return parts;
  let common: Element | null = parts[0]!;
  while (common && !parts.every((p) => common!.contains(p))) common = common.parentElement;
  if (common && common.tagName !== 'BODY' && common.tagName !== 'HTML') {
    let inParts = 0;
    let inCommon = 0;
    for (const p of prose()) {
      if (common.contains(p.el)) inCommon += p.chars;
      if (parts.some((part) => part.contains(p.el))) inParts += p.chars;
    }
    if (inCommon <= inParts * 1.2 + 400) return [common];
  }
  return parts;
}

/** Candidates built like the best one (same tag and class) elsewhere on the page: the story's other parts. */
function partsLike(body: Element, candidates: Candidate[], best: Candidate): Element[] {
  // Tag and first class name: `story-body story-body-1` and `story-body story-body-2` are alike.
  const signature = (el: Element) => `${el.tagName} ${(el.getAttribute('class') ?? '').trim().split(/\s+/)[0]}`;
  const want = signature(best.el);
  const others = candidates
    .filter((c) => c.el !== best.el && signature(c.el) === want && c.score >= 0.15 * best.score && !body.contains(c.el) && !c.el.contains(body))
    .map((c) => c.el);
  return [body, ...others.filter((el) => !others.some((o) => o !== el && o.contains(el)))];
}

/** Whether the best-scored element reads as a story rather than a front page of teasers. */
function readsAsStory(best: Candidate | undefined, headline: Element | null, claimed: boolean | null): boolean {
  if (!best) return false;
  const teasers = best.el.querySelectorAll('h2 a[href], h3 a[href], a[href] h2, a[href] h3').length;
  if (teasers >= 3 && best.paragraphs < teasers * 2) return false;
  if (claimed === true) return true;
  const strong = best.paragraphs >= 3 && best.chars >= 400;
  if (claimed === false) return strong;
  const titled = !!headline && (best.el.contains(headline) || !!lowestCommonAncestor(headline, best.el)?.matches('article, main, [role="main"]'));
  // A page whose one <article> holds the prose is that article's page, however short.
  const articles = best.el.ownerDocument.getElementsByTagName('article');
  const sole = articles.length === 1 && articles[0]!.contains(best.el);
  return strong || titled || sole;
}

function scope(roots: Element[], source: ArticleSource, skips: (el: Element) => boolean): ArticleScope {
  const memo = new WeakMap<Element, boolean>();
  const skipped = (el: Element) => {
    let s = memo.get(el);
    if (s === undefined) memo.set(el, (s = skips(el)));
    return s;
  };
  return {
    roots,
    source,
    skips: skipped,
    recheck(el) {
      if (!roots.some((r) => r !== el && r.contains(el))) return false;
      const before = memo.get(el);
      const now = skips(el);
      memo.set(el, now);
      return before !== undefined && before !== now;
    },
    contains(node) {
      const root = roots.find((r) => r.contains(node));
      if (!root) return false;
      for (let el = node instanceof Element ? node : node.parentElement; el && el !== root; el = el.parentElement) {
        if (skipped(el)) return false;
      }
      return true;
    },
  };
}

/** Finds the story on a page: structured data, then the site's rule, then a scored choice. */
export function findArticle(doc: Document, opts: FindOptions = {}): ArticleScope {
  const bodyEl = doc.body;
  if (!bodyEl) return NONE;
  if (opts.wholePage) return scope([bodyEl], 'whole-page', (el) => el.matches('[hidden], [aria-hidden="true"]') || isHidden(el));

  const url = new URL(opts.url ?? doc.URL);
  const rule = siteRuleFor(url.hostname);
  const claims = readPageClaims(doc);
  if (claims.article !== true && rule?.fronts?.some((re) => re.test(url.pathname))) return NONE;

  const headline = headlineOf(doc);
  let prose: ReturnType<typeof proseOf> | undefined;
  const getProse = () => (prose ??= proseOf(doc));

  let source: ArticleSource = 'site-rule';
  let parts = allOfFirst(doc, rule?.body);
  if (!parts.length && claims.bodyElement && hasText(claims.bodyElement)) {
    parts = [claims.bodyElement];
    source = 'structured-data';
  }
  if (!parts.length) {
    const candidates = scoreCandidates(getProse());
    let best = candidates[0];
    // JSON-LD's articleBody names the story's text: prefer the best candidate that holds it.
    if (claims.bodyStart) {
      const start = claims.bodyStart.replace(/\s+/g, ' ');
      const first = getProse().find((p) => start.includes((p.el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)));
      if (first) best = candidates.find((c) => c.el.contains(first.el)) ?? best;
    }
    if (!readsAsStory(best, headline, claims.article)) return NONE;
    parts = partsLike(climb(best!, candidates), candidates, best!);
    source = claims.article ? 'structured-data' : 'scored';
  }
  // The parts as found, before joining: a wrapper of any of them is story, whatever its name says.
  const pieces = parts;
  parts = joinParts(parts, getProse);
  const body = parts[0]!;

  const roots = storyRoots(doc, body, headline, rule, getProse);
  for (const part of parts.slice(1)) if (!roots.some((r) => r.contains(part))) roots.push(part);
  roots.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const extra = rule?.exclude?.join(', ');
  const stats = new WeakMap<Element, TextStats>();
  for (const root of roots) measureText(root, stats);
  return scope(roots, source, (el) => {
    // The body, the headline and what holds them are the story, whatever their names say.
    if (pieces.some((p) => el.contains(p)) || parts.some((p) => el.contains(p)) || (headline && el.contains(headline))) return false;
    if (isSkipped(el)) return true;
    // Elements a live page added since the story was measured are measured as they come.
    const s = stats.get(el) ?? measureText(el, stats).get(el)!;
    return isFurniture(el, s, extra);
  });
}
