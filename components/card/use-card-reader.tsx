import { useMemo } from 'preact/hooks';
import type { OpenCard } from '@/lib/hover/card-state';
import type { EntityExtras } from '@/lib/messaging/reader-data-calls';
import { CorrectionMenu } from './CorrectionMenu';
import { NoteSection } from './NoteSection';
import { contentReaderCalls } from './reader-calls';
import { useReaderExtras } from './use-reader-extras';

// Drawn until the real answer comes, so a card without a note keeps its size once placed.
const PENDING: EntityExtras = { note: null, canNote: true, feedback: [] };

/** The reader's parts of a hover card: the note (at the top or the bottom, as set) and "Not this". */
export function useCardReader(card: OpenCard, say?: (text: string) => void) {
  const calls = useMemo(contentReaderCalls, []);
  const { data } = card;
  const key = data ? card.trail.at(-1) : undefined;
  const loaded = useReaderExtras(key, calls);
  const { place, setExtras } = loaded;
  if (!data || !key) return { top: null, bottom: null, menu: null };
  const pending = loaded.extras === null;
  const extras = loaded.extras ?? PENDING;
  const note = (
    <NoteSection key={key} entityKey={key} label={data.name.text} extras={extras} pending={pending} calls={calls} onChange={(n) => setExtras({ ...extras, note: n })} />
  );
  const page = location.protocol.startsWith('http') ? { url: location.href, host: location.hostname } : null;
  return {
    top: place === 'top' ? note : null,
    bottom: place === 'bottom' ? note : null,
    menu: <CorrectionMenu key={key} entityKey={key} label={data.name.text} mention={card.trail.length === 1 ? card.anchor.toString() : null} page={page} extras={extras} pending={pending} calls={calls} onDone={say} />,
  };
}
