import { useMemo } from 'preact/hooks';
import type { OpenCard } from '@/lib/hover/card-state';
import { CorrectionMenu } from './CorrectionMenu';
import { NoteSection } from './NoteSection';
import { contentReaderCalls } from './reader-calls';
import { useReaderExtras } from './use-reader-extras';

/** The reader's parts of a hover card: the note (at the top or the bottom, as set) and "Not this". */
export function useCardReader(card: OpenCard) {
  const calls = useMemo(contentReaderCalls, []);
  const { data } = card;
  const key = data ? card.trail.at(-1) : undefined;
  const { extras, place, setExtras } = useReaderExtras(key, calls);
  if (!data || !key || !extras) return { top: null, bottom: null, menu: null };
  const note = <NoteSection key={key} entityKey={key} label={data.name.text} extras={extras} calls={calls} onChange={(n) => setExtras({ ...extras, note: n })} />;
  const page = location.protocol.startsWith('http') ? { url: location.href, host: location.hostname } : null;
  return {
    top: place === 'top' ? note : null,
    bottom: place === 'bottom' ? note : null,
    menu: <CorrectionMenu key={key} entityKey={key} label={data.name.text} mention={card.trail.length === 1 ? card.anchor.toString() : null} page={page} extras={extras} calls={calls} />,
  };
}
