import type { GlossDb } from '../kb/db';
import type { Sync } from '../sync/sync';

/** Set once the starter pack was subscribed, so a reader's removal of it sticks. */
export const STARTER_OFFERED = 'starter-offered';
const OFFERED = STARTER_OFFERED;

/**
 * The starter pack ships inside the extension and is installed through the same sync
 * path as any subscription, so a new install knows something offline at once. Once a
 * reader removes it, it stays removed; an extension update brings its new version.
 */
export async function ensureStarter(db: GlossDb, sync: Sync, url: string): Promise<void> {
  const existing = await db.packs.where('url').equals(url).first();
  if (existing?.sub !== undefined) {
    await sync.sync(existing.sub);
    return;
  }
  if ((await db.meta.get(OFFERED))?.value === true) return;
  await db.meta.put({ key: OFFERED, value: true });
  await sync.subscribe(url, { builtin: true });
}
