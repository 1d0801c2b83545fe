import type { GlossDb } from '../kb/db';
import type { Sync } from '../sync/sync';

/**
 * Back to a fresh install's knowledge: every pack removed, the built-in starter pack
 * subscribed again (from inside the extension, so this works offline).
 */
export async function resetToStarter(db: GlossDb, sync: Sync, starterUrl: string): Promise<void> {
  for (const row of await db.packs.toArray()) if (row.sub !== undefined) await sync.unsubscribe(row.sub);
  await sync.subscribe(starterUrl, { builtin: true });
}
