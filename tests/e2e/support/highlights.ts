import type { Tab } from './browsers';

export interface Seen {
  /** The highlight's name without the `gloss-` prefix: the entity kind. */
  kind: string;
  text: string;
}

/** Gloss's highlight ranges as the page itself sees them, in document order. */
export function readHighlights(tab: Tab): Promise<Seen[]> {
  return tab.evaluate(() => {
    const all: { kind: string; range: AbstractRange }[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('gloss-') || name === 'gloss-focus') return;
      // A name inside a link has its own highlight, `gloss-<kind>-link`.
      highlight.forEach((range) => all.push({ kind: name.slice(6).replace(/-link$/, ''), range }));
    });
    const live = all.map((h) => {
      const r = document.createRange();
      r.setStart(h.range.startContainer, h.range.startOffset);
      r.setEnd(h.range.endContainer, h.range.endOffset);
      return { kind: h.kind, r };
    });
    live.sort((a, b) => a.r.compareBoundaryPoints(Range.START_TO_START, b.r));
    return live.filter((h) => !h.r.collapsed && h.r.startContainer.isConnected).map((h) => ({ kind: h.kind, text: h.r.toString() }));
  });
}

/** Waits until the highlights equal `expected` (they arrive in slices), then returns them. */
export async function waitForHighlights(tab: Tab, expected: Seen[], timeoutMs = 10_000): Promise<Seen[]> {
  const deadline = Date.now() + timeoutMs;
  let seen: Seen[] = [];
  while (Date.now() < deadline) {
    seen = await readHighlights(tab);
    if (JSON.stringify(seen) === JSON.stringify(expected)) return seen;
    await new Promise((r) => setTimeout(r, 100));
  }
  return seen;
}

export const person = (text: string): Seen => ({ kind: 'person', text });
export const state = (text: string): Seen => ({ kind: 'state', text });
export const org = (text: string): Seen => ({ kind: 'organization', text });
export const event = (text: string): Seen => ({ kind: 'event', text });
