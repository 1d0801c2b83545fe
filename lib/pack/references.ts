/**
 * Checks across records: ids unique within a file, and every reference naming
 * an entity the pack holds. Entities and briefs are separate id spaces; all
 * references (`participants`, `related`, a brief's `about`) name entities.
 */
import { PackError } from './errors';
import { MAX_PROBLEMS } from './issues';
import type { Brief, Entity } from './types';

/** Ids that occur more than once, each reported once, in order of second appearance. */
export function duplicateIds(ids: Iterable<string>): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) dup.add(id);
    else seen.add(id);
  }
  return [...dup];
}

/**
 * Throws 'duplicate' when a list of records or ids repeats an id. `what` is how
 * the list is named in the message ("entity", "brief", "removed entity id").
 */
export function checkUniqueIds(ids: Iterable<string>, what: string, fileName: string): void {
  const dup = duplicateIds(ids);
  if (dup.length > 0) {
    throw new PackError(
      'duplicate',
      dup.slice(0, MAX_PROBLEMS).map((id) => `${fileName}: ${what} "${id}" appears more than once`),
    );
  }
}

/**
 * Throws 'reference' listing every reference to an entity id that `entities`
 * does not hold. Run on a snapshot, and on the records a delta leaves behind.
 */
export function checkReferences(
  entities: readonly Entity[],
  briefs: readonly Brief[],
  fileName: string,
): void {
  const known = new Set<string>();
  for (const e of entities) known.add(e.id);
  const problems: string[] = [];
  const check = (owner: string, field: string, ids: readonly string[] | undefined) => {
    if (!ids) return;
    ids.forEach((id, i) => {
      if (!known.has(id) && problems.length < MAX_PROBLEMS) {
        problems.push(`${fileName}: ${owner}: ${field}[${i}]: no entity "${id}" in this pack`);
      }
    });
  };
  for (const e of entities) {
    check(`entity "${e.id}"`, 'participants', e.participants);
    check(`entity "${e.id}"`, 'related', e.related);
  }
  for (const b of briefs) check(`brief "${b.id}"`, 'about', b.about);
  if (problems.length > 0) throw new PackError('reference', problems);
}
