import { storage } from 'wxt/utils/storage';

/**
 * The knowledge base's revision as every context can hear it: the background sets it once
 * the matcher for a new revision is ready, and open pages read themselves again (a pack
 * added, updated or removed shows at once, without a reload).
 */
export const kbRevisionItem = storage.defineItem<number>('local:kbRevision', { fallback: 0 });

export function watchKbRevision(callback: () => void): () => void {
  return kbRevisionItem.watch(() => callback());
}
