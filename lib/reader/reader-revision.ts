import { storage } from 'wxt/utils/storage';
import type { ReaderRecord } from './records';

/**
 * Changes whenever the reader's corrections change (here, or from another machine through
 * sync): open pages hear it and read themselves again, so a hidden name goes at once and an
 * undone correction brings its highlights back.
 */
export const readerRevisionItem = storage.defineItem<number>('local:readerRevision', { fallback: 0 });

export function watchReaderRevision(callback: () => void): () => void {
  return readerRevisionItem.watch(() => callback());
}

/** Whether the live corrections differ between two versions of the records. */
export function correctionsChanged(after: readonly ReaderRecord[], before: readonly ReaderRecord[]): boolean {
  const key = (list: readonly ReaderRecord[]) =>
    list
      .filter((r) => r.type === 'correction' && !r.deleted)
      .map((r) => r.id)
      .sort()
      .join('\n');
  return key(after) !== key(before);
}
