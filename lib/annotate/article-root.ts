import { ARTICLE_SELECTORS, NON_ARTICLE_SELECTOR } from './scope';

export interface ArticleScope {
  roots: Element[];
  /** True when no article markup was found and the body (minus non-article regions) is used. */
  fallback: boolean;
  /** Whether an element belongs to the article. */
  contains(node: Node): boolean;
}

function outermost(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}

/** Finds the article's main content. Run again after big page changes (a new route). */
export function findArticle(doc: Document): ArticleScope {
  for (const selector of ARTICLE_SELECTORS) {
    const found = [...doc.querySelectorAll(selector)].filter((el) => (el.textContent ?? '').trim().length > 0);
    if (found.length) {
      const roots = outermost(found);
      // Article-body markup often leaves the headline outside; the headline is the article's.
      const headline = doc.querySelector('h1');
      if (headline && !roots.some((r) => r.contains(headline)) && !headline.closest('nav, footer, aside')) {
        roots.unshift(headline);
      }
      return {
        roots,
        fallback: false,
        // A root's header (the headline lives there on many sites) is part of the article.
        contains: (node) => roots.some((r) => r.contains(node)),
      };
    }
  }
  const body = doc.body ?? doc.documentElement;
  return {
    roots: [body],
    fallback: true,
    contains(node) {
      if (!body.contains(node)) return false;
      const el = node instanceof Element ? node : node.parentElement;
      return !el?.closest(NON_ARTICLE_SELECTOR);
    },
  };
}
