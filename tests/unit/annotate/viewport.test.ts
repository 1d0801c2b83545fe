import { describe, expect, it } from 'vitest';
import { splitByViewport } from '@/lib/annotate/viewport';

describe('viewport order', () => {
  it('puts the blocks on screen first, then those above from the top, then the rest', () => {
    const blocks = ['a', 'b', 'c', 'd', 'e', 'f'];
    const onScreen = new Set(['c', 'd']);
    expect(splitByViewport(blocks, (b) => onScreen.has(b))).toEqual({ visible: ['c', 'd'], before: ['a', 'b'], after: ['e', 'f'] });
  });

  it('keeps document order within each part, a block between two on screen going after', () => {
    const onScreen = new Set(['b', 'd']);
    expect(splitByViewport(['a', 'b', 'c', 'd', 'e'], (b) => onScreen.has(b))).toEqual({ visible: ['b', 'd'], before: ['a'], after: ['c', 'e'] });
  });

  it('with nothing on screen, reads the page from the top', () => {
    expect(splitByViewport(['a', 'b'], () => false)).toEqual({ visible: [], before: ['a', 'b'], after: [] });
  });
});
