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

export function isSkipped(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName)) return true;
  // isContentEditable also covers elements inside an editable region.
  return (el as HTMLElement).isContentEditable === true;
}
