import { describe, expect, it } from 'vitest';
import { encodeJson, stableStringify } from '@/lib/pack/encode-json';
import { deepEqual } from '@/lib/pack/deep-equal';

describe('stableStringify', () => {
  it('writes keys in one order whatever order they were built in', () => {
    const a = { version: 1, format: 'gloss-pack/1', pack: 'p', b: { y: 1, x: [2, { d: 1, c: 2 }] } };
    const b = { b: { x: [2, { c: 2, d: 1 }], y: 1 }, pack: 'p', version: 1, format: 'gloss-pack/1' };
    expect(stableStringify(a)).toBe(stableStringify(b));
    expect(stableStringify(a)).toBe('{"format":"gloss-pack/1","pack":"p","b":{"x":[2,{"c":2,"d":1}],"y":1},"version":1}');
  });

  it('puts id first in records and omits undefined fields', () => {
    expect(stableStringify({ kind: 'person', id: 'x', extra: undefined })).toBe('{"id":"x","kind":"person"}');
  });

  it('is the same value as JSON.stringify reads back', () => {
    const value = { text: 'Kim Jong‑un “quoted” \u2028 Ж', n: -0.5, t: true, z: null, list: [] };
    expect(JSON.parse(stableStringify(value))).toEqual(value);
    expect(JSON.parse(stableStringify(value, 2))).toEqual(value);
    expect(stableStringify({ a: [1] }, 2)).toBe('{\n  "a": [\n    1\n  ]\n}');
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => stableStringify({ n: Number.NaN })).toThrow(TypeError);
    expect(() => stableStringify({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('encodeJson', () => {
  it('is UTF-8 and ends with a newline', () => {
    const bytes = encodeJson({ name: 'Чхве' });
    expect(new TextDecoder().decode(bytes)).toBe('{"name":"Чхве"}\n');
    expect(bytes.length).toBe(new TextEncoder().encode('{"name":"Чхве"}\n').length);
  });
});

describe('deepEqual', () => {
  it('ignores key order and absent-versus-undefined, not array order', () => {
    expect(deepEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ b: [1, 2] }, { b: [2, 1] })).toBe(false);
    expect(deepEqual({ a: { x: 1 } }, { a: { x: 2 } })).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual({ a: null }, { a: {} })).toBe(false);
  });
});
