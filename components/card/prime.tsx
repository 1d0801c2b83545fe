import { render } from 'preact';
import type { CardData } from '@/lib/card/types';
import { prepareFormats } from '@/lib/card/dates';
import { CardBody } from './CardBody';

const SAMPLE: CardData = {
  key: '0:sample',
  kind: 'person',
  name: { text: 'Sample', lang: 'en' },
  summary: { text: 'Sample text.', lang: 'en' },
  facts: [{ label: { text: 'Office', lang: 'en' }, value: { text: 'Sample', lang: 'en' } }],
  when: { start: '2000-01-01' },
  participants: [],
  related: [{ key: '0:other', kind: 'state', name: { text: 'Other', lang: 'en' } }],
  links: [{ title: 'example.org', url: 'https://example.org/' }],
  briefGroups: [
    {
      sub: 0,
      pack: 'Sample',
      trusted: true,
      total: 1,
      briefs: [
    {
      key: '0:brief',
      open: { lang: 'en', title: 'Sample', url: 'https://example.org/' },
      versions: [
        { lang: 'en', title: 'Sample', url: 'https://example.org/' },
        { lang: 'tr', title: 'Sample', url: 'https://example.org/tr' },
      ],
      published: '2000-01-01',
      authors: ['Sample'],
      pack: 'Sample',
    },
      ],
    },
  ],
  sources: [],
};

/**
 * Draws one card off screen while the page is idle, then removes it. The first card
 * otherwise pays for loading locale data, fonts and the card's styles under the
 * reader's pointer (about 100 ms on a slow machine); afterwards a card takes a few.
 */
export function primeCard(layer: HTMLElement, locale: string): void {
  prepareFormats(locale);
  const box = document.createElement('div');
  box.className = 'card';
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = 'left:-10000px;top:0';
  layer.append(box);
  render(<CardBody data={SAMPLE} locale={locale} onOpen={() => {}} />, box);
  // Reading a size makes the browser do the style and layout work now.
  void box.offsetHeight;
  render(null, box);
  box.remove();
}
