import { storage } from 'wxt/utils/storage';

/** Pages whose cited-page notice the reader dismissed (normalised addresses), newest last. */
const dismissedItem = storage.defineItem<string[]>('local:dismissedNotices', { fallback: [] });
const KEEP = 500;

export async function isNoticeDismissed(page: string): Promise<boolean> {
  return (await dismissedItem.getValue()).includes(page);
}

export async function dismissNotice(page: string): Promise<void> {
  const list = (await dismissedItem.getValue()).filter((p) => p !== page);
  list.push(page);
  await dismissedItem.setValue(list.slice(-KEEP));
}
