/**
 * What the format says is never matched, and which elements end a block. Tag names are
 * compared in upper case, as `Element.tagName` gives them for HTML.
 */
export const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'TITLE',
  'HEAD',
  // Text in drawings and formulas is positioned glyph by glyph; highlights there misplace.
  'svg',
  'math',
  // Gloss's own UI.
  'GLOSS-HOST',
]);

/** Elements whose text is one block: no match spans two of them. */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG',
  'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'HTML',
  'LEGEND', 'OPTGROUP', 'MENU', 'CENTER',
]);

/** Regions that are not the article when Gloss falls back to the whole body. */
export const NON_ARTICLE_SELECTOR = [
  'header',
  'nav',
  'footer',
  'aside',
  'form',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="search"]',
  '[aria-hidden="true"]',
  '[class*="cookie" i]',
  '[class*="newsletter" i]',
  '[class*="comments" i]',
  '[id*="comments" i]',
].join(',');

export function isSkipped(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName)) return true;
  // isContentEditable also covers elements inside an editable region.
  return (el as HTMLElement).isContentEditable === true;
}

/**
 * Where the article is, most specific first: the markup of the default news sites
 * (Reuters first), then generic article containers. All matches of the first selector
 * that matches anything are roots (a live blog has many `article`s).
 */
export const ARTICLE_SELECTORS = [
  '[data-testid="ArticleBody"]', // Reuters
  '[data-testid="article-body"]',
  '.RichTextStoryBody', // AP
  '[data-component="text-block"]', // BBC
  '#liveblog-body, .liveblog', // live blogs
  '.wysiwyg--all-content', // Al Jazeera
  '#maincontent',
  'article',
  '[role="main"]',
  'main',
];
