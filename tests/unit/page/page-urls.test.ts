// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { pageUrls } from '@/lib/page/page-summary';
import { siteOf } from '@/lib/page/same-site';

function page(url: string, head: string): Document {
  const window = new Window({ url });
  window.document.write(`<!doctype html><html><head>${head}</head><body><p>Text</p></body></html>`);
  return window.document as unknown as Document;
}

describe('the address a page is matched by', () => {
  it('is its canonical URL when it has one, and then not its location too', () => {
    const doc = page('https://www.reuters.com/world/story/?utm_source=x&page=2', '<link rel="canonical" href="https://www.reuters.com/world/story/">');
    expect(pageUrls(doc)).toEqual(['https://www.reuters.com/world/story/']);
  });

  it('is its location without a canonical link (og:url is not an address of its own)', () => {
    const doc = page('https://www.reuters.com/world/story', '<meta property="og:url" content="https://www.reuters.com/other">');
    expect(pageUrls(doc)).toEqual(['https://www.reuters.com/world/story']);
  });

  it('takes a canonical URL on the same site, such as an AMP or mobile host', () => {
    expect(pageUrls(page('https://amp.theguardian.com/world/x', '<link rel="canonical" href="https://www.theguardian.com/world/x">'))).toEqual([
      'https://www.theguardian.com/world/x',
    ]);
    expect(pageUrls(page('https://m.bbc.co.uk/news/x', '<link rel="canonical" href="/news/x-full">'))).toEqual(['https://m.bbc.co.uk/news/x-full']);
  });

  it('ignores a canonical link to another site: a page cannot pass itself off as an article briefs cite', () => {
    const doc = page('https://lookalike.example.net/copy', '<link rel="canonical" href="https://www.reuters.com/world/story/">');
    expect(pageUrls(doc)).toEqual(['https://lookalike.example.net/copy']);
    expect(pageUrls(page('https://news.co.uk/a', '<link rel="canonical" href="https://bbc.co.uk/a">'))).toEqual(['https://news.co.uk/a']);
    expect(pageUrls(page('https://www.reuters.com/a', '<link rel="canonical" href="javascript:alert(1)">'))).toEqual(['https://www.reuters.com/a']);
  });

  it('groups hosts by site', () => {
    expect(siteOf('www.reuters.com')).toBe('reuters.com');
    expect(siteOf('amp.hurriyet.com.tr')).toBe('hurriyet.com.tr');
    expect(siteOf('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('ria.ru')).toBe('ria.ru');
  });
});
