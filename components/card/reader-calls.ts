import { contentClient, uiClient } from '@/lib/messaging/browser-clients';
import type { EntityExtras, NoteView } from '@/lib/messaging/reader-data-calls';
import type { Result } from '@/lib/messaging/result';

/** What a card's note and correction controls ask of the background, from a page or from the popup. */
export interface ReaderCalls {
  extras(key: string): Promise<Result<EntityExtras>>;
  saveNote(key: string, label: string, text: string): Promise<Result<NoteView | null>>;
  /** Absent in the popup: there is no page mention to hide. */
  hideName?(key: string, label: string, name: string, everywhere: boolean): Promise<Result<null>>;
}

export function contentReaderCalls(): ReaderCalls {
  const client = contentClient();
  return {
    extras: (key) => client.call('entityExtras', { key }),
    saveNote: (key, label, text) => client.call('saveNote', { key, label, text }),
    hideName: (key, label, name, everywhere) => client.call('hideName', { key, label, name, everywhere }),
  };
}

export function uiReaderCalls(): ReaderCalls {
  const client = uiClient();
  return {
    extras: (key) => client.call('entityExtras', { key }),
    saveNote: (key, label, text) => client.call('saveNote', { key, label, text }),
  };
}
