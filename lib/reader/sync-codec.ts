import { canonical } from './merge';
import { checkRecords, type ReaderRecord } from './records';
import { itemBytes, SYNC_QUOTA } from './sync-quotas';

/**
 * How the reader's records lie in `storage.sync`: spread over BUCKETS by a hash of their id,
 * each bucket's records as compressed JSON in base64 (ASCII, so bytes and characters agree),
 * cut into chunks that fit one item. A change rewrites only its bucket; one `set` call
 * carries every chunk of a change, so a change costs one write operation.
 *
 * Key `gr<bucket>.<chunk>`; value `{ v: 1, s: stamp, n: chunks, d: data }`. The stamp is a
 * hash of the bucket's records (before compression), so a bucket whose chunks arrived from two
 * different writes is noticed and ignored until the rest arrives, and two machines holding the
 * same records agree without writing.
 */
export const BUCKETS = 32;
export const KEY_PREFIX = 'gr';
const FORMAT = 1;
/** Room for the key and the value's other fields within QUOTA_BYTES_PER_ITEM. */
export const CHUNK_CHARS = SYNC_QUOTA.bytesPerItem - 96;

export interface Chunk {
  v: number;
  s: string;
  n: number;
  d: string;
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable hash for buckets and stamps. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export const bucketOf = (id: string) => parseInt(fnv1a(id), 16) % BUCKETS;
export const chunkKey = (bucket: number, chunk: number) => `${KEY_PREFIX}${bucket}.${chunk}`;
const KEY_PATTERN = new RegExp(`^${KEY_PREFIX}(\\d+)\\.(\\d+)$`);

export function parseKey(key: string): { bucket: number; chunk: number } | null {
  const m = KEY_PATTERN.exec(key);
  if (!m) return null;
  const bucket = Number(m[1]);
  const chunk = Number(m[2]);
  return bucket < BUCKETS && chunk < 512 ? { bucket, chunk } : null;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/** One bucket's records, in a canonical text: the same records give the same text on any machine. */
export function bucketText(records: readonly ReaderRecord[]): string {
  return `[${[...records].sort((a, b) => (a.id < b.id ? -1 : 1)).map(canonical).join(',')}]`;
}

export const bucketStamp = (records: readonly ReaderRecord[]) => fnv1a(bucketText(records));

/** Every record, grouped by bucket. */
export function byBucket(records: Iterable<ReaderRecord>): Map<number, ReaderRecord[]> {
  const out = new Map<number, ReaderRecord[]>();
  for (const r of records) {
    const b = bucketOf(r.id);
    const list = out.get(b) ?? [];
    list.push(r);
    out.set(b, list);
  }
  return out;
}

/** A bucket's items; an empty bucket has none. */
export async function encodeBucket(bucket: number, records: readonly ReaderRecord[]): Promise<Record<string, Chunk>> {
  if (!records.length) return {};
  const text = bucketText(records);
  const data = toBase64(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
  const n = Math.max(1, Math.ceil(data.length / CHUNK_CHARS));
  const items: Record<string, Chunk> = {};
  for (let i = 0; i < n; i++) items[chunkKey(bucket, i)] = { v: FORMAT, s: fnv1a(text), n, d: data.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS) };
  return items;
}

export interface DecodedBucket {
  /** Absent when the bucket's chunks are not all there, or not from one write. */
  records?: ReaderRecord[];
  stamp?: string;
  keys: string[];
}

function isChunk(value: unknown): value is Chunk {
  const c = value as Chunk;
  return typeof c === 'object' && c !== null && c.v === FORMAT && typeof c.s === 'string' && Number.isInteger(c.n) && c.n >= 1 && typeof c.d === 'string';
}

/** Reads Gloss's buckets from everything in sync storage; other keys are left alone. */
export async function decodeItems(all: Record<string, unknown>): Promise<Map<number, DecodedBucket>> {
  const grouped = new Map<number, Map<number, unknown>>();
  const keys = new Map<number, string[]>();
  for (const [key, value] of Object.entries(all)) {
    const at = parseKey(key);
    if (!at) continue;
    if (!grouped.has(at.bucket)) grouped.set(at.bucket, new Map());
    grouped.get(at.bucket)!.set(at.chunk, value);
    keys.set(at.bucket, [...(keys.get(at.bucket) ?? []), key]);
  }
  const out = new Map<number, DecodedBucket>();
  for (const [bucket, chunks] of grouped) {
    const entry: DecodedBucket = { keys: keys.get(bucket)! };
    out.set(bucket, entry);
    const first = chunks.get(0);
    if (!isChunk(first)) continue;
    const parts: Chunk[] = [];
    for (let i = 0; i < first.n; i++) {
      const c = chunks.get(i);
      if (!isChunk(c) || c.s !== first.s || c.n !== first.n) break;
      parts.push(c);
    }
    if (parts.length !== first.n) continue;
    try {
      const text = new TextDecoder().decode(await pipe(fromBase64(parts.map((p) => p.d).join('')), new DecompressionStream('deflate-raw')));
      if (fnv1a(text) !== first.s) continue;
      // Records from sync are checked like any outside data; a bad one is skipped, not fatal.
      const { records } = checkRecords(JSON.parse(text), 'sync');
      entry.records = records.filter((r) => bucketOf(r.id) === bucket);
      entry.stamp = first.s;
    } catch {
      // Damaged or from an unknown writer: treated as not there yet.
    }
  }
  return out;
}

/** The bytes all these items count against the quota. */
export function totalBytes(items: Record<string, unknown>): number {
  return Object.entries(items).reduce((sum, [k, v]) => sum + itemBytes(k, v), 0);
}
