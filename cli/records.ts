/**
 * Validating the records of one source file with the format's own schemas, so
 * the CLI refuses exactly what readers would refuse, with messages that name the
 * source file instead of the snapshot:
 *   kb/entities/person/choe.yaml: entity "choe-son-hui": links[0].url: only http(s) links are allowed
 */
import * as v from 'valibot';
import { describeIssues, recordLabel } from '../lib/pack/issues';
import { briefSchema, entitySchema } from '../lib/pack/record-schemas';
import type { Brief, Entity } from '../lib/pack/types';
import { droppedFields } from './dropped-fields';

export type ListName = 'entities' | 'briefs';

export interface SourceRecord<T> {
  record: T;
  /** The source file as the publisher named it. */
  file: string;
  /** `entity "choe-son-hui"`, or `entities[2]` when the id is unusable. */
  label: string;
}

export interface FileRecords<T> {
  valid: SourceRecord<T>[];
  errors: string[];
  warnings: string[];
  /** Ids of refused records: references to them are not reported again. */
  refusedIds: string[];
}

/** Far below the format's limit: what a hover card shows without scrolling. */
export const SUMMARY_ADVICE = 600;

const schemas = { entities: entitySchema, briefs: briefSchema } as const;

/** Puts the record's place in the file in front of each issue, as in a snapshot. */
function placed(
  issues: readonly v.BaseIssue<unknown>[],
  name: ListName,
  root: Record<string, unknown>,
  list: unknown[],
  index: number,
) {
  const head: [v.ObjectPathItem, v.ArrayPathItem] = [
    { type: 'object', origin: 'value', input: root, key: name, value: list },
    { type: 'array', origin: 'value', input: list, key: index, value: list[index] },
  ];
  return issues.map((issue) => ({ ...issue, path: [...head, ...(issue.path ?? [])] as v.BaseIssue<unknown>['path'] }));
}

function advice(list: ListName, record: Entity | Brief, at: string): string[] {
  const out: string[] = [];
  const summaries: [string, string][] =
    list === 'briefs'
      ? [['summary', (record as Brief).summary ?? '']]
      : Object.entries((record as Entity).summary ?? {}).map(([lang, text]) => [`summary.${lang}`, text]);
  for (const [field, text] of summaries) {
    if (text.length > SUMMARY_ADVICE) {
      out.push(`${at}: ${field}: is ${text.length} characters; cards read best under about ${SUMMARY_ADVICE}`);
    }
  }
  return out;
}

export function checkRecords<L extends ListName>(
  list: L,
  records: unknown[],
  file: string,
): FileRecords<L extends 'entities' ? Entity : Brief> {
  type T = L extends 'entities' ? Entity : Brief;
  const out: FileRecords<T> = { valid: [], errors: [], warnings: [], refusedIds: [] };
  // describeIssues labels records found under `entities` or `briefs`.
  const root: Record<string, unknown> = { [list]: records };
  records.forEach((raw, index) => {
    const label = recordLabel(list, index, raw);
    const at = `${file}: ${label}`;
    const result = v.safeParse(schemas[list], raw, { abortPipeEarly: true });
    if (!result.success) {
      out.errors.push(...describeIssues(file, root, placed(result.issues, list, root, records, index)));
      const id = (raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string') out.refusedIds.push(id);
      return;
    }
    const record = result.output as T;
    for (const field of droppedFields(raw, result.output)) {
      out.warnings.push(`${at}: ${field}: is not a field of the format; it was left out`);
    }
    out.warnings.push(...advice(list, record, at));
    out.valid.push({ record, file, label });
  });
  return out;
}
