/** What a page says about itself in machine-readable form. */
export interface PageClaims {
  /** True when JSON-LD, microdata or Open Graph calls the page an article; false when they call it something else; null when silent. */
  article: boolean | null;
  /** An element the page marks as the article's body (`itemprop="articleBody"`). */
  bodyElement: Element | null;
  /** The start of the article's text as JSON-LD gives it, to recognise the body by. */
  bodyStart: string;
}

// schema.org's Article and the subtypes news sites use.
const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'backgroundnewsarticle', 'reviewnewsarticle', 'askpublicnewsarticle', 'liveblogposting',
  'blogposting', 'socialmediaposting', 'report', 'scholarlyarticle', 'techarticle',
]);
const PAGE_TYPES = new Set(['website', 'collectionpage', 'searchresultspage', 'itemlist', 'profilepage', 'aboutpage']);

// A JSON-LD block larger than this is not parsed: it is a data dump, not page metadata.
const MAX_JSON_LD = 500_000;

function typesOf(node: Record<string, unknown>): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.toLowerCase().replace(/^.*[/:]/, ''));
}

/** Every object in a JSON-LD document: top level, arrays, `@graph` and `mainEntity`. */
function* nodesOf(value: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) yield* nodesOf(v, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  yield node;
  yield* nodesOf(node['@graph'], depth + 1);
  yield* nodesOf(node['mainEntity'], depth + 1);
  yield* nodesOf(node['mainEntityOfPage'], depth + 1);
}

export function readPageClaims(doc: Document): PageClaims {
  let article: boolean | null = null;
  let bodyStart = '';
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue; // A page's broken metadata is the page's problem, not a reason to stop.
    }
    for (const node of nodesOf(data)) {
      const types = typesOf(node);
      if (types.some((t) => ARTICLE_TYPES.has(t))) {
        article = true;
        if (!bodyStart && typeof node.articleBody === 'string') bodyStart = node.articleBody.slice(0, 2000);
      } else if (article === null && types.some((t) => PAGE_TYPES.has(t))) {
        article = false;
      }
    }
  }
  const bodyElement = doc.querySelector('[itemprop~="articleBody"]');
  if (bodyElement || doc.querySelector('[itemtype*="schema.org/NewsArticle" i], [itemtype*="schema.org/Article" i]')) article = true;
  if (article === null) {
    const og = doc.querySelector('meta[property="og:type" i]')?.getAttribute('content')?.trim().toLowerCase();
    if (og) article = og === 'article' || og.startsWith('article');
  }
  return { article, bodyElement, bodyStart };
}
