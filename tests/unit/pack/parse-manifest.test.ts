import { describe, expect, it } from 'vitest';
import { parseManifest } from '@/lib/pack/parse';
import type { PackErrorCode } from '@/lib/pack/errors';
import { json, rawManifest, refusal } from './helpers';

describe('parseManifest accepts', () => {
  it('the example manifest, with hex spelled in capitals lowered', () => {
    const raw = rawManifest({ snapshot: { path: 'snapshot-42.json', sha256: 'AB'.repeat(32), bytes: 10 } });
    const m = parseManifest(json(raw));
    expect(m.version).toBe(42);
    expect(m.publisher).toEqual({ name: 'ANKASAM', url: 'https://www.ankasam.org/' });
    expect(m.snapshot.sha256).toBe('ab'.repeat(32));
    expect(m.deltas).toEqual([{ from: 41, path: 'delta-42.json', sha256: 'b'.repeat(64), bytes: 2210 }]);
  });

  it('a manifest without deltas, publisher or expiry', () => {
    const m = parseManifest(json(rawManifest({ deltas: undefined, publisher: undefined, expires: undefined })));
    expect(m.deltas).toEqual([]);
    expect(m).not.toHaveProperty('publisher');
    expect(m).not.toHaveProperty('expires');
  });

  it('paths in subfolders and a plain day as the publication date', () => {
    const m = parseManifest(
      json(
        rawManifest({
          published: '2026-11-30',
          expires: undefined,
          snapshot: { path: 'v42/snapshot.json', sha256: 'c'.repeat(64), bytes: 1 },
        }),
      ),
    );
    expect(m.snapshot.path).toBe('v42/snapshot.json');
  });
});

const cases: [string, Record<string, unknown>, PackErrorCode, string][] = [
  ['an unknown format', rawManifest({ format: 'gloss-pack/9' }), 'format', 'pack.json: format: "gloss-pack/9" is not a format'],
  ['a bad pack id', rawManifest({ pack: '-asia' }), 'schema', 'pack.json: pack: must be 1 to 64'],
  ['a pack id too long', rawManifest({ pack: 'p'.repeat(65) }), 'schema', 'pack.json: pack: must be 1 to 64'],
  ['a missing title', rawManifest({ title: undefined }), 'schema', 'pack.json: title: is required but missing'],
  ['a negative version', rawManifest({ version: -3 }), 'schema', 'pack.json: version: must be 1 or more (got -3)'],
  ['a version given as text', rawManifest({ version: '42' }), 'schema', 'pack.json: version: must be a number (got "42")'],
  ['a publisher link that is not http(s)', rawManifest({ publisher: { name: 'X', url: 'javascript:alert(1)' } }), 'schema', 'pack.json: publisher.url: only http(s) links are allowed (got "javascript:alert(1)")'],
  ['a publisher without a name', rawManifest({ publisher: { url: 'https://x.example/' } }), 'schema', 'pack.json: publisher.name: is required but missing'],
  ['a publication time without a zone', rawManifest({ published: '2026-11-30T08:00:00' }), 'schema', 'pack.json: published: is not a date'],
  ['an expiry before publication', rawManifest({ expires: '2026-11-01' }), 'schema', 'pack.json: expires: must be after "published"'],
  ['a missing snapshot', rawManifest({ snapshot: undefined }), 'schema', 'pack.json: snapshot: is required but missing'],
  ['a digest that is not hex', rawManifest({ snapshot: { path: 's.json', sha256: 'xyz', bytes: 1 } }), 'schema', 'pack.json: snapshot.sha256: must be 64 hexadecimal digits'],
  ['a negative byte count', rawManifest({ snapshot: { path: 's.json', sha256: 'a'.repeat(64), bytes: -1 } }), 'schema', 'pack.json: snapshot.bytes: must be 0 or more'],
  ['a snapshot on another host', rawManifest({ snapshot: { path: 'https://evil.example/s.json', sha256: 'a'.repeat(64), bytes: 1 } }), 'schema', 'pack.json: snapshot.path: must be a path relative to pack.json'],
  ['a scheme-relative path', rawManifest({ snapshot: { path: '//evil.example/s.json', sha256: 'a'.repeat(64), bytes: 1 } }), 'schema', 'pack.json: snapshot.path: must be a path relative'],
  ['a path with a space', rawManifest({ snapshot: { path: 'snap shot.json', sha256: 'a'.repeat(64), bytes: 1 } }), 'schema', 'pack.json: snapshot.path: must not contain spaces'],
  ['a delta from the future', rawManifest({ deltas: [{ from: 42, path: 'd.json', sha256: 'a'.repeat(64), bytes: 1 }] }), 'schema', 'pack.json: deltas[0].from: must be lower than "version" (got 42)'],
  [
    'two deltas from one version',
    rawManifest({
      deltas: [
        { from: 40, path: 'd1.json', sha256: 'a'.repeat(64), bytes: 1 },
        { from: 40, path: 'd2.json', sha256: 'a'.repeat(64), bytes: 1 },
      ],
    }),
    'schema',
    'pack.json: deltas[1].from: another delta already starts at 40',
  ],
  ['deltas that are not a list', rawManifest({ deltas: 'none' }), 'schema', 'pack.json: deltas: must be a list (got "none")'],
];

describe('parseManifest refuses', () => {
  it.each(cases)('%s', (_name, raw, code, words) => {
    const err = refusal(() => parseManifest(json(raw)));
    expect(err.code).toBe(code);
    expect(err.message).toContain(words);
  });

  it('under the file name it is given', () => {
    const err = refusal(() => parseManifest('{', 'mirror/pack.json'));
    expect(err.code).toBe('json');
    expect(err.message).toMatch(/^mirror\/pack\.json: is not valid JSON/);
  });

  it('a manifest for another pack than the subscription', () => {
    const err = refusal(() => parseManifest(json(rawManifest()), 'pack.json', { pack: 'other' }));
    expect(err.code).toBe('pack-id');
    expect(err.message).toBe('pack.json: pack: names pack "ankasam-asia-pacific", but "other" was expected');
  });

  it('a manifest over the size limit', () => {
    const err = refusal(() => parseManifest(json(rawManifest()), 'pack.json', { maxBytes: 100 }));
    expect(err.code).toBe('too-large');
    expect(err.message).toContain('pack.json: is');
  });
});
