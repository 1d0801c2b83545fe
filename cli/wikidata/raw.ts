/** Wikidata's entity JSON, as far as the import reads it (the same shape in the API and in dumps). */
import type { Item } from 'wikibase-sdk';

export type RawItem = Pick<Item, 'id' | 'labels' | 'aliases' | 'descriptions' | 'claims' | 'sitelinks'> & {
  type: string;
};

/** What wbgetentities answers for an id it does not hold (never created, or deleted). */
export interface MissingItem {
  id: string;
  missing: '';
}

/** The API resolves a redirect and names it; the import refuses it so the publisher fixes the list. */
export interface RedirectedItem extends RawItem {
  redirects: { from: string; to: string };
}

export const Q_ID = /^Q[1-9]\d*$/;

/** Numeric order of Q-ids, so every run treats them alike. */
export function byQ(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}
