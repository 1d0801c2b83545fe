// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Mention } from '@/lib/annotate/annotator';
import { mentionAt } from '@/lib/hover/hit-test';
import { MentionIndex } from '@/lib/hover/mention-index';

/** A paragraph with "Choe Son Hui" at 0–12 whose box is 100×20 at the top left; no layout here, so boxes are given. */
function setup() {
  document.body.innerHTML = '<p>Choe Son Hui spoke. <b>Kim</b> Jong Un listened.</p>';
  const p = document.querySelector('p')!;
  const text = p.firstChild!;
  const choe = document.createRange();
  choe.setStart(text, 0);
  choe.setEnd(text, 12);
  choe.getClientRects = () => [new DOMRect(0, 0, 100, 20)] as unknown as DOMRectList;
  // A name across elements: "Kim" in <b>, " Jong Un" after it.
  const kim = document.createRange();
  kim.setStart(p.querySelector('b')!.firstChild!, 0);
  kim.setEnd(p.lastChild!, 8);
  kim.getClientRects = () => [new DOMRect(150, 0, 80, 20)] as unknown as DOMRectList;
  const mentions: Mention[] = [
    { key: '1:choe', kind: 'person', range: choe, full: true },
    { key: '1:kim', kind: 'person', range: kim, full: true },
  ];
  const index = new MentionIndex();
  index.set(mentions);
  return { text, p, mentions, index };
}

/** A document whose browser has no highlightsFromPoint: the caret position is all there is. */
function caretDoc(caret: { offsetNode: Node; offset: number } | null): Document {
  return {
    defaultView: { CSS: { highlights: new Map() } },
    caretPositionFromPoint: () => caret,
  } as unknown as Document;
}

describe('finding the mention under the pointer', () => {
  it('uses the browser’s highlight hit test, matching ranges by where they are, not by identity', () => {
    const { index, mentions } = setup();
    const copy = mentions[1]!.range.cloneRange();
    const doc = {
      defaultView: { CSS: { highlights: { highlightsFromPoint: () => [{ highlight: {}, ranges: [copy] }] } } },
    } as unknown as Document;
    expect(mentionAt(doc, index, 160, 10)).toBe(mentions[1]);
  });

  it('ignores ranges a page added to Gloss’s highlights', () => {
    const { index, text } = setup();
    const forged = document.createRange();
    forged.setStart(text, 2);
    forged.setEnd(text, 8);
    const doc = { defaultView: { CSS: { highlights: { highlightsFromPoint: () => [{ highlight: {}, ranges: [forged] }] } } } } as unknown as Document;
    expect(mentionAt(doc, index, 10, 10)).toBeNull();
  });

  it('does not trust a highlight hit whose boxes are elsewhere, and asks the caret instead (a scaled phone screen)', () => {
    const { index, mentions, text } = setup();
    // The browser reports Choe Son Hui at a point far from its box, and nothing where it is.
    const doc = {
      defaultView: { CSS: { highlights: { highlightsFromPoint: (x: number) => (x > 300 ? [{ highlight: {}, ranges: [mentions[0]!.range] }] : []) } } },
      caretPositionFromPoint: (x: number) => (x < 100 ? { offsetNode: text, offset: 4 } : null),
    } as unknown as Document;
    expect(mentionAt(doc, index, 400, 10)).toBeNull();
    expect(mentionAt(doc, index, 50, 10)).toBe(mentions[0]);
  });

  it('falls back to the caret position, inside the mention’s boxes only', () => {
    const { index, text, mentions } = setup();
    expect(mentionAt(caretDoc({ offsetNode: text, offset: 5 }), index, 50, 10)).toBe(mentions[0]);
    // Beside the end of a line the caret snaps to the name's last letter, but the point is outside its box.
    expect(mentionAt(caretDoc({ offsetNode: text, offset: 12 }), index, 400, 10)).toBeNull();
    // Text that is no mention.
    expect(mentionAt(caretDoc({ offsetNode: text, offset: 15 }), index, 120, 10)).toBeNull();
    expect(mentionAt(caretDoc(null), index, 50, 10)).toBeNull();
  });

  it('finds a name whose text runs across elements from any of its parts', () => {
    const { index, p, mentions } = setup();
    expect(mentionAt(caretDoc({ offsetNode: p.querySelector('b')!.firstChild!, offset: 1 }), index, 160, 10)).toBe(mentions[1]);
    expect(mentionAt(caretDoc({ offsetNode: p.lastChild!, offset: 3 }), index, 200, 10)).toBe(mentions[1]);
  });
});
