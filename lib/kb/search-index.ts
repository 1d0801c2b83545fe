import { fold } from '../match/fold';
import type { Entity } from '../pack/types';

/**
 * Prefix search over every name and alias, in memory: a sorted list of folded terms.
 * Each name is entered from every word on ("kim jong un", "jong un", "un"), so a query
 * finds a name by its start or by a later word. Short afterFull forms are left out.
 */
export interface SearchIndex {
  terms: string[];
  keys: string[];
}

export function searchTerms(entity: Entity): string[] {
  const texts = [...Object.values(entity.name), ...(entity.aliases ?? []).filter((a) => !a.afterFull).map((a) => a.text)];
  const terms = new Set<string>();
  for (const text of texts) {
    const words = fold(text).text.split(/[\s'.,]+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) terms.add(words.slice(i).join(' '));
  }
  return [...terms];
}

export function buildSearchIndex(entries: Iterable<{ key: string; entity: Entity }>): SearchIndex {
  const pairs: [string, string][] = [];
  for (const { key, entity } of entries) for (const term of searchTerms(entity)) pairs.push([term, key]);
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { terms: pairs.map((p) => p[0]), keys: pairs.map((p) => p[1]) };
}

export const foldQuery = (query: string) => fold(query).text.replace(/\s+/g, ' ').trim();

/** Keys whose terms start with the folded query, each once, in term order. */
export function searchIndex(index: SearchIndex, query: string, limit: number): string[] {
  const q = foldQuery(query);
  if (!q) return [];
  let lo = 0;
  let hi = index.terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.terms[mid]! < q) lo = mid + 1;
    else hi = mid;
  }
  const out = new Set<string>();
  for (let i = lo; i < index.terms.length && out.size < limit && index.terms[i]!.startsWith(q); i++) out.add(index.keys[i]!);
  return [...out];
}
