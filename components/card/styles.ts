import { READER_CSS } from './reader-styles';

/**
 * The card's and notice's styles, inside their shadow root. Sizes are in px: rem would
 * follow the page's root font size. Colours meet WCAG AA (4.5:1 for text) on both themes.
 */
export const CARD_CSS = `
.layer {
  --bg: #ffffff; --fg: #1b1b1f; --muted: #52525b; --border: #d4d4d8; --link: #0b57d0;
  --chip: #e8eefb; --warn: #9a3412; --focus: #0b57d0; --shadow: rgba(15, 23, 42, 0.18);
  color-scheme: light;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: var(--fg);
}
@media (prefers-color-scheme: dark) {
  .layer {
    --bg: #1f2023; --fg: #ececf1; --muted: #b4b4bd; --border: #45464d; --link: #9ec1ff;
    --chip: #2c3342; --warn: #fdba74; --focus: #9ec1ff; --shadow: rgba(0, 0, 0, 0.5);
    color-scheme: dark;
  }
}
.card, .notice {
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 10px;
  box-shadow: 0 6px 20px var(--shadow), 0 1px 4px var(--shadow);
  text-align: start; overflow-wrap: anywhere;
}
.card {
  left: 0; top: 0; width: 380px; max-width: calc(100vw - 16px); max-height: 480px;
  display: flex; flex-direction: column; overflow: hidden;
  /* Until placed beside its name: not seen, not hit, yet focusable (visibility would forbid that). */
  opacity: 0; pointer-events: none;
}
.card[data-placed] { opacity: 1; pointer-events: auto; animation: gloss-in 120ms ease-out; }
/* Drawn while the pointer rests, shown when the hover delay ends (lib/hover/prepared-card.ts). */
/* Painted on a layer of its own, so showing it is a change of opacity the compositor makes without repainting. */
.card.prepared { opacity: 0; pointer-events: none; animation: none; }
.card { will-change: opacity; }
/* Movement only: the card is fully there from its first frame. */
@keyframes gloss-in { from { transform: translateY(3px); } }
@media (prefers-reduced-motion: reduce) { .card[data-placed] { animation: none; } }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--focus); outline-offset: -3px; }
.head { padding: 10px 12px 8px 14px; border-bottom: 1px solid var(--border); }
.bar { display: flex; align-items: center; gap: 6px; min-height: 28px; }
.kind { flex: 1; font-size: 12px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--muted); }
.name { margin: 2px 0 0; font-size: 18px; line-height: 1.3; font-weight: 650; }
.description { margin: 2px 0 0; color: var(--muted); }
.body {
  overflow: auto; overscroll-behavior: contain; padding: 4px 14px 12px; flex: 1 1 auto; min-height: 0;
  scrollbar-width: thin; scrollbar-color: var(--muted) transparent;
}
.body > p { margin: 8px 0; }
h3 { margin: 12px 0 4px; font-size: 12px; font-weight: 650; letter-spacing: 0.04em; text-transform: uppercase; color: var(--muted); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; }
dt { color: var(--muted); }
dd { margin: 0; }
ul, ol { list-style: none; margin: 0; padding: 0; }
.chips { display: flex; flex-wrap: wrap; gap: 4px 12px; }
a, .entity { color: var(--link); text-decoration: underline; text-underline-offset: 2px; cursor: pointer; }
.entity { font: inherit; background: none; border: 0; padding: 0; text-align: start; }
a:hover, .entity:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
.icon {
  display: inline-flex; align-items: center; justify-content: center; width: 28px; height: 28px;
  font: 18px/1 system-ui, sans-serif; color: var(--fg); background: none; border: 0; border-radius: 6px; cursor: pointer;
}
.icon:hover { background: var(--chip); }
.brief { padding: 8px 0; border-top: 1px solid var(--border); }
.brief:first-child { border-top: 0; }
.brief-title { font-weight: 600; }
.meta { margin-top: 2px; color: var(--muted); font-size: 13px; }
.langs { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.langs a, .langs span {
  font-size: 12px; padding: 0 6px; border: 1px solid var(--border); border-radius: 4px; text-decoration: none;
}
.langs a[aria-current] { background: var(--chip); font-weight: 600; }
.empty { color: var(--muted); margin: 8px 0; }
.brief-group + .brief-group { margin-top: 6px; border-top: 1px solid var(--border); }
h4 { margin: 8px 0 0; font-size: 13px; font-weight: 650; }
.more { font: inherit; font-size: 13px; color: var(--link); background: none; border: 0; padding: 2px 0; cursor: pointer; text-decoration: underline; }
.muted { color: var(--muted); font-size: 12px; margin: 4px 0; }
.source { padding: 8px 14px; border-top: 1px solid var(--border); font-size: 12px; color: var(--muted); }
.source p { margin: 0; }
.stale { color: var(--warn); font-weight: 600; }
.notice { right: 16px; bottom: 16px; width: 340px; max-width: calc(100vw - 32px); max-height: 40vh; overflow: auto; padding: 10px 10px 12px 14px; }
.notice .bar { align-items: flex-start; }
.notice-title { flex: 1; margin: 4px 0 6px; font-size: 14px; font-weight: 650; }
.notice li { margin: 4px 0; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
${READER_CSS}
`;
