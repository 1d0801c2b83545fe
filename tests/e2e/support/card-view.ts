import type { Tab } from './browsers';
import { inGlossUi } from './gloss-ui';

/** The hover card as a reader (and a screen reader) meets it. */
export interface CardSeen {
  key: string;
  role: string;
  label: string;
  name: string;
  kind: string;
  text: string;
  links: { href: string; target: string; rel: string; text: string }[];
  buttons: string[];
  /** Elements that would run or load something if pack text had become markup. */
  active: number;
  placed: boolean;
  rect: { x: number; y: number; width: number; height: number };
}

export function readCard(tab: Tab): Promise<CardSeen | null> {
  return inGlossUi(tab, (root) => {
    // A card drawn unseen while the pointer rests (class "prepared") is not one the reader sees.
    const card = root.querySelector<HTMLElement>('.card:not(.prepared)');
    if (!card) return null;
    const r = card.getBoundingClientRect();
    return {
      key: card.dataset.key ?? '',
      role: card.getAttribute('role') ?? '',
      label: card.getAttribute('aria-label') ?? '',
      name: card.querySelector('.name')?.textContent ?? '',
      kind: card.querySelector('.kind')?.textContent ?? '',
      text: card.textContent ?? '',
      links: [...card.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href') ?? '', target: a.target, rel: a.rel, text: a.textContent ?? '' })),
      buttons: [...card.querySelectorAll('button')].map((b) => b.textContent ?? ''),
      active: root.querySelectorAll('img, script, iframe, object, embed, [onerror], [onclick]').length,
      placed: card.dataset.placed !== undefined,
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    };
  });
}

/** Waits until the card satisfies `ok` (or, with `null`, until there is none); returns what was seen last. */
export async function waitForCard(tab: Tab, ok: ((c: CardSeen) => boolean) | null, timeoutMs = 10_000): Promise<CardSeen | null> {
  const deadline = Date.now() + timeoutMs;
  let seen: CardSeen | null = null;
  while (Date.now() < deadline) {
    seen = await readCard(tab);
    if (ok === null ? seen === null : seen !== null && seen.placed && ok(seen)) return seen;
    await new Promise((r) => setTimeout(r, 50));
  }
  return seen;
}

export function readNotice(tab: Tab) {
  return inGlossUi(tab, (root) => {
    const notice = root.querySelector('.notice');
    if (!notice) return null;
    return {
      label: notice.getAttribute('aria-label') ?? '',
      text: notice.textContent ?? '',
      links: [...notice.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href') ?? '', target: a.target, rel: a.rel, text: a.textContent ?? '' })),
      active: root.querySelectorAll('img, script, iframe, [onerror]').length,
    };
  });
}

/** Waits for the cited-page notice; null if it did not come. */
export async function waitForNotice(tab: Tab, timeoutMs = 10_000): Promise<Awaited<ReturnType<typeof readNotice>>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const notice = await readNotice(tab);
    if (notice || Date.now() > deadline) return notice;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Clicks a button of Gloss's interface by its accessible name or its text. */
export function clickInUi(tab: Tab, name: string): Promise<boolean | null> {
  return inGlossUi(
    tab,
    (root, wanted) => {
      const b = [...root.querySelectorAll<HTMLElement>('button')].find((el) => el.getAttribute('aria-label') === wanted || el.textContent === wanted);
      b?.click();
      return !!b;
    },
    name,
  );
}

/** What the polite live region says. */
export const liveText = (tab: Tab) => inGlossUi(tab, (root) => root.querySelector('[role="status"]')?.textContent ?? '');
