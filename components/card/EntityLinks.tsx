import type { EntityLink } from '@/lib/card/types';
import { kindLabel } from './kind-label';

/** Entities a card names, as buttons that turn the card to them (they lead nowhere else). */
export function EntityLinks({ title, items, onOpen }: { title: string; items: EntityLink[]; onOpen: (key: string) => void }) {
  if (!items.length) return null;
  return (
    <section>
      <h3>{title}</h3>
      <ul class="chips">
        {items.map((e) => (
          <li key={e.key}>
            <button type="button" class="entity" lang={e.name.lang} dir="auto" title={kindLabel(e.kind)} onClick={() => onOpen(e.key)}>
              {e.name.text}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
