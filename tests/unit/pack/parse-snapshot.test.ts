import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '@/lib/pack/parse';
import type { PackErrorCode } from '@/lib/pack/errors';
import { brief, entity, json, rawSnapshot, refusal } from './helpers';

const FILE = 'snapshot-42.json';

describe('parseSnapshot accepts', () => {
  it('a well-formed snapshot, from bytes or text', () => {
    const raw = rawSnapshot();
    const fromBytes = parseSnapshot(json(raw), FILE);
    expect(fromBytes.pack).toBe('ankasam-asia-pacific');
    expect(fromBytes.entities.map((e) => e.id)).toEqual(['north-korea', 'choe-son-hui']);
    expect(parseSnapshot(JSON.stringify(raw), FILE)).toEqual(fromBytes);
  });

  it('ignores and drops fields it does not know, at every level', () => {
    const raw = rawSnapshot({
      generator: 'some tool 2.0',
      entities: [entity('x', { colour: 'red', links: [{ url: 'https://a.example/', rel: 'me' }] })],
      briefs: [],
    });
    const snap = parseSnapshot(json(raw), FILE);
    expect(snap).not.toHaveProperty('generator');
    expect(snap.entities[0]).not.toHaveProperty('colour');
    expect(snap.entities[0]?.links?.[0]).toEqual({ url: 'https://a.example/' });
  });

  it('the alias option needsContext, kept as given', () => {
    const raw = rawSnapshot({ entities: [entity('georgia', { aliases: [{ text: 'Georgia', needsContext: true }, { text: 'Sakartvelo', needsContext: false }] })], briefs: [] });
    expect(parseSnapshot(json(raw), FILE).entities[0]?.aliases).toEqual([
      { text: 'Georgia', needsContext: true },
      { text: 'Sakartvelo', needsContext: false },
    ]);
  });

  it('a leading byte-order mark', () => {
    const body = json(rawSnapshot());
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    expect(parseSnapshot(withBom, FILE).version).toBe(42);
  });

  it('partial event dates and an empty optional localized string', () => {
    const e = entity('korean-war', {
      kind: 'event',
      when: { start: '1950-06', end: '1953' },
      description: {},
    });
    const snap = parseSnapshot(json(rawSnapshot({ entities: [e], briefs: [] })), FILE);
    expect(snap.entities[0]?.when).toEqual({ start: '1950-06', end: '1953' });
  });
});

/** A snapshot whose first entity is `e` (plus north-korea, for references). */
const withEntity = (e: unknown) =>
  rawSnapshot({ entities: [e, entity('north-korea')], briefs: [] });
const withBrief = (b: unknown) =>
  rawSnapshot({ entities: [entity('north-korea')], briefs: [b] });

const cases: [string, Record<string, unknown>, PackErrorCode, string][] = [
  [
    'a javascript: link',
    withEntity(entity('choe-son-hui', { links: [{ url: 'javascript:alert(1)' }] })),
    'schema',
    'snapshot-42.json: entity "choe-son-hui": links[0].url: only http(s) links are allowed (got "javascript:alert(1)")',
  ],
  [
    'a relative link',
    withEntity(entity('x', { links: [{ url: '/about' }] })),
    'schema',
    'entity "x": links[0].url: is not a valid absolute URL',
  ],
  [
    'a link with a user name in it',
    withEntity(entity('x', { links: [{ url: 'https://reuters.com@evil.example/' }] })),
    'schema',
    'entity "x": links[0].url: must not contain a user name',
  ],
  [
    'an unknown kind',
    withEntity(entity('x', { kind: 'nation' })),
    'schema',
    'snapshot-42.json: entity "x": kind: must be one of person, state,',
  ],
  [
    'a missing kind',
    withEntity({ id: 'x', name: { en: 'X' } }),
    'schema',
    'snapshot-42.json: entity "x": kind: is required but missing',
  ],
  ['a missing name', withEntity({ id: 'x', kind: 'person' }), 'schema', 'entity "x": name: is required but missing'],
  [
    'a name with no language',
    withEntity(entity('x', { name: {} })),
    'schema',
    'entity "x": name: needs text in at least one language',
  ],
  [
    'a name keyed by something that is not a language',
    withEntity(entity('x', { name: { 'english please': 'X' } })),
    'schema',
    'entity "x": name: has a key that is not a language code (got "english please")',
  ],
  ['a name given as a list', withEntity(entity('x', { name: ['X'] })), 'schema', 'entity "x": name: must be an object, not a list'],
  ['an empty name text', withEntity(entity('x', { name: { en: '  ' } })), 'schema', 'entity "x": name.en: must not be empty'],
  [
    'a name over the length limit',
    withEntity(entity('x', { name: { en: 'N'.repeat(301) } })),
    'schema',
    'entity "x": name.en: is too long (at most 300 characters)',
  ],
  [
    'an id that breaks the pattern, named by position',
    withEntity(entity('Choe Son Hui')),
    'schema',
    'snapshot-42.json: entities[0]: id: must be 1 to 128 lowercase letters',
  ],
  ['an id too long', withEntity(entity('a'.repeat(129))), 'schema', 'entities[0]: id: must be'],
  ['a missing id', withEntity({ kind: 'person', name: { en: 'X' } }), 'schema', 'entities[0]: id: is required but missing'],
  ['a record that is not an object', withEntity('x' as never), 'schema', 'entities[0]: must be an object (got "x")'],
  [
    'an alias of punctuation only',
    withEntity(entity('x', { aliases: [{ text: '--' }] })),
    'schema',
    'entity "x": aliases[0].text: must contain a letter or digit',
  ],
  ['a stem too large', withEntity(entity('x', { aliases: [{ text: 'Rus', stem: 40 }] })), 'schema', 'aliases[0].stem: must be at most 8'],
  ['a non-boolean flag', withEntity(entity('x', { aliases: [{ text: 'X', afterFull: 'yes' }] })), 'schema', 'aliases[0].afterFull: must be true or false (got "yes")'],
  ['a non-boolean needsContext', withEntity(entity('x', { aliases: [{ text: 'X', needsContext: 1 }] })), 'schema', 'aliases[0].needsContext: must be true or false (got 1)'],
  ['a bad alias language', withEntity(entity('x', { aliases: [{ text: 'X', lang: 'russian!' }] })), 'schema', 'aliases[0].lang: is not a language code'],
  ['an impossible date', withEntity(entity('x', { when: { start: '2023-02-30' } })), 'schema', 'entity "x": when.start: is not a date'],
  ['an end before the start', withEntity(entity('x', { when: { start: '2023-09-13', end: '2023-09-12' } })), 'schema', 'entity "x": when.end: is before the start'],
  ['a bad updated date', withEntity(entity('x', { updated: '30/11/2026' })), 'schema', 'entity "x": updated: is not a date'],
  ['a malformed sameAs', withEntity(entity('x', { sameAs: ['Q1234'] })), 'schema', 'entity "x": sameAs[0]: must look like "prefix:identifier"'],
  ['a reference that is not an id', withEntity(entity('x', { related: ['North Korea'] })), 'schema', 'entity "x": related[0]: must be 1 to 128'],
  ['facts that are not a list', withEntity(entity('x', { facts: { office: 'x' } })), 'schema', 'entity "x": facts: must be a list (got an object)'],
  ['a brief with an ftp url', withBrief(brief('b', { url: 'ftp://think.example/b' })), 'schema', 'snapshot-42.json: brief "b": url: only http(s) links are allowed (got "ftp://think.example/b")'],
  ['a brief citing a data: URL', withBrief(brief('b', { cites: ['https://reuters.com/a', 'data:text/html,hi'] })), 'schema', 'brief "b": cites[1]: only http(s) links are allowed'],
  ['a translation with a javascript: url', withBrief(brief('b', { translations: [{ lang: 'tr', url: 'javascript:void 0' }] })), 'schema', 'brief "b": translations[0].url: only http(s) links are allowed'],
  ['a brief without a title', withBrief({ id: 'b', url: 'https://t.example/', lang: 'en', published: '2023-10-30' }), 'schema', 'brief "b": title: is required but missing'],
  ['a brief without a language', withBrief({ id: 'b', title: 'T', url: 'https://t.example/', published: '2023-10-30' }), 'schema', 'brief "b": lang: is required but missing'],
  ['a brief with a bad date', withBrief(brief('b', { published: '2023-10-32' })), 'schema', 'brief "b": published: is not a date'],
  ['a brief with an id of the wrong type', withBrief(brief('b', { id: 7 })), 'schema', 'briefs[0]: id: must be text (got 7)'],
  ['entities that are not a list', rawSnapshot({ entities: {} }), 'schema', 'snapshot-42.json: entities: must be a list of entities (got an object)'],
  ['a missing brief list', rawSnapshot({ briefs: undefined }), 'schema', 'snapshot-42.json: briefs: is required but missing'],
  ['a bad pack id', rawSnapshot({ pack: 'Ankasam Asia' }), 'schema', 'snapshot-42.json: pack: must be 1 to 64 lowercase letters'],
  ['a version that is not a whole number', rawSnapshot({ version: 4.2 }), 'schema', 'snapshot-42.json: version: must be a whole number (got 4.2)'],
  ['version zero', rawSnapshot({ version: 0 }), 'schema', 'version: must be 1 or more (got 0)'],
  ['a missing format', rawSnapshot({ format: undefined }), 'format', 'snapshot-42.json: format: is required but missing'],
  ['an unknown format', rawSnapshot({ format: 'gloss-pack/2' }), 'format', 'snapshot-42.json: format: "gloss-pack/2" is not a format'],
  [
    'two entities with one id',
    rawSnapshot({ entities: [entity('x'), entity('y'), entity('x')], briefs: [] }),
    'duplicate',
    'snapshot-42.json: entity "x" appears more than once',
  ],
  ['two briefs with one id', rawSnapshot({ briefs: [brief('b'), brief('b')] }), 'duplicate', 'snapshot-42.json: brief "b" appears more than once'],
  [
    'a related id the pack does not hold',
    rawSnapshot({ entities: [entity('choe-son-hui', { related: ['nowhere'] })], briefs: [] }),
    'reference',
    'snapshot-42.json: entity "choe-son-hui": related[0]: no entity "nowhere" in this pack',
  ],
  [
    'a participant the pack does not hold',
    rawSnapshot({ entities: [entity('summit', { kind: 'event', participants: ['summit', 'putin'] })], briefs: [] }),
    'reference',
    'entity "summit": participants[1]: no entity "putin"',
  ],
  [
    'a brief about an entity the pack does not hold',
    rawSnapshot({ entities: [entity('north-korea')], briefs: [brief('b', { about: ['north-korea', 'russia'] })] }),
    'reference',
    'snapshot-42.json: brief "b": about[1]: no entity "russia" in this pack',
  ],
];

describe('parseSnapshot refuses', () => {
  it.each(cases)('%s', (_name, raw, code, words) => {
    const err = refusal(() => parseSnapshot(json(raw), FILE));
    expect(err.code).toBe(code);
    expect(err.message).toContain(words);
    expect(err.message.startsWith(`${FILE}: `)).toBe(true);
  });

  it('invalid JSON', () => {
    const err = refusal(() => parseSnapshot('{"format": "gloss-pack/1",', FILE));
    expect(err.code).toBe('json');
    expect(err.message).toMatch(/^snapshot-42\.json: is not valid JSON \(/);
  });

  it('bytes that are not UTF-8', () => {
    const err = refusal(() => parseSnapshot(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), FILE));
    expect(err.code).toBe('json');
    expect(err.message).toBe('snapshot-42.json: is not valid UTF-8 text');
  });

  it('a file that is not an object', () => {
    const err = refusal(() => parseSnapshot('[1, 2]', FILE));
    expect(err.code).toBe('format');
    expect(err.message).toContain('snapshot-42.json: must hold a JSON object');
  });

  it('a file over the size limit, counted in bytes for text too', () => {
    const bytes = json(rawSnapshot());
    expect(refusal(() => parseSnapshot(bytes, FILE, { maxBytes: bytes.length - 1 })).code).toBe('too-large');
    // 100 Cyrillic letters are 200 UTF-8 bytes.
    const text = JSON.stringify(rawSnapshot({ title: 'Ж'.repeat(100) }));
    const err = refusal(() => parseSnapshot(text, FILE, { maxBytes: text.length + 50 }));
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/^snapshot-42\.json: is .* more than the limit of/);
    expect(() => parseSnapshot(bytes, FILE, { maxBytes: bytes.length })).not.toThrow();
  });

  it('a snapshot of another pack, or another version, than expected', () => {
    const bytes = json(rawSnapshot());
    const other = refusal(() => parseSnapshot(bytes, FILE, { pack: 'other-pack' }));
    expect(other.code).toBe('pack-id');
    expect(other.message).toContain('snapshot-42.json: pack: names pack "ankasam-asia-pacific"');
    const version = refusal(() => parseSnapshot(bytes, FILE, { version: 43 }));
    expect(version.code).toBe('version');
    expect(version.message).toContain('snapshot-42.json: version: is 42, but the manifest promised 43');
  });

  it('with every problem listed, and a count in the message', () => {
    const raw = rawSnapshot({
      entities: [entity('a', { kind: 'nation' }), entity('b', { links: [{ url: 'about:blank' }] })],
      briefs: [],
    });
    const err = refusal(() => parseSnapshot(json(raw), FILE));
    expect(err.problems).toHaveLength(2);
    expect(err.problems[1]).toContain('entity "b": links[0].url');
    expect(err.message).toMatch(/\(and 1 more problem\)$/);
  });
});

describe('a brief’s own publisher', () => {
  it('is kept as plain text, and must be text', () => {
    const ok = parseSnapshot(json(withBrief(brief('b1', { publisher: 'ANKASAM' }))), FILE);
    expect(ok.briefs[0]!.publisher).toBe('ANKASAM');
    expect(refusal(() => parseSnapshot(json(withBrief(brief('b1', { publisher: 42 }))), FILE)).message).toMatch(/publisher/);
  });
});
