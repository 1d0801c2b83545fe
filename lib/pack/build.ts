/**
 * Building pack files from records: used by the publishers' CLI and by the
 * extension build for the starter pack. Everything built goes through the same
 * validation as a downloaded file, so a publisher sees a refusal before readers do.
 * Serialise the results with `encodeJson` for byte-identical rebuilds.
 */
import { deepEqual } from './deep-equal';
import { PackError } from './errors';
import { sha256Hex } from './hash';
import { validateDelta, validateManifest, validateSnapshot } from './parse';
import {
  PACK_FORMAT,
  type Brief,
  type Delta,
  type DeltaEntry,
  type Entity,
  type FileEntry,
  type Manifest,
  type PackMeta,
  type Snapshot,
} from './types';

/** The conventional names; the manifest's paths are what clients actually follow. */
export function snapshotFileName(version: number): string {
  return `snapshot-${version}.json`;
}

/** `delta-42.json` from 41; `delta-39-42.json` from an older version, so both can coexist. */
export function deltaFileName(from: number, version: number): string {
  return from === version - 1 ? `delta-${version}.json` : `delta-${from}-${version}.json`;
}

/**
 * What the value would be after writing and reading it back: undefined-valued
 * keys vanish, so a built record equals its parsed copy.
 */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A snapshot of the given records, sorted by id so that source order does not
 * change the bytes. Throws PackError exactly as `parseSnapshot` would.
 */
export function buildSnapshot(
  meta: Pick<PackMeta, 'pack'>,
  version: number,
  entities: readonly Entity[],
  briefs: readonly Brief[],
): Snapshot {
  const value = {
    format: PACK_FORMAT,
    pack: meta.pack,
    version,
    entities: [...entities].sort(byId),
    briefs: [...briefs].sort(byId),
  };
  return validateSnapshot(plain(value), snapshotFileName(version));
}

function changes<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Set(after.map((r) => r.id));
  const put = after.filter((r) => {
    const prev = old.get(r.id);
    return prev === undefined || !deepEqual(prev, r);
  });
  const remove = before.filter((r) => !now.has(r.id)).map((r) => r.id);
  return { put: [...put].sort(byId), remove: remove.sort() };
}

/** The delta taking a client holding `previous` to `next`: changed and new records, removed ids. */
export function buildDelta(previous: Snapshot, next: Snapshot): Delta {
  const fileName = deltaFileName(previous.version, next.version);
  if (previous.pack !== next.pack) {
    throw new PackError(
      'pack-id',
      `${fileName}: the snapshots belong to different packs ("${previous.pack}" and "${next.pack}")`,
    );
  }
  if (next.version <= previous.version) {
    throw new PackError(
      'version',
      `${fileName}: version ${next.version} must be higher than ${previous.version}`,
    );
  }
  const entities = changes(previous.entities, next.entities);
  const briefs = changes(previous.briefs, next.briefs);
  const value = {
    format: PACK_FORMAT,
    pack: next.pack,
    from: previous.version,
    version: next.version,
    put: { entities: entities.put, briefs: briefs.put },
    remove: { entities: entities.remove, briefs: briefs.remove },
  };
  return validateDelta(plain(value), fileName);
}

export interface ManifestInput {
  meta: PackMeta;
  version: number;
  /** `YYYY-MM-DD` or an RFC 3339 date-time; passed in so builds are reproducible. */
  published: string;
  expires?: string;
  snapshot: FileEntry;
  deltas?: readonly DeltaEntry[];
}

/** The manifest, deltas newest source first. Throws PackError as `parseManifest` would. */
export function buildManifest(input: ManifestInput): Manifest {
  const value = {
    format: PACK_FORMAT,
    pack: input.meta.pack,
    title: input.meta.title,
    ...(input.meta.publisher ? { publisher: input.meta.publisher } : {}),
    version: input.version,
    published: input.published,
    ...(input.expires !== undefined ? { expires: input.expires } : {}),
    snapshot: input.snapshot,
    deltas: [...(input.deltas ?? [])].sort((a, b) => b.from - a.from),
    ...(input.meta.nextKey ? { nextKey: input.meta.nextKey } : {}),
  };
  return validateManifest(plain(value), 'pack.json');
}

/** The manifest's description of a file's bytes. */
export async function fileEntry(path: string, bytes: Uint8Array): Promise<FileEntry> {
  return { path, sha256: await sha256Hex(bytes), bytes: bytes.byteLength };
}

/** `fileEntry` plus the `from` a delta is listed under. */
export async function deltaEntry(from: number, path: string, bytes: Uint8Array): Promise<DeltaEntry> {
  return { from, ...(await fileEntry(path, bytes)) };
}
