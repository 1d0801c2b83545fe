// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.example-news.test/2026/11/30/story"}
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '@/lib/annotate/blocks';
import { findArticle, type FindOptions } from '@/lib/article/find-article';

/** The text Gloss would read on a page: the story's blocks, joined by " | ". */
function storyText(html: string, opts: FindOptions = {}): { source: string; text: string } {
  document.documentElement.innerHTML = html;
  const scope = findArticle(document, opts);
  const blocks = scope.roots.flatMap((root) => [...extractBlocks(root, { skip: scope.skips })]);
  return { source: scope.source, text: blocks.map((b) => b.text.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ') };
}

const prose = (topic: string, n = 4) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} about ${topic}, written at length so that it reads as prose, with a clause or two, and a full stop.</p>`).join('\n');

describe('the story among teasers', () => {
  it('leaves out teaser <article>s in navigation and asides', () => {
    const { text } = storyText(`<head><title>Envoys meet in Seoul</title></head><body>
      <nav>${Array.from({ length: 6 }, (_, i) => `<article><h3><a href="/t${i}">Teaser ${i} on Russia</a></h3></article>`).join('')}</nav>
      <main><article><h1>Envoys meet in Seoul</h1>${prose('the envoys')}</article></main>
      <aside><article><h3><a href="/x">Most read: Japan</a></h3><p>A short line on Japan.</p></article></aside>
    </body>`);
    expect(text).toContain('Envoys meet in Seoul');
    expect(text).toContain('Paragraph 4 about the envoys');
    expect(text).not.toMatch(/Teaser|Most read|short line/);
  });

  it('takes only the story from a [role=main] that spans a whole column', () => {
    const { text } = storyText(`<head><title>Talks stall</title></head><body>
      <div role="main">
        <div class="story"><h1>Talks stall</h1><div class="story-body">${prose('the talks', 5)}</div></div>
        <div class="most-read"><h2>Most read</h2><ol>${Array.from({ length: 5 }, (_, i) => `<li><a href="/m${i}">Popular story ${i} about Russia</a></li>`).join('')}</ol></div>
        <div class="sponsored-links"><a href="https://ads.test/1">Sponsored: visit Japan</a> <a href="https://ads.test/2">Sponsored: cruises</a></div>
        <div class="news-stream"><ul>${Array.from({ length: 4 }, (_, i) => `<li><h3><a href="/s${i}">Stream item ${i}</a></h3><p>Summary ${i}.</p></li>`).join('')}</ul></div>
      </div></body>`);
    expect(text).toContain('Paragraph 5 about the talks');
    expect(text).not.toMatch(/Popular story|Sponsored|Stream item|Summary/);
  });

  it('keeps the story’s caption when a related-story <article> is nested in its body', () => {
    const { text } = storyText(`<head><title>Summit ends</title></head><body><main><article class="story">
      <h1>Summit ends</h1>
      <figure><img src="a.jpg" alt=""><figcaption>Delegates leave the summit hall.</figcaption></figure>
      <div class="body">${prose('the summit', 3)}
        <article class="card"><h3><a href="/other">Related: Russia and Japan</a></h3></article>
        ${prose('the aftermath', 2)}</div>
    </article></main></body>`);
    expect(text).toContain('Delegates leave the summit hall.');
    expect(text).toContain('Paragraph 2 about the aftermath');
    expect(text).not.toContain('Related: Russia and Japan');
  });

  it('keeps every part of a story split in two when a part’s wrapper also holds related links', () => {
    const related = Array.from({ length: 4 }, (_, i) => `<li><article><a href="/r${i}"><h2>Related story ${i} on Japan</h2></a></article></li>`).join('');
    const { text } = storyText(`<head><title>Shares change hands</title></head><body><main><article id="story">
      <h1>Shares change hands</h1>
      <div class="story-body-supplemental"><div class="story-body story-body-1">${prose('the first step', 3)}</div>
        <div class="supplemental"><div class="marginalia"><h2>Related Coverage</h2><ul>${related}</ul></div></div></div>
      <div class="story-body-supplemental"><div class="story-body story-body-2">${prose('the second step', 12)}</div></div>
    </article></main></body>`);
    expect(text).toContain('Paragraph 1 about the first step');
    expect(text).toContain('Paragraph 12 about the second step');
    expect(text).not.toContain('Related story');
  });

  it('leaves out a card for another story that is one link around a picture, a title and a summary', () => {
    const { text } = storyText(`<head><title>Envoy resigns</title></head><body><main><article><h1>Envoy resigns</h1>
      <section class="body">${prose('the resignation', 3)}
        <div><div class="css-14zrrfg"><a class="css-1a9ghz5" href="/2026/turnover"><img src="t.jpg" alt=""><div><h2>The turnover at the top</h2>
          <p>Since the inauguration, Japan's envoys and Russia's ministers have left one after the other.</p></div></a></div></div>
        ${prose('the reaction', 2)}
        <p>She said so in <a href="/x">an interview</a> on Tuesday, before leaving for Japan.</p>
      </section></article></main></body>`);
    expect(text).toContain('Paragraph 2 about the reaction');
    expect(text).toContain('before leaving for Japan');
    expect(text).not.toMatch(/turnover at the top|Since the inauguration/);
  });

  it('leaves out the kicker, byline, author bio, tags, share bar and a "read more" line', () => {
    const { text } = storyText(`<head><title>Ministers meet</title></head><body><article>
      <div class="kicker">Asia</div><h1>Ministers meet</h1><p class="standfirst">A standfirst that sums up the meeting.</p>
      <div class="article-byline">By A. Reporter</div><div class="share-bar"><a href="/s1">Share</a><a href="/s2">Post</a></div>
      <div class="article-body">${prose('the ministers')}<p><a href="/more">Read more: the last meeting</a></p></div>
      <div class="author-bio"><p>A. Reporter covers Japan and Russia from Seoul.</p></div>
      <ul class="tags"><li><a href="/t/japan">Japan</a></li><li><a href="/t/russia">Russia</a></li></ul>
    </article></body>`);
    expect(text).toContain('A standfirst that sums up the meeting.');
    expect(text).toContain('Paragraph 4 about the ministers');
    expect(text).not.toMatch(/^Asia|By A\. Reporter|Share|Read more|covers Japan|\| Japan \| Russia/);
  });

  it('leaves out hidden text: the hidden attribute, aria-hidden and display:none', () => {
    const { text } = storyText(`<head><title>Hidden parts</title><style>.drawer{display:none}</style></head><body><article><h1>Hidden parts</h1>
      <div class="body">${prose('the visible text', 3)}
      <div hidden><p>Hidden by attribute: Russia.</p></div>
      <div aria-hidden="true"><p>Hidden from readers of screens: Japan.</p></div>
      <div class="drawer"><p>In a closed drawer: Seoul.</p></div>
      <div style="display: none"><p>Hidden by style: Moscow.</p></div></div>
    </article></body>`);
    expect(text).toContain('Paragraph 3 about the visible text');
    expect(text).not.toMatch(/Hidden by|Hidden from|closed drawer/);
  });

  it('finds the story by JSON-LD articleBody when the markup says nothing', () => {
    const body = 'The story itself begins here, with the news of the day, and goes on for a while.';
    const { text, source } = storyText(`<head><title>Plain page</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Plain page","articleBody":"${body} More text."}</script></head>
      <body><div class="x1"><div class="x2"><p>${body}</p>${prose('the day', 2)}</div></div>
      <div class="x3">${prose('another column of prose that is not the story', 4)}</div></body>`);
    expect(source).toBe('structured-data');
    expect(text).toContain(body);
    expect(text).not.toContain('another column');
  });

  it('reads every entry of a live blog', () => {
    const { text } = storyText(`<head><title>Live: the summit</title></head><body><main><h1>Live: the summit</h1>
      <div id="liveblog-body">${Array.from({ length: 5 }, (_, i) => `<article class="post" id="p${i}"><p>Entry ${i}: delegates arrived, officials said, and talks began.</p></article>`).join('')}</div>
      </main></body>`);
    for (let i = 0; i < 5; i++) expect(text).toContain(`Entry ${i}:`);
  });
});

describe('pages that are not a story', () => {
  const front = `<head><title>World news</title></head><body><h1>World</h1><main>${Array.from(
    { length: 8 },
    (_, i) => `<div class="card"><h2><a href="/s/${i}">Headline ${i} about Russia</a></h2><p>A one-line summary of story ${i}.</p></div>`,
  ).join('')}</main></body>`;

  it('gives a front page of teasers no story', () => {
    expect(storyText(front).source).toBe('none');
  });

  it('gives a default site’s section front and search no story, whatever they hold', () => {
    const article = `<head><title>A story</title></head><body><article><h1>A story</h1>${prose('the story')}</article></body>`;
    expect(storyText(article, { url: 'https://www.reuters.com/world/' }).source).toBe('none');
    expect(storyText(article, { url: 'https://www.reuters.com/world/asia-pacific/' }).source).toBe('none');
    expect(storyText(article, { url: 'https://www.reuters.com/site-search/?query=korea' }).source).toBe('none');
    expect(storyText(article, { url: 'https://www.reuters.com/world/asia-pacific/envoys-meet-2026-11-30/' }).source).not.toBe('none');
  });

  it('reads the whole page, furniture included, when the reader asks for it', () => {
    const { text, source } = storyText(front, { wholePage: true });
    expect(source).toBe('whole-page');
    expect(text).toContain('Headline 7 about Russia');
  });
});
