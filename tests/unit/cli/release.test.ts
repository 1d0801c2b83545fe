import { describe, expect, it } from 'vitest';
import { applyDelta, buildRelease, generateKeyPair, parseDelta, parseManifest, verifySignature, type Entity, type ReleaseInput } from '@/lib/pack';

const meta = { pack: 'asia-briefs', title: 'Asia briefs', publisher: { name: 'Example Institute' } };
const e = (id: string, en = id): Entity => ({ id, kind: 'state', name: { en } });

/** Releases in a row, each built on the one before, as the CLI does with its output folder. */
async function series(steps: Entity[][], extra: Partial<ReleaseInput> = {}) {
  const releases = [];
  const present = new Set<string>();
  let previous: ReleaseInput['previous'];
  for (const [i, entities] of steps.entries()) {
    const release = await buildRelease({ meta, entities, briefs: [], previous, published: `2026-11-${10 + i}T08:00:00Z`, ...extra });
    releases.push(release);
    for (const name of release.files.keys()) present.add(name);
    for (const name of release.obsolete) present.delete(name);
    const kept = (previous?.snapshots ?? []).filter((s) => !release.obsolete.includes(`snapshot-${s.version}.json`));
    previous = {
      manifest: release.manifest,
      manifestBytes: release.files.get('pack.json') ?? previous!.manifestBytes,
      snapshots: release.unchanged ? kept : [...kept, release.snapshot],
      files: [...present],
    };
  }
  return releases;
}

describe('buildRelease', () => {
  it('starts at version 1 with a snapshot and a manifest, pack.json last', async () => {
    const [r] = await series([[e('japan')]]);
    expect(r!.version).toBe(1);
    expect([...r!.files.keys()]).toEqual(['snapshot-1.json', 'pack.json']);
    expect(parseManifest(r!.files.get('pack.json')!)).toMatchObject({ version: 1, deltas: [] });
  });

  it('is unchanged, writing nothing, when records and meta are the same in another order', async () => {
    const [, second] = await series([[e('japan'), e('russia')], [e('russia'), e('japan')]]);
    expect(second).toMatchObject({ unchanged: true, version: 1, obsolete: [] });
    expect(second!.files.size).toBe(0);
  });

  it('is a new version when only the expiry setting changed', async () => {
    const first = await buildRelease({ meta, entities: [e('japan')], briefs: [], published: '2026-11-10T08:00:00Z' });
    const previous = { manifest: first.manifest, manifestBytes: first.files.get('pack.json')!, snapshots: [first.snapshot] };
    const same = await buildRelease({ meta, entities: [e('japan')], briefs: [], previous, published: '2026-11-12T08:00:00Z' });
    expect(same.unchanged).toBe(true);
    const expiring = await buildRelease({
      meta, entities: [e('japan')], briefs: [], previous, published: '2026-11-12T08:00:00Z', expires: '2026-12-12T08:00:00Z',
    });
    expect(expiring).toMatchObject({ unchanged: false, version: 2 });
  });

  it('makes deltas from every kept earlier snapshot straight to the new version', async () => {
    const releases = await series([[e('a')], [e('a'), e('b')], [e('a'), e('b'), e('c')], [e('b', 'B'), e('c')]]);
    const last = releases.at(-1)!;
    expect(last.manifest.deltas.map((d) => [d.from, d.path])).toEqual([
      [3, 'delta-4.json'],
      [2, 'delta-2-4.json'],
      [1, 'delta-1-4.json'],
    ]);
    // Each delta, applied to its source, gives exactly the new snapshot's records.
    for (const [i, release] of releases.slice(0, -1).entries()) {
      const entry = last.manifest.deltas.find((d) => d.from === i + 1)!;
      const delta = parseDelta(last.files.get(entry.path)!, entry.path);
      expect(applyDelta(release.snapshot, delta)).toEqual({ entities: last.snapshot.entities, briefs: [] });
    }
  });

  it('lists as obsolete the deltas to versions before the previous one, and snapshots beyond the window', async () => {
    const steps = Array.from({ length: 4 }, (_, i) => [e('a', `A${i}`)]);
    const releases = await series(steps, { keepDeltas: 2 });
    expect(releases[3]!.manifest.deltas.map((d) => d.from)).toEqual([3, 2]);
    // Deltas to version 3 stay one more release, for readers in the middle of updating to it.
    expect(releases[3]!.obsolete).toEqual(['delta-2.json', 'snapshot-2.json']);
  });

  it('with force, a new version even when nothing changed; with keepDeltas 0, no deltas', async () => {
    const [, second] = await series([[e('a')], [e('a')]], { force: true, keepDeltas: 0 });
    expect(second).toMatchObject({ unchanged: false, version: 2 });
    expect(second!.manifest.deltas).toEqual([]);
  });

  it('signs pack.json when given a private key', async () => {
    const keys = await generateKeyPair();
    const r = await buildRelease({ meta, entities: [e('a')], briefs: [], published: '2026-11-10T08:00:00Z', privateKey: keys.privateKey });
    expect([...r.files.keys()]).toEqual(['snapshot-1.json', 'pack.json.sig', 'pack.json']);
    const sig = new TextDecoder().decode(r.files.get('pack.json.sig'));
    expect(await verifySignature(r.files.get('pack.json')!, sig, keys.publicKey)).toBe(true);
  });

  it('refuses to continue another pack’s releases', async () => {
    const [r] = await series([[e('a')]]);
    const previous = { manifest: r!.manifest, manifestBytes: r!.files.get('pack.json')!, snapshots: [r!.snapshot] };
    await expect(
      buildRelease({ meta: { ...meta, pack: 'other' }, entities: [e('a')], briefs: [], previous, published: '2026-11-11T08:00:00Z' }),
    ).rejects.toThrow(/earlier build is of pack "asia-briefs", not "other"/);
  });
});
