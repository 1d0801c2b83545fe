import { describe, expect, it } from 'vitest';
import { CARD_CSS } from '@/components/card/styles';

/** The custom properties of the first `.layer { }` block after `from` in the card's CSS. */
function palette(from: number): Record<string, string> {
  const start = CARD_CSS.indexOf('.layer {', from);
  const block = CARD_CSS.slice(start, CARD_CSS.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([a-z]+):\s*(#[0-9a-f]{6})/g)].map((m) => [m[1]!, m[2]!]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const themes = {
  light: palette(0),
  dark: palette(CARD_CSS.indexOf('prefers-color-scheme: dark')),
};

describe.each(Object.entries(themes))('the card’s %s colours', (_theme, p) => {
  it('are all defined', () => {
    expect(Object.keys(p).sort()).toEqual(['bg', 'border', 'chip', 'fg', 'focus', 'link', 'muted', 'warn']);
  });

  it('give text at least 4.5:1 (WCAG AA) wherever it sits', () => {
    for (const text of ['fg', 'muted', 'link', 'warn']) expect(contrast(p[text]!, p.bg!), text).toBeGreaterThanOrEqual(4.5);
    // The current language of a brief, and a hovered button, sit on the chip colour.
    expect(contrast(p.link!, p.chip!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.fg!, p.chip!)).toBeGreaterThanOrEqual(4.5);
  });

  it('give the focus ring at least 3:1 against the card', () => {
    expect(contrast(p.focus!, p.bg!)).toBeGreaterThanOrEqual(3);
  });
});
