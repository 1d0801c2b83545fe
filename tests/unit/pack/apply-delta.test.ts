import { describe, expect, it } from 'vitest';
import { applyDelta } from '@/lib/pack/apply-delta';
import { checkReferences, checkUniqueIds } from '@/lib/pack/references';
import type { PackRecords } from '@/lib/pack/types';
import { brief, entity, refusal } from './helpers';

const held: PackRecords = {
  entities: [entity('north-korea', { kind: 'state' }), entity('russia', { kind: 'state' }), entity('choe-son-hui')],
  briefs: [brief('b1', { about: ['russia'] })],
};
const none = { entities: [], briefs: [] };

describe('applyDelta', () => {
  it('replaces a put record whole, by id', () => {
    const renamed = entity('choe-son-hui', { name: { en: 'Choe Son-hui' } });
    const out = applyDelta(held, { put: { entities: [renamed], briefs: [] }, remove: none });
    expect(out.entities.find((e) => e.id === 'choe-son-hui')).toEqual(renamed);
    expect(out.entities).toHaveLength(3);
  });

  it('adds new records and deletes removed ones, sorted by id', () => {
    const out = applyDelta(held, {
      put: { entities: [entity('kim-jong-un')], briefs: [brief('b2')] },
      remove: { entities: ['russia'], briefs: ['b1'] },
    });
    expect(out.entities.map((e) => e.id)).toEqual(['choe-son-hui', 'kim-jong-un', 'north-korea']);
    expect(out.briefs.map((b) => b.id)).toEqual(['b2']);
  });

  it('treats a remove of an id not held as nothing to do', () => {
    const out = applyDelta(held, { put: none, remove: { entities: ['never-there'], briefs: [] } });
    expect(out.entities.map((e) => e.id)).toEqual(['choe-son-hui', 'north-korea', 'russia']);
  });

  it('leaves its inputs untouched', () => {
    const before = structuredClone(held);
    applyDelta(held, { put: { entities: [entity('x')], briefs: [] }, remove: { entities: ['russia'], briefs: [] } });
    expect(held).toEqual(before);
  });

  it('can leave a dangling reference, which checkReferences then refuses', () => {
    const out = applyDelta(held, { put: none, remove: { entities: ['russia'], briefs: [] } });
    const err = refusal(() => checkReferences(out.entities, out.briefs, 'delta-43.json'));
    expect(err.code).toBe('reference');
    expect(err.message).toBe('delta-43.json: brief "b1": about[0]: no entity "russia" in this pack');
  });
});

describe('checkReferences', () => {
  it('passes when every reference is held', () => {
    expect(() => checkReferences(held.entities, held.briefs, 'snapshot-1.json')).not.toThrow();
  });

  it('lists every dangling participant, related id and brief subject', () => {
    const err = refusal(() =>
      checkReferences(
        [entity('summit', { kind: 'event', participants: ['kim', 'putin'], related: ['summit'] })],
        [brief('b', { about: ['summit', 'korea'] })],
        'snapshot-2.json',
      ),
    );
    expect(err.code).toBe('reference');
    expect(err.problems).toEqual([
      'snapshot-2.json: entity "summit": participants[0]: no entity "kim" in this pack',
      'snapshot-2.json: entity "summit": participants[1]: no entity "putin" in this pack',
      'snapshot-2.json: brief "b": about[1]: no entity "korea" in this pack',
    ]);
  });

  it('does not take a brief id for an entity', () => {
    const err = refusal(() => checkReferences([entity('a', { related: ['b1'] })], [brief('b1')], 'x.json'));
    expect(err.message).toContain('x.json: entity "a": related[0]: no entity "b1"');
  });
});

describe('checkUniqueIds', () => {
  it('names each repeated id once', () => {
    const err = refusal(() => checkUniqueIds(['a', 'b', 'a', 'a', 'b'], 'entity', 'f.json'));
    expect(err.code).toBe('duplicate');
    expect(err.problems).toEqual(['f.json: entity "a" appears more than once', 'f.json: entity "b" appears more than once']);
  });
});
