/** The key combination that steps through mentions, also declared as the manifest's commands. */
export const NEXT_MENTION_KEYS = 'Alt+Shift+J';
export const PREVIOUS_MENTION_KEYS = 'Alt+Shift+K';

/**
 * Which way a key press steps, or null. Physical keys (`code`) rather than characters,
 * since Alt changes the character on some layouts. Typing in the page's fields is left alone.
 */
export function stepOf(e: KeyboardEvent): 1 | -1 | null {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  const direction = e.code === 'KeyJ' ? 1 : e.code === 'KeyK' ? -1 : null;
  if (direction === null) return null;
  const el = e.target instanceof Element ? e.target : null;
  if (el && (el.closest('input, textarea, select') || (el as HTMLElement).isContentEditable)) return null;
  return direction;
}
