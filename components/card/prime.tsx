import { render } from 'preact';
import type { CardData } from '@/lib/card/types';
import { formatDate, languageName } from '@/lib/card/dates';
import type { WarmUpStep } from '@/lib/card/warm-up';
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
 * The card's warm-up, cut into steps that each take a few milliseconds: the first card
 * otherwise pays for locale data, fonts and the card's styles under the reader's pointer
 * (about 100 ms on a slow machine), and done in one go the same work is one long task.
 * Draws one card off screen in `layer` and removes it again.
 */
export function primeSteps(layer: HTMLElement, locale: string): [string, WarmUpStep][] {
  let box: HTMLDivElement | null = null;
  return [
    // Each Intl object loads its own locale data on first use.
    ['day format', () => formatDate('2000-01-01', locale)],
    ['month format', () => formatDate('2000-01', locale)],
    ['time format', () => formatDate('2000-01-01T00:00:00Z', locale)],
    ['language names', () => languageName('en', locale)],
    [
      'draw',
      () => {
        box = document.createElement('div');
        // Styled as a card, and like a card drawn ahead of its hover, unseen and out of reach (focus, pointer,
        // screen readers) while it is in the layer, between the steps.
        box.className = 'card prepared';
        box.inert = true;
        box.setAttribute('aria-hidden', 'true');
        box.style.cssText = 'left:-10000px;top:0';
        render(<CardBody data={SAMPLE} locale={locale} onOpen={() => {}} />, box);
      },
    ],
    // Style and layout of the card's rules, on their own: reading a size makes the browser do them now.
    [
      'layout',
      () => {
        if (!box) return;
        layer.append(box);
        void box.offsetHeight;
      },
    ],
    [
      'clear',
      () => {
        if (!box) return;
        render(null, box);
        box.remove();
        box = null;
      },
    ],
  ];
}
