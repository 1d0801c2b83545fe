import { describe, expect, it } from 'vitest';
import { compileMatcher } from '@/lib/match/compile';
import { matchBlock } from '@/lib/match/find';
import { deserializeMatcher, serializedByteLength, serializeMatcher } from '@/lib/match/serialize';
import type { Matcher, SerializedMatcher } from '@/lib/match/types';
import { ENTRIES, MATCHER } from './entities';

const PAGE: [string, string][] = [
  ['en', 'Choe said. Choe Son Hui arrived in Pyongyang’s airport; Choe met Kim Jong-un.'],
  ['en', "The Democratic People's Republic of Korea (DPRK), the U.S. and the UN; us, un, dprk."],
  ['en', 'Sergei Lavrov and Lavrov; Russia’s and Russian; NASA, Nasa; G7 and g7; Côte d’Ivoire.'],
  ['tr', 'Kuzey Kore’nin Rusya’nın ABD’nin İstanbul ISTANBUL ıstanbul Güney Kore BM Birleşmiş Milletler.'],
  ['ru', 'Россия, России, Российская, КНДР, Ким Чен Ына, Лаврова, Сергей Лавров, Лаврова, США, сша.'],
  ['ru', 'Соединённые Штаты и космодром Восточный, Северной Кореи, Путиным, путинизм.'],
  ['en', '🇰🇵North Korea😀, 𝐀Korea, Ko\u00adrea, Kim\u00a0Jong\u2011un, Zeki Talustan Gu\u0308lten; Gülten.'],
];

/** Match the page block by block with one `unlocked` set, as the content script does. */
function annotate(m: Matcher): string[] {
  const unlocked = new Set<string>();
  return PAGE.flatMap(([lang, text]) =>
    matchBlock(m, text, { lang, unlocked }).map((x) => `${x.start}-${x.end}:${x.key}:${x.kind}`),
  );
}

async function idbRoundTrip(value: SerializedMatcher): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('gloss-match-test', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('m');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('m', 'readwrite');
    tx.objectStore('m').put(value, 'matcher');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const got = await new Promise<unknown>((resolve, reject) => {
    const req = db.transaction('m').objectStore('m').get('matcher');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return got;
}

describe('serializeMatcher / deserializeMatcher', () => {
  const expected = annotate(MATCHER);

  it('the page used for comparison has matches of every kind of rule', () => {
    expect(expected.length).toBeGreaterThan(30);
  });

  it('survives structured clone and gives identical results', () => {
    const clone = structuredClone(serializeMatcher(MATCHER));
    expect(annotate(deserializeMatcher(clone))).toEqual(expected);
  });

  it('survives IndexedDB and gives identical results', async () => {
    const stored = await idbRoundTrip(serializeMatcher(MATCHER));
    expect(annotate(deserializeMatcher(stored as SerializedMatcher))).toEqual(expected);
  });

  it('is the same as a fresh compile of the same entries', () => {
    expect(annotate(compileMatcher(ENTRIES))).toEqual(expected);
  });

  it('holds only plain data: no Map, Set or class instances besides typed arrays', () => {
    const s = serializeMatcher(MATCHER);
    for (const [name, v] of Object.entries(s)) {
      const plain =
        typeof v === 'string' || typeof v === 'number' || ArrayBuffer.isView(v) ||
        (Array.isArray(v) && v.every((x) => typeof x === 'string'));
      expect(plain, name).toBe(true);
    }
    expect(serializedByteLength(s)).toBeGreaterThan(0);
  });

  it('refuses a wrong format, a missing array and out-of-range references', () => {
    const good = serializeMatcher(MATCHER);
    expect(() => deserializeMatcher({ ...good, format: 'gloss-matcher/0' } as unknown as SerializedMatcher)).toThrow(/format/);
    expect(() => deserializeMatcher({ ...good, label: undefined } as unknown as SerializedMatcher)).toThrow(/label/);
    expect(() => deserializeMatcher({ ...good, firstChild: good.firstChild.slice(0, 5) })).toThrow(/node arrays/);
    const badEntry = good.recordEntry.slice();
    badEntry[0] = good.keys.length;
    expect(() => deserializeMatcher({ ...good, recordEntry: badEntry })).toThrow(/recordEntry/);
    const loop = good.firstChild.slice();
    loop[3] = 0;
    expect(() => deserializeMatcher({ ...good, firstChild: loop })).toThrow(/firstChild/);
    expect(() => deserializeMatcher({ ...good, keys: [...good.keys, 'extra'] })).toThrow(/entryKind/);
  });
});
