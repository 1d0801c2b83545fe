import { useEffect, useState } from 'preact/hooks';
import type { CardMode } from '@/lib/hover/card-state';
import { SHEET_QUERY } from '@/lib/hover/sheet-position';

/**
 * Whether a card is drawn as a bottom sheet: on a small screen, when a tap or a key opened
 * it. A card that follows a mouse stays beside its name at any width, as hover needs.
 * Follows the window turning between portrait and landscape.
 */
export function useSheet(mode: CardMode): boolean {
  const [small, setSmall] = useState(() => matchMedia(SHEET_QUERY).matches);
  useEffect(() => {
    const query = matchMedia(SHEET_QUERY);
    const change = () => setSmall(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return small && mode !== 'hover';
}
