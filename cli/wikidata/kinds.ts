/**
 * Gloss kinds from instance-of (P31) values. Wikidata's class tree is deep; the import reads the
 * item's own P31 values against this table of the classes news actors are filed under (and their
 * common subclasses), so that no class hierarchy has to be fetched.
 */
import type { EntityKind } from '../../lib/pack/types';

export const KIND_OF_CLASS: Readonly<Record<string, EntityKind>> = {
  Q5: 'person', // human
  Q3624078: 'state', // sovereign state
  Q484652: 'organization', // international organization
  Q245065: 'organization', // intergovernmental organization
  Q350604: 'event', // armed conflict
  Q198: 'event', // war
  Q8465: 'event', // civil war
  Q1072326: 'event', // summit meeting
  Q40231: 'event', // election
  Q858439: 'event', // presidential election
  Q131569: 'agreement', // treaty
  Q515: 'place', // city
  Q5119: 'place', // capital city
  Q1549591: 'place', // big city
  Q1637706: 'place', // city with millions of inhabitants
};

/** The kind of the first P31 value the table knows, or undefined. */
export function kindOf(instanceOf: readonly string[]): EntityKind | undefined {
  for (const c of instanceOf) {
    const kind = KIND_OF_CLASS[c];
    if (kind) return kind;
  }
  return undefined;
}
