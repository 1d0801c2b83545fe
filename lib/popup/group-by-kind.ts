import { ENTITY_KINDS, type EntityKind } from '../pack/types';

/** Items grouped by entity kind, in the kinds' fixed order; each group keeps the items' order. */
export function groupByKind<T extends { kind: EntityKind }>(items: readonly T[]): { kind: EntityKind; items: T[] }[] {
  return ENTITY_KINDS.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) })).filter((g) => g.items.length > 0);
}
