import { toEpochMs } from './dates';
import { PackError } from './errors';
import type { DeltaEntry, FileEntry, Manifest } from './types';

/**
 * Whether a manifest's version is news: 'apply' when newer than the version
 * held (or nothing is held), 'noop' when equal. Older is a rollback, refused:
 * a mirror or attacker serving an old manifest must not undo corrections.
 */
export function checkVersion(
  held: number | null,
  manifestVersion: number,
  fileName = 'pack.json',
): 'apply' | 'noop' {
  if (held === null || manifestVersion > held) return 'apply';
  if (manifestVersion === held) return 'noop';
  throw new PackError(
    'rollback',
    `${fileName}: version ${manifestVersion} is older than version ${held}, which is already installed`,
  );
}

export type UpdatePlan =
  | { kind: 'noop' }
  | { kind: 'delta'; file: DeltaEntry }
  | { kind: 'snapshot'; file: FileEntry };

/** Which file brings a client from `held` to the manifest's version (throws on rollback). */
export function planUpdate(manifest: Manifest, held: number | null): UpdatePlan {
  if (checkVersion(held, manifest.version) === 'noop') return { kind: 'noop' };
  const delta = held === null ? undefined : manifest.deltas.find((d) => d.from === held);
  return delta ? { kind: 'delta', file: delta } : { kind: 'snapshot', file: manifest.snapshot };
}

/** Past its `expires`: still used, but shown to the reader as no longer refreshed. */
export function isStale(manifest: Pick<Manifest, 'expires'>, now: number = Date.now()): boolean {
  return manifest.expires !== undefined && toEpochMs(manifest.expires) <= now;
}
