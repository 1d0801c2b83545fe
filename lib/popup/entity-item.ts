import { mergeLocalized } from '../card/card-data';
import type { EntityRow } from '../kb/db';
import { refKey } from '../kb/rows';
import { pickLocalized } from '../pack/localized';
import type { EntityItem } from '../messaging/reader-calls';

/**
 * An entity as a list names it: name and description in the reader's languages, taken
 * from the asked-for record first, then from records merged with it.
 */
export function entityItem(rows: EntityRow[], languages: readonly string[], key?: string): EntityItem | null {
  const first = rows[0];
  if (!first) return null;
  const name = pickLocalized(mergeLocalized(rows.map((r) => r.record.name)), languages);
  if (!name) return null;
  const description = pickLocalized(mergeLocalized(rows.map((r) => r.record.description)), languages);
  return {
    key: key ?? refKey(first.sub, first.id),
    kind: first.record.kind,
    name,
    ...(description ? { description } : {}),
  };
}
