/**
 * Making a release: from a pack's records and what was published before, the
 * files of the next version (snapshot, deltas, manifest, signature) and the
 * files it makes obsolete. Pure: the caller reads and writes the files, so the
 * CLI, the extension build and tests all publish the same way.
 */
import { buildDelta, buildManifest, buildSnapshot, deltaEntry, deltaFileName, fileEntry, snapshotFileName } from './build';
import { toEpochMs } from './dates';
import { deepEqual } from './deep-equal';
import { encodeJson } from './encode-json';
import { PackError } from './errors';
import { sign } from './signature';
import type { Brief, DeltaEntry, Entity, Manifest, PackMeta, Snapshot } from './types';

export const MANIFEST_FILE = 'pack.json';
export const SIGNATURE_FILE = 'pack.json.sig';

/** What the previous build left behind. */
export interface PreviousRelease {
  manifest: Manifest;
  /** The exact bytes of pack.json: an unchanged release re-signs these rather than rewriting them. */
  manifestBytes: Uint8Array;
  /** The content of pack.json.sig, when there is one. */
  signature?: string;
  /** Earlier snapshots still at hand, in any order; the newest tells whether anything changed. */
  snapshots: readonly Snapshot[];
  /** Names of the files beside pack.json, so that old deltas can be listed as obsolete. */
  files?: readonly string[];
}

export interface ReleaseInput {
  meta: PackMeta;
  entities: readonly Entity[];
  briefs: readonly Brief[];
  previous?: PreviousRelease;
  /** RFC 3339 date-time of this build; passed in so builds are reproducible. */
  published: string;
  expires?: string;
  /** base64 PKCS #8 Ed25519 key: sign pack.json when given. */
  privateKey?: string;
  /** Deltas are made from each of this many earlier versions whose snapshot is at hand. */
  keepDeltas?: number;
  /** A new version even when nothing changed. */
  force?: boolean;
  /**
   * The version readers already hold (the live pack.json's): the new version is always
   * above it, even when the earlier build is missing or older, since readers refuse a
   * lower one as a rollback.
   */
  publishedVersion?: number;
  /**
   * When nothing changed, rewrite pack.json under the same version with the new
   * `published` and `expires`: readers treat it as no update but learn the new expiry.
   */
  refresh?: boolean;
}

export interface Release {
  version: number;
  /** Records and meta are those of the previous version: no new version was made. */
  unchanged: boolean;
  manifest: Manifest;
  snapshot: Snapshot;
  /** File name → bytes to write; pack.json is last, so writing in order publishes it last. */
  files: Map<string, Uint8Array>;
  /** Files of earlier builds that nothing needs any more (or that would now be wrong). */
  obsolete: string[];
}

export const DEFAULT_KEEP_DELTAS = 5;

/** `delta-42.json` or `delta-39-42.json` (see deltaFileName): group 1 is the version it leads to. */
const DELTA_NAME = /^delta-(?:\d+-)?(\d+)\.json$/;

/** How long a manifest stays fresh, so a rebuild with the same setting counts as unchanged. */
function lifetime(m: Pick<Manifest, 'published' | 'expires'>): number | null {
  return m.expires === undefined ? null : toEpochMs(m.expires) - toEpochMs(m.published);
}

function sameMeta(a: PackMeta, b: PackMeta): boolean {
  return a.pack === b.pack && a.title === b.title && deepEqual(a.publisher ?? null, b.publisher ?? null) && (a.nextKey ?? null) === (b.nextKey ?? null);
}

async function signatureFile(bytes: Uint8Array, privateKey: string): Promise<Uint8Array> {
  return new TextEncoder().encode(`${await sign(bytes, privateKey)}\n`);
}

export async function buildRelease(input: ReleaseInput): Promise<Release> {
  const { meta, previous } = input;
  const keepDeltas = Math.max(0, input.keepDeltas ?? DEFAULT_KEEP_DELTAS);
  if (previous && previous.manifest.pack !== meta.pack) {
    throw new PackError(
      'pack-id',
      `${MANIFEST_FILE}: the earlier build is of pack "${previous.manifest.pack}", not "${meta.pack}"`,
    );
  }
  const published = input.publishedVersion ?? 0;
  const version = Math.max(previous?.manifest.version ?? 0, published) + 1;
  const snapshot = buildSnapshot(meta, version, input.entities, input.briefs);
  const held = previous?.snapshots.find((s) => s.version === previous.manifest.version);

  const unchanged =
    !input.force &&
    previous !== undefined &&
    // A folder behind what is published cannot be kept as it is: readers would refuse it.
    previous.manifest.version >= published &&
    held !== undefined &&
    sameMeta(previous.manifest, meta) &&
    lifetime(previous.manifest) === lifetime(input) &&
    deepEqual(held.entities, snapshot.entities) &&
    deepEqual(held.briefs, snapshot.briefs);
  if (previous && held && unchanged) return keep(input, previous, held);

  const files = new Map<string, Uint8Array>();
  const snapshotPath = snapshotFileName(version);
  const snapshotBytes = encodeJson(snapshot);
  files.set(snapshotPath, snapshotBytes);

  // Newest first, so the manifest and the log read naturally.
  const sources = [...(previous?.snapshots ?? [])]
    .filter((s) => s.pack === meta.pack && s.version < version && s.version >= version - keepDeltas)
    .sort((a, b) => b.version - a.version);
  const deltas: DeltaEntry[] = [];
  for (const source of sources) {
    const path = deltaFileName(source.version, version);
    const bytes = encodeJson(buildDelta(source, snapshot));
    files.set(path, bytes);
    deltas.push(await deltaEntry(source.version, path, bytes));
  }

  const manifest = buildManifest({
    meta,
    version,
    published: input.published,
    ...(input.expires !== undefined ? { expires: input.expires } : {}),
    snapshot: await fileEntry(snapshotPath, snapshotBytes),
    deltas,
  });
  const manifestBytes = encodeJson(manifest, 2);
  if (input.privateKey) files.set(SIGNATURE_FILE, await signatureFile(manifestBytes, input.privateKey));
  files.set(MANIFEST_FILE, manifestBytes);

  const obsolete = new Set<string>();
  // Deltas to the previous version stay one more release: a reader who fetched the previous
  // pack.json a moment ago may still be downloading one. Older ones lead nowhere.
  for (const name of previous?.files ?? []) {
    const target = DELTA_NAME.exec(name)?.[1];
    if (target !== undefined && Number(target) < version - 1) obsolete.add(name);
  }
  // The next build makes deltas from the snapshots kept now.
  for (const s of previous?.snapshots ?? []) {
    if (s.version <= version - keepDeltas) obsolete.add(snapshotFileName(s.version));
  }
  // A signature of an earlier pack.json would not match the new one.
  if (!input.privateKey && previous?.signature !== undefined) obsolete.add(SIGNATURE_FILE);
  return { version, unchanged: false, manifest, snapshot, files, obsolete: [...obsolete].sort() };
}

/** Nothing changed: write nothing, unless the signature or the expiry needs renewing. */
async function keep(input: ReleaseInput, previous: PreviousRelease, held: Snapshot): Promise<Release> {
  const files = new Map<string, Uint8Array>();
  let manifest = previous.manifest;
  let manifestBytes = previous.manifestBytes;
  if (input.refresh) {
    manifest = buildManifest({
      meta: input.meta,
      version: manifest.version,
      published: input.published,
      ...(input.expires !== undefined ? { expires: input.expires } : {}),
      snapshot: manifest.snapshot,
      deltas: manifest.deltas,
    });
    manifestBytes = encodeJson(manifest, 2);
  }
  if (input.privateKey) {
    // Ed25519 signatures are deterministic: an unchanged manifest signed by the same key gives the same file.
    const signature = await signatureFile(manifestBytes, input.privateKey);
    if (previous.signature?.trim() !== new TextDecoder().decode(signature).trim()) {
      files.set(SIGNATURE_FILE, signature);
    }
  }
  if (input.refresh) files.set(MANIFEST_FILE, manifestBytes);
  const obsolete = input.refresh && !input.privateKey && previous.signature !== undefined ? [SIGNATURE_FILE] : [];
  return { version: manifest.version, unchanged: true, manifest, snapshot: held, files, obsolete };
}
