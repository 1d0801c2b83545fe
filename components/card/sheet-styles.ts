/**
 * Gloss's page interface on touch screens and small screens, kept apart from the card's
 * own styles (styles.ts). A card opened by a tap (`.touch`, a popover on a tablet) and the
 * bottom sheet (`.sheet`: below 600 px, opened by a tap or a key, see use-sheet.ts) have
 * controls at least 44 px each way; the cited-page notice spans a phone's width above the
 * bottom edge. Sizes in px, as in styles.ts.
 */
export const SHEET_CSS = `
.open-link {
  flex: none; font: inherit; font-size: 13px; font-weight: 600; color: var(--link); background: var(--chip);
  border: 1px solid var(--border); border-radius: 6px; padding: 3px 10px; cursor: pointer;
}
.card.sheet {
  top: auto; bottom: 0; left: 0; right: 0; width: auto; max-width: none; max-height: 60vh;
  border-radius: 14px 14px 0 0; border-bottom: 0; font-size: 16px;
  padding-bottom: env(safe-area-inset-bottom, 0px);
  transition: transform 160ms ease-out;
}
.card.sheet[data-placed] { animation: gloss-sheet-in 180ms ease-out; }
/* A name at the very end of a page, which cannot scroll above the sheet: the sheet goes on top. */
.card.sheet[data-dock="top"] {
  top: 0; bottom: auto; border-radius: 0 0 14px 14px; border-top: 0; border-bottom: 1px solid var(--border);
  padding-top: env(safe-area-inset-top, 0px); padding-bottom: 0;
}
@keyframes gloss-sheet-in { from { transform: translateY(24px); } }
@media (prefers-reduced-motion: reduce) {
  .card.sheet { transition: none; }
  .card.sheet[data-placed] { animation: none; }
}
/* The header is the sheet's handle: the browser does not pan it, swipe-down.ts moves the sheet. */
.sheet .head { touch-action: none; padding-top: 6px; }
.sheet .grip { width: 40px; height: 4px; margin: 0 auto 2px; border-radius: 2px; background: var(--muted); opacity: 0.6; }
.sheet .bar, .touch .bar { min-height: 44px; }
.sheet .name { font-size: 20px; }
/* The whole sheet scrolls under its header: the reader's note, "Not this" and the sources must
   not squeeze the card's body on a phone's short screen. */
.card.sheet { overflow-y: auto; overscroll-behavior: contain; touch-action: pan-y; }
.sheet .head { position: sticky; top: 0; z-index: 1; background: var(--bg); }
.sheet .body { flex: none; overflow: visible; min-height: auto; touch-action: pan-y; }
.sheet .icon, .touch .icon { width: 44px; height: 44px; font-size: 24px; }
.sheet .open-link, .touch .open-link { min-height: 44px; padding: 0 14px; font-size: 15px; }
.sheet .chips, .touch .chips { gap: 0 16px; }
.sheet .entity, .sheet .chips a, .sheet .more, .sheet .brief-title,
.touch .entity, .touch .chips a, .touch .more, .touch .brief-title {
  display: inline-flex; align-items: center; min-height: 44px; min-width: 44px;
}
.sheet .langs, .touch .langs { gap: 8px; }
.sheet .langs a, .sheet .langs span, .touch .langs a, .touch .langs span {
  display: inline-flex; align-items: center; justify-content: center; min-width: 44px; min-height: 44px; font-size: 14px;
}
.sheet .note button, .sheet .correction button, .sheet .feedback,
.touch .note button, .touch .correction button, .touch .feedback {
  display: inline-flex; align-items: center; justify-content: center; min-height: 44px; min-width: 44px; font-size: 15px;
}
.sheet .source { padding-bottom: 12px; }
@media (max-width: 599.98px) {
  .notice {
    left: 8px; right: 8px; bottom: calc(8px + env(safe-area-inset-bottom, 0px));
    width: auto; max-width: none; max-height: 45vh; font-size: 15px;
  }
  .notice .icon { width: 44px; height: 44px; font-size: 24px; }
  .notice .brief-title { display: inline-flex; align-items: center; min-height: 44px; }
}
`;
