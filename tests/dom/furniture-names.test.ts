// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { namedAsFurniture } from '@/lib/article/furniture-names';

const el = (html: string) => {
  document.body.innerHTML = html;
  return document.body.firstElementChild!;
};

describe('furniture by name', () => {
  it.each([
    '<div class="related-stories">',
    '<div class="RelatedStories">',
    '<div class="related_stories">',
    '<section class="most-read">',
    '<div class="MostPopular">',
    '<div class="article__byline">',
    '<div class="comments-content">',
    '<div id="newsletter-signup">',
    '<div data-testid="share-tools">',
    '<span class="mini-info-list__section-desc off-screen">',
    '<div class="cookie-banner">',
    '<ul class="tag-list">',
  ])('%s is furniture', (html) => expect(namedAsFurniture(el(`${html}x</div>`))).toBe(true));

  it.each([
    '<div class="article-body">',
    '<div class="l-sidebar-fixed l-article-body-segment">',
    '<div class="canvas-body">',
    '<div class="layout-with-rail__content-wrapper">',
    '<div class="Mstart(82px)--modalMinWidth">',
    '<article class="entry entry--left-rail">',
    '<div class="story-text">',
    '<div class="headline">',
  ])('%s is not', (html) => expect(namedAsFurniture(el(`${html}x</div>`))).toBe(false));
});
