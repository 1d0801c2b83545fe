/**
 * The publishers' linter run on imported entities, with its fixes applied to them: a flagged
 * alias gets needsContext, caseSensitive or afterFull as the finding says; an alias shared with
 * another entity is dropped. Entities the publisher wrote are linted alongside but never changed.
 */
import type { Alias, Entity } from '../../lib/pack/types';
import { lintEntities, type LintFinding } from '../lint/checks';
import type { SourceRecord } from '../records';

export interface FixReport {
  /** One line per change, naming entity, alias and what was done. */
  changes: string[];
  /** Findings on imported entities left after the fixes (the publisher's own are not counted). */
  left: LintFinding[];
}

/** The aliases a finding is about (one per language may share the text), made when it is a name. */
function aliasesFor(e: Entity, text: string): Alias[] {
  const found = e.aliases?.filter((a) => a.text === text) ?? [];
  if (found.length > 0) return found;
  // A name with no alias of its own: an alias with the same text takes its place (the format's rule).
  const alias: Alias = { text };
  e.aliases = [...(e.aliases ?? []), alias];
  return [alias];
}

function apply(e: Entity, f: LintFinding): string | undefined {
  if (f.check === 'shared-alias') {
    const before = e.aliases?.length ?? 0;
    const kept = (e.aliases ?? []).filter((a) => a.text !== f.alias);
    if (kept.length < before && !Object.values(e.name).includes(f.alias)) {
      if (kept.length > 0) e.aliases = kept;
      else delete e.aliases;
      return 'dropped (another entity has it)';
    }
  }
  const option = f.check === 'short-alias' ? 'caseSensitive' : f.check === 'surname' ? 'afterFull' : 'needsContext';
  const targets = aliasesFor(e, f.alias).filter((a) => !a[option]);
  if (targets.length === 0) return undefined;
  for (const a of targets) a[option] = true;
  return option === 'needsContext' ? `needsContext added (${f.check})` : `${option} added`;
}

export function lintAndFix(imported: SourceRecord<Entity>[], own: SourceRecord<Entity>[]): FixReport {
  const byId = new Map(imported.map((r) => [r.record.id, r.record]));
  const changes: string[] = [];
  // Each fix can only add options or remove aliases, so a few rounds settle it.
  for (let round = 0; round < 3; round++) {
    const findings = lintEntities([...own, ...imported]).filter((f) => byId.has(f.entity));
    if (findings.length === 0) return { changes, left: [] };
    let changed = false;
    for (const f of findings) {
      const what = apply(byId.get(f.entity)!, f);
      if (what) {
        changed = true;
        changes.push(`${f.entity}: alias "${f.alias}": ${what}`);
      }
    }
    if (!changed) break;
  }
  const left = lintEntities([...own, ...imported]).filter((f) => byId.has(f.entity));
  // Whatever the fixes could not settle is dropped rather than published.
  for (const f of left) {
    const e = byId.get(f.entity)!;
    const i = e.aliases?.findIndex((a) => a.text === f.alias) ?? -1;
    if (i >= 0) {
      e.aliases!.splice(i, 1);
      if (e.aliases!.length === 0) delete e.aliases;
      changes.push(`${f.entity}: alias "${f.alias}": dropped (${f.check}: ${f.problem})`);
    }
  }
  return { changes, left: lintEntities([...own, ...imported]).filter((f) => byId.has(f.entity)) };
}
