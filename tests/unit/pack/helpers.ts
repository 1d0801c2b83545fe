/** Small builders and assertions shared by the pack tests. */
import { PackError } from '@/lib/pack/errors';
import type { Brief, Entity } from '@/lib/pack/types';

export const FORMAT = 'gloss-pack/1';

export function entity(id: string, extra: Record<string, unknown> = {}): Entity {
  return { id, kind: 'person', name: { en: id }, ...extra } as Entity;
}

export function brief(id: string, extra: Record<string, unknown> = {}): Brief {
  return {
    id,
    title: `Brief ${id}`,
    url: `https://think.example/${id}`,
    lang: 'en',
    published: '2023-10-30',
    ...extra,
  } as Brief;
}

/** A snapshot as a plain object, to be broken on purpose and serialised. */
export function rawSnapshot(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: FORMAT,
    pack: 'ankasam-asia-pacific',
    version: 42,
    entities: [entity('north-korea', { kind: 'state' }), entity('choe-son-hui', { related: ['north-korea'] })],
    briefs: [brief('nk-russia-2023', { about: ['north-korea', 'choe-son-hui'] })],
    ...over,
  };
}

export function rawManifest(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: FORMAT,
    pack: 'ankasam-asia-pacific',
    title: 'Asia-Pacific briefs',
    publisher: { name: 'ANKASAM', url: 'https://www.ankasam.org/' },
    version: 42,
    published: '2026-11-30T08:00:00Z',
    expires: '2027-01-30T08:00:00Z',
    snapshot: { path: 'snapshot-42.json', sha256: 'a'.repeat(64), bytes: 183402 },
    deltas: [{ from: 41, path: 'delta-42.json', sha256: 'b'.repeat(64), bytes: 2210 }],
    ...over,
  };
}

export function rawDelta(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: FORMAT,
    pack: 'ankasam-asia-pacific',
    from: 41,
    version: 42,
    put: { entities: [entity('sergei-lavrov')], briefs: [] },
    remove: { entities: ['old-one'], briefs: [] },
    ...over,
  };
}

export const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** The PackError thrown by `fn`; fails the test when nothing (or something else) is thrown. */
export function refusal(fn: () => unknown): PackError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PackError) return err;
    throw err;
  }
  throw new Error('expected a PackError, but nothing was thrown');
}

export async function asyncRefusal(fn: () => Promise<unknown>): Promise<PackError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof PackError) return err;
    throw err;
  }
  throw new Error('expected a PackError, but nothing was thrown');
}
