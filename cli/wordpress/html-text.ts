/**
 * Plain text from the HTML WordPress renders, without a DOM and without running
 * anything: tags are dropped, block elements become paragraph breaks (a mention
 * never spans two paragraphs), and character references are decoded.
 */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”',
  bdquo: '„', laquo: '«', raquo: '»', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
  zwj: '\u200d', zwnj: '\u200c', middot: '·', bull: '•', deg: '°', copy: '©', reg: '®',
  trade: '™', euro: '€', times: '×', minus: '−', prime: '′', Prime: '″',
};

function codePoint(n: number): string {
  const valid = Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff);
  return valid ? String.fromCodePoint(n) : '\ufffd';
}

/** `&amp;`, `&#8217;`, `&#x2019;` → their characters; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return codePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return codePoint(parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? whole;
  });
}

/** Elements whose content is never article text. */
const DROPPED = /<(script|style|noscript|template|iframe|svg|math|textarea|select|button|form)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Elements that start or end a block of text. */
const BLOCK =
  /<\/?(p|div|br|hr|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|figure|figcaption|table|thead|tbody|tfoot|tr|td|th|caption|section|article|aside|header|footer|nav|main|details|summary|address)\b[^>]*>/gi;

/** The paragraphs of an HTML fragment, as plain text with spaces collapsed. */
export function htmlToBlocks(html: string): string[] {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(DROPPED, ' ')
    .replace(BLOCK, '\n\n')
    .replace(/<\/?[A-Za-z][^>]*>/g, '');
  return decodeEntities(text)
    .split(/\n\s*\n/)
    .map((block) => block.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((block) => block !== '');
}

/** One line of text: a title or an excerpt. */
export function htmlToText(html: string): string {
  return htmlToBlocks(html).join(' ');
}

/** Every `href` of an `<a>` element, decoded, in document order. */
export function linksIn(html: string): string[] {
  const out: string[] = [];
  const anchor = /<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
  for (const m of html.replace(/<!--[\s\S]*?-->/g, ' ').matchAll(anchor)) {
    const raw = m[1] ?? m[2] ?? m[3] ?? '';
    const href = decodeEntities(raw).trim();
    if (href !== '') out.push(href);
  }
  return out;
}
