import { describe, expect, it } from 'vitest';
import { parseDelta } from '@/lib/pack/parse';
import type { PackErrorCode } from '@/lib/pack/errors';
import { brief, entity, json, rawDelta, refusal } from './helpers';

const FILE = 'delta-42.json';

describe('parseDelta accepts', () => {
  it('puts and removes', () => {
    const d = parseDelta(json(rawDelta()), FILE, { pack: 'ankasam-asia-pacific', from: 41, version: 42 });
    expect(d.put.entities.map((e) => e.id)).toEqual(['sergei-lavrov']);
    expect(d.put.briefs).toEqual([]);
    expect(d.remove).toEqual({ entities: ['old-one'], briefs: [] });
  });

  it('a delta with only removals: the missing lists read as empty', () => {
    const d = parseDelta(json(rawDelta({ put: undefined, remove: { briefs: ['b'] } })), FILE);
    expect(d.put).toEqual({ entities: [], briefs: [] });
    expect(d.remove).toEqual({ entities: [], briefs: ['b'] });
  });

  it('references to entities it does not carry (the held pack may have them)', () => {
    const d = parseDelta(json(rawDelta({ put: { briefs: [brief('b', { about: ['held-elsewhere'] })] } })), FILE);
    expect(d.put.briefs[0]?.about).toEqual(['held-elsewhere']);
  });
});

const cases: [string, Record<string, unknown>, PackErrorCode, string][] = [
  ['from not below version', rawDelta({ from: 42 }), 'schema', 'delta-42.json: from: must be lower than "version"'],
  ['a missing from', rawDelta({ from: undefined }), 'schema', 'delta-42.json: from: is required but missing'],
  [
    'a put entity with a bad link',
    rawDelta({ put: { entities: [entity('x', { links: [{ url: 'javascript:alert(1)' }] })] } }),
    'schema',
    'delta-42.json: entity "x": links[0].url: only http(s) links are allowed',
  ],
  [
    'a put entity with an unknown kind',
    rawDelta({ put: { entities: [entity('x', { kind: 'planet' })] } }),
    'schema',
    'delta-42.json: entity "x": kind: must be one of',
  ],
  [
    'a put entity without a usable id, named by position',
    rawDelta({ put: { entities: [entity('x'), { kind: 'person', name: { en: 'Y' } }] } }),
    'schema',
    'delta-42.json: put.entities[1]: id: is required but missing',
  ],
  ['a removed id that is not an id', rawDelta({ remove: { entities: ['Old One'] } }), 'schema', 'delta-42.json: remove.entities[0]: must be 1 to 128'],
  ['put that is not an object', rawDelta({ put: [] }), 'schema', 'delta-42.json: put: must be an object, not a list'],
  ['an entity both put and removed', rawDelta({ put: { entities: [entity('x')] }, remove: { entities: ['x'] } }), 'duplicate', 'delta-42.json: entity "x" is both put and removed'],
  ['a brief both put and removed', rawDelta({ put: { briefs: [brief('b')] }, remove: { briefs: ['b'] } }), 'duplicate', 'delta-42.json: brief "b" is both put and removed'],
  ['one entity put twice', rawDelta({ put: { entities: [entity('x'), entity('x')] } }), 'duplicate', 'delta-42.json: entity "x" appears more than once'],
  ['one id removed twice', rawDelta({ remove: { entities: ['x', 'x'] } }), 'duplicate', 'delta-42.json: removed entity id "x" appears more than once'],
  ['an unknown format', rawDelta({ format: 'gloss-delta/1' }), 'format', 'delta-42.json: format:'],
];

describe('parseDelta refuses', () => {
  it.each(cases)('%s', (_name, raw, code, words) => {
    const err = refusal(() => parseDelta(json(raw), FILE));
    expect(err.code).toBe(code);
    expect(err.message).toContain(words);
  });

  it('a delta of another pack', () => {
    const err = refusal(() => parseDelta(json(rawDelta()), FILE, { pack: 'someone-else' }));
    expect(err.code).toBe('pack-id');
    expect(err.message).toContain('delta-42.json: pack: names pack "ankasam-asia-pacific"');
  });

  it('a delta from another version than the manifest listed it under', () => {
    const err = refusal(() => parseDelta(json(rawDelta()), FILE, { from: 40 }));
    expect(err.code).toBe('version');
    expect(err.message).toBe('delta-42.json: from: is 41, but the manifest promised 40');
  });
});
