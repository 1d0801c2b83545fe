import { describe, expect, it } from 'vitest';
import { applyDelta } from '@/lib/pack/apply-delta';
import {
  buildDelta,
  buildManifest,
  buildSnapshot,
  deltaEntry,
  deltaFileName,
  fileEntry,
  snapshotFileName,
} from '@/lib/pack/build';
import { checkFile } from '@/lib/pack/check-file';
import { encodeJson } from '@/lib/pack/encode-json';
import { parseDelta, parseManifest, parseSnapshot } from '@/lib/pack/parse';
import { checkReferences } from '@/lib/pack/references';
import { generateKeyPair, sign, verifySignature } from '@/lib/pack/signature';
import type { Brief, Entity, PackMeta } from '@/lib/pack/types';
import { brief, entity, refusal } from './helpers';

const meta: PackMeta = {
  pack: 'ankasam-asia-pacific',
  title: 'Asia-Pacific briefs',
  publisher: { name: 'ANKASAM', url: 'https://www.ankasam.org/' },
};

const v1Entities: Entity[] = [
  entity('russia', { kind: 'state', aliases: [{ text: 'Росси', lang: 'ru', stem: 2 }] }),
  entity('north-korea', { kind: 'state', sameAs: ['wikidata:Q423'], aliases: [{ text: 'DPRK' }] }),
  entity('choe-son-hui', {
    name: { en: 'Choe Son Hui', ru: 'Чхве Сон Хи' },
    aliases: [{ text: 'Choe', afterFull: true }],
    facts: [{ label: { en: 'Office' }, value: { en: 'Minister of Foreign Affairs' } }],
    related: ['north-korea'],
    links: [{ title: { en: 'Profile' }, url: 'https://example.org/choe' }],
    updated: '2026-11-30',
  }),
];
const v1Briefs: Brief[] = [
  brief('nk-russia-2023', {
    about: ['north-korea', 'russia', 'choe-son-hui'],
    cites: ['https://www.reuters.com/world/x-2023-10-27/'],
    translations: [{ lang: 'tr', title: 'Kuzey Kore', url: 'https://www.ankasam.org/tr/x' }],
  }),
];

// Version 2: one entity changed, one added, one removed (with the reference to it), a brief unchanged.
const v2Entities: Entity[] = [
  entity('north-korea', { kind: 'state', sameAs: ['wikidata:Q423'], aliases: [{ text: 'DPRK' }] }),
  entity('choe-son-hui', {
    name: { en: 'Choe Son Hui', ru: 'Чхве Сон Хи', tr: 'Choe Son Hui' },
    aliases: [{ text: 'Choe', afterFull: true }],
    related: ['north-korea'],
  }),
  entity('kim-putin-summit-2023', {
    kind: 'event',
    when: { start: '2023-09-13', end: '2023-09-13' },
    participants: ['north-korea'],
  }),
];
const v2Briefs: Brief[] = [brief('nk-russia-2023', { about: ['north-korea', 'choe-son-hui'] })];

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('building a pack', () => {
  it('a built snapshot survives writing and parsing unchanged', () => {
    const snap = buildSnapshot(meta, 1, v1Entities, v1Briefs);
    const parsed = parseSnapshot(encodeJson(snap), snapshotFileName(1), { pack: meta.pack, version: 1 });
    expect(parsed).toEqual(snap);
    expect(parsed.entities.map((e) => e.id)).toEqual(['choe-son-hui', 'north-korea', 'russia']);
  });

  it('rebuilding unchanged sources, in any order, gives the same bytes', async () => {
    const a = encodeJson(buildSnapshot(meta, 1, v1Entities, v1Briefs));
    const shuffled = [...v1Entities].reverse().map((e) => Object.fromEntries(Object.entries(e).reverse()) as Entity);
    const b = encodeJson(buildSnapshot(meta, 1, shuffled, v1Briefs));
    expect(text(b)).toBe(text(a));
    expect((await fileEntry('s.json', b)).sha256).toBe((await fileEntry('s.json', a)).sha256);
  });

  it('a delta carries only what changed and applies to give the next snapshot', () => {
    const prev = buildSnapshot(meta, 1, v1Entities, v1Briefs);
    const next = buildSnapshot(meta, 2, v2Entities, v2Briefs);
    const delta = buildDelta(prev, next);
    expect(delta.from).toBe(1);
    expect(delta.put.entities.map((e) => e.id)).toEqual(['choe-son-hui', 'kim-putin-summit-2023']);
    expect(delta.put.briefs.map((b) => b.id)).toEqual(['nk-russia-2023']);
    expect(delta.remove).toEqual({ entities: ['russia'], briefs: [] });

    const parsed = parseDelta(encodeJson(delta), deltaFileName(1, 2), { pack: meta.pack, from: 1, version: 2 });
    const applied = applyDelta(prev, parsed);
    expect(applied).toEqual({ entities: next.entities, briefs: next.briefs });
    expect(() => checkReferences(applied.entities, applied.briefs, 'delta-2.json')).not.toThrow();
  });

  it('the delta between equal snapshots is empty', () => {
    const a = buildSnapshot(meta, 1, v1Entities, v1Briefs);
    const b = buildSnapshot(meta, 2, [...v1Entities].reverse(), v1Briefs);
    const delta = buildDelta(a, b);
    expect(delta.put).toEqual({ entities: [], briefs: [] });
    expect(delta.remove).toEqual({ entities: [], briefs: [] });
  });

  it('a manifest lists the files by hash and size, and checks out against them', async () => {
    const s1 = buildSnapshot(meta, 1, v1Entities, v1Briefs);
    const s2 = buildSnapshot(meta, 2, v2Entities, v2Briefs);
    const s3 = buildSnapshot(meta, 3, v2Entities, []);
    const snapBytes = encodeJson(s3);
    const d13 = encodeJson(buildDelta(s1, s3));
    const d23 = encodeJson(buildDelta(s2, s3));
    const manifest = buildManifest({
      meta,
      version: 3,
      published: '2026-11-30T08:00:00Z',
      expires: '2027-01-30T08:00:00Z',
      snapshot: await fileEntry(snapshotFileName(3), snapBytes),
      deltas: [await deltaEntry(1, deltaFileName(1, 3), d13), await deltaEntry(2, deltaFileName(2, 3), d23)],
    });
    expect(manifest.deltas.map((d) => [d.from, d.path])).toEqual([
      [2, 'delta-3.json'],
      [1, 'delta-1-3.json'],
    ]);
    const bytes = encodeJson(manifest, 2);
    expect(parseManifest(bytes)).toEqual(manifest);
    await expect(checkFile(snapBytes, manifest.snapshot, 'snapshot-3.json')).resolves.toBeUndefined();
    await expect(checkFile(d23, manifest.deltas[0]!, 'delta-3.json')).resolves.toBeUndefined();

    const keys = await generateKeyPair();
    expect(await verifySignature(bytes, await sign(bytes, keys.privateKey), keys.publicKey)).toBe(true);
  });

  it('a manifest without expiry or publisher has neither field', () => {
    const manifest = buildManifest({
      meta: { pack: 'p', title: 'P' },
      version: 1,
      published: '2026-11-30',
      snapshot: { path: 'snapshot-1.json', sha256: '0'.repeat(64), bytes: 2 },
    });
    expect(Object.keys(manifest).sort()).toEqual(['deltas', 'format', 'pack', 'published', 'snapshot', 'title', 'version']);
  });
});

describe('building refuses', () => {
  it('an invalid record, in the words a reader would get', () => {
    const bad = [entity('x', { links: [{ url: 'javascript:alert(1)' }] })];
    const err = refusal(() => buildSnapshot(meta, 7, bad, []));
    expect(err.code).toBe('schema');
    expect(err.message).toBe(
      'snapshot-7.json: entity "x": links[0].url: only http(s) links are allowed (got "javascript:alert(1)")',
    );
  });

  it('a dangling reference and a repeated id', () => {
    expect(refusal(() => buildSnapshot(meta, 1, [entity('a', { related: ['b'] })], [])).code).toBe('reference');
    expect(refusal(() => buildSnapshot(meta, 1, [entity('a'), entity('a')], [])).code).toBe('duplicate');
  });

  it('a delta between different packs or backwards in version', () => {
    const a = buildSnapshot(meta, 2, v1Entities, v1Briefs);
    const other = buildSnapshot({ pack: 'other' }, 3, v1Entities, v1Briefs);
    const older = buildSnapshot(meta, 1, v1Entities, v1Briefs);
    const packs = refusal(() => buildDelta(a, other));
    expect(packs.code).toBe('pack-id');
    expect(packs.message).toContain('delta-3.json: the snapshots belong to different packs');
    expect(refusal(() => buildDelta(a, older)).code).toBe('version');
  });

  it('a manifest that expires before it is published', () => {
    const err = refusal(() =>
      buildManifest({
        meta,
        version: 1,
        published: '2026-11-30',
        expires: '2026-01-01',
        snapshot: { path: 'snapshot-1.json', sha256: '0'.repeat(64), bytes: 2 },
      }),
    );
    expect(err.code).toBe('schema');
    expect(err.message).toBe('pack.json: expires: must be after "published" (got "2026-01-01")');
  });
});
