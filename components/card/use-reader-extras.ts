import { useEffect, useState } from 'preact/hooks';
import type { EntityExtras } from '@/lib/messaging/reader-data-calls';
import { readSettings, type NotePlace } from '@/lib/settings';
import type { ReaderCalls } from './reader-calls';

/**
 * The reader's own additions to a card (note, feedback addresses) and where the note goes,
 * fetched apart from the card's content so the pack's part never waits for them.
 */
export function useReaderExtras(key: string | undefined, calls: ReaderCalls) {
  const [extras, setExtras] = useState<EntityExtras | null>(null);
  const [place, setPlace] = useState<NotePlace>('top');
  useEffect(() => {
    void readSettings().then((s) => setPlace(s.notePlace));
  }, []);
  useEffect(() => {
    setExtras(null);
    if (!key) return;
    let live = true;
    void calls.extras(key).then((r) => live && r.ok && setExtras(r.value));
    return () => {
      live = false;
    };
  }, [key]);
  return { extras, place, setExtras };
}
