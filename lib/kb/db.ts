import Dexie, { type EntityTable } from 'dexie';
import type { Brief, Entity, Publisher } from '../pack/types';

/** Why the last update of a pack was refused or failed, in words a reader can act on. */
export interface PackProblem {
  /** The file at fault, when there is one (`pack.json`, `delta-42.json`, ...). */
  file?: string;
  /** A short machine code: network, http, hash, size, json, schema, pack-id, rollback, signature, ... */
  code: string;
  message: string;
  at: number;
}

/** One subscription and what Gloss holds of it. */
export interface PackRow {
  /** Local key; records point at it instead of repeating the URL. */
  sub?: number;
  /** The manifest's URL: what the reader subscribed to. */
  url: string;
  /** Base64 Ed25519 public key; with one, unsigned manifests are refused. */
  publicKey?: string;
  /**
   * The next key a manifest signed by `publicKey` announced: a manifest signed by it is
   * accepted too, and moves the pin to it.
   */
  nextKey?: string;
  /** Shipped inside the extension. */
  builtin: boolean;
  /** From the manifest held; absent until the first successful sync. */
  pack?: string;
  title?: string;
  publisher?: Publisher;
  version?: number;
  published?: string;
  expires?: string;
  entityCount: number;
  briefCount: number;
  /** Validators of the manifest held, for conditional requests. */
  etag?: string;
  lastModified?: string;
  lastAttempt?: number;
  lastSuccess?: number;
  lastError?: PackProblem;
  /** Network failures in a row, for the retry backoff. */
  failures: number;
  nextAttempt?: number;
  added: number;
}

/** One entity of one subscription, as queries hand it out. */
export interface EntityRow {
  sub: number;
  id: string;
  sameAs: string[];
  record: Entity;
}

/**
 * How entities are stored: a subscription's entities spread over a fixed number of
 * buckets by a hash of their id. IndexedDB costs about as much per record as per
 * kilobyte, so a 100,000-entity snapshot written as ~4,000 rows applies in under two seconds
 * where 100,000 rows took most of a minute. See lib/kb/entity-store.ts.
 */
export interface EntityBucketRow {
  sub: number;
  bucket: number;
  /** Every `sameAs` of the bucket's entities, for the merge lookup. */
  sameAs: string[];
  records: Entity[];
}

export interface BriefRow {
  sub: number;
  id: string;
  /** `sub:entityId` for each entity the brief is about. */
  about: string[];
  /** Normalised cited URLs. */
  cites: string[];
  record: Brief;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export type GlossDb = Dexie & {
  packs: EntityTable<PackRow, 'sub'>;
  entities: Dexie.Table<EntityBucketRow, [number, number]>;
  briefs: Dexie.Table<BriefRow, [number, string]>;
  meta: EntityTable<MetaRow, 'key'>;
};

export const DB_NAME = 'gloss';

/**
 * The knowledge base. Each schema change is a new `version(n)` with its upgrade, kept
 * below the previous ones, so any older database migrates step by step.
 */
export function openDb(name = DB_NAME, indexedDB?: IDBFactory, keyRange?: typeof IDBKeyRange): GlossDb {
  const db = new Dexie(name, indexedDB ? { indexedDB, IDBKeyRange: keyRange } : undefined) as GlossDb;
  db.version(1).stores({
    packs: '++sub, &url',
    entities: '[sub+bucket], *sameAs',
    briefs: '[sub+id], *about, *cites',
    meta: 'key',
  });
  return db;
}
