import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = ['en', 'tr', 'ru'] as const;
type Messages = Record<string, { message: string; description?: string; placeholders?: Record<string, unknown> }>;

const messages = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(readFileSync(`public/_locales/${l}/messages.json`, 'utf8')) as Messages]),
) as Record<(typeof LOCALES)[number], Messages>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}

/** Every message key the code asks for by name: `t('key')`, and `__MSG_key__` in the manifest and pages. */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of [...['entrypoints', 'components', 'lib'].flatMap(sources), 'wxt.config.ts']) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*(['"`])([A-Za-z0-9_@]+)\1/g)) used.set(m[2]!, file);
    for (const m of text.matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)) used.set(m[1]!, file);
  }
  return used;
}

/** `$1`, `$2`… and named `$placeholder$`s, as a sorted list. */
const placeholders = (message: string) => [...message.matchAll(/\$(\d|[A-Za-z_]\w*\$)/g)].map((m) => m[0]).sort();

describe('translations', () => {
  it('every locale has exactly the same keys', () => {
    const en = Object.keys(messages.en).sort();
    for (const l of LOCALES) {
      const keys = Object.keys(messages[l]).sort();
      expect({ locale: l, missing: en.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !en.includes(k)) }).toEqual({
        locale: l,
        missing: [],
        extra: [],
      });
    }
  });

  it('every key the code uses exists (in English, and so in every locale)', () => {
    const used = usedKeys();
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter(([key]) => !(key in messages.en)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('the manifest’s name and description are translated', () => {
    for (const l of LOCALES) {
      expect(messages[l].extName?.message).toBeTruthy();
      expect(messages[l].extDescription?.message).toBeTruthy();
    }
    expect(messages.tr.extDescription!.message).not.toBe(messages.en.extDescription!.message);
    expect(messages.ru.extDescription!.message).not.toBe(messages.en.extDescription!.message);
  });

  it('placeholders are the same in every locale', () => {
    const differ: string[] = [];
    for (const [key, { message }] of Object.entries(messages.en)) {
      for (const l of LOCALES) {
        const other = messages[l][key]?.message;
        if (other !== undefined && JSON.stringify(placeholders(other)) !== JSON.stringify(placeholders(message))) {
          differ.push(`${l}:${key}: ${JSON.stringify(other)}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('no Turkish or Russian message is an untranslated copy of the English one', () => {
    const copies: string[] = [];
    for (const [key, { message }] of Object.entries(messages.en)) {
      // Nothing to translate in a message of placeholders, punctuation and the product's name.
      if (!/\p{L}/u.test(message.replace(/\$\d|\$\w+\$|Gloss/g, ''))) continue;
      for (const l of ['tr', 'ru'] as const) if (messages[l][key]?.message === message) copies.push(`${l}:${key}`);
    }
    expect(copies).toEqual([]);
  });

  it('keys and messages are ones the browsers accept', () => {
    for (const l of LOCALES) {
      for (const [key, value] of Object.entries(messages[l])) {
        expect(key, `${l}:${key}`).toMatch(/^[A-Za-z0-9_@]+$/);
        expect(value.message.trim(), `${l}:${key}`).not.toBe('');
      }
    }
  });
});
