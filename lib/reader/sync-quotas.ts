/**
 * The limits of `storage.sync`, as each browser documents them. Sizes are "the JSON
 * stringification of the value plus the key's length"; Gloss writes only ASCII, so
 * characters and bytes agree.
 *
 * - Chrome (developer.chrome.com/docs/extensions/reference/api/storage, `storage.sync`):
 *   QUOTA_BYTES 102400, QUOTA_BYTES_PER_ITEM 8192, MAX_ITEMS 512,
 *   MAX_WRITE_OPERATIONS_PER_HOUR 1800, MAX_WRITE_OPERATIONS_PER_MINUTE 120 (each set,
 *   remove or clear call counts once, however many items it carries).
 * - Firefox (developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/storage/sync,
 *   "Storage quotas for sync data"; application-services webext_storage SYNC_QUOTA_BYTES_PER_ITEM):
 *   102400 total, 8192 per item, 512 items; no write-rate limit.
 */
export interface SyncQuota {
  bytes: number;
  bytesPerItem: number;
  maxItems: number;
  writesPerMinute?: number;
  writesPerHour?: number;
}

export const CHROME_SYNC_QUOTA: SyncQuota = {
  bytes: 102_400,
  bytesPerItem: 8_192,
  maxItems: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
};

export const FIREFOX_SYNC_QUOTA: SyncQuota = { bytes: 102_400, bytesPerItem: 8_192, maxItems: 512 };

/** What Gloss plans for: the smaller of each limit, so one plan fits both browsers. */
export const SYNC_QUOTA: SyncQuota = CHROME_SYNC_QUOTA;

/** How an item is measured against the quotas (UTF-8 bytes of key and JSON value). */
export function itemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}
