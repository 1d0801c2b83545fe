/**
 * Turns schema issues into sentences a publisher can act on:
 *   snapshot-42.json: entity "choe-son-hui": links[0].url: only http(s) links are allowed (got "javascript:alert(1)")
 */
import type * as v from 'valibot';
import { shown } from './errors';
import { ID_PATTERN } from './fields';

/** A broken file can have a problem per record; nobody reads past the first hundred. */
export const MAX_PROBLEMS = 100;

type Key = string | number;

/** `links[0].url`, `name.pt-BR`, `facts[2]["odd key"]`. */
export function fieldPath(keys: readonly Key[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

const KIND_OF_LIST: Record<string, string> = { entities: 'entity', briefs: 'brief' };

/** `entity "choe-son-hui"` when the record has a usable id, else its position. */
export function recordLabel(list: 'entities' | 'briefs', index: number, record: unknown, prefix = ''): string {
  const id = record && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
  if (typeof id === 'string' && ID_PATTERN.test(id)) return `${KIND_OF_LIST[list]} "${id}"`;
  return `${prefix}${list}[${index}]`;
}

function at(root: unknown, keys: readonly Key[]): unknown {
  let node = root;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<Key, unknown>)[key];
  }
  return node;
}

/** Splits a path into the record it falls in (if any) and the field inside it. */
function locate(root: unknown, keys: readonly Key[]): { record: string | null; field: Key[] } {
  const [k0, k1, k2] = keys;
  if ((k0 === 'entities' || k0 === 'briefs') && typeof k1 === 'number') {
    return { record: recordLabel(k0, k1, at(root, [k0, k1])), field: keys.slice(2) };
  }
  if (k0 === 'put' && (k1 === 'entities' || k1 === 'briefs') && typeof k2 === 'number') {
    return { record: recordLabel(k1, k2, at(root, keys.slice(0, 3)), 'put.'), field: keys.slice(3) };
  }
  return { record: null, field: [...keys] };
}

function received(input: unknown): string {
  if (input === null || ['string', 'number', 'boolean'].includes(typeof input)) {
    return ` (got ${shown(input)})`;
  }
  return '';
}

/** For a value of the wrong type, say what came instead. */
function receivedShape(input: unknown): string {
  if (Array.isArray(input)) return ' (got a list)';
  if (input !== null && typeof input === 'object') return ' (got an object)';
  return received(input);
}

/** One sentence per issue, prefixed with the file name. */
export function describeIssues(
  fileName: string,
  root: unknown,
  issues: readonly v.BaseIssue<unknown>[],
): string[] {
  const out: string[] = [];
  for (const issue of issues.slice(0, MAX_PROBLEMS)) {
    const items = issue.path ?? [];
    const last = items[items.length - 1];
    const onKey = last !== undefined && 'origin' in last && last.origin === 'key';
    // A key the object needs but lacks.
    const missing = onKey && issue.type === 'object' && issue.input === undefined;
    // A bad key of a localized string: reported on the string, showing the key.
    const keyIssue = onKey && !missing;
    const keys = (keyIssue ? items.slice(0, -1) : items).map((p) => p.key as Key);
    const { record, field } = locate(root, keys);

    let message: string;
    if (missing) {
      message = 'is required but missing';
    } else if (issue.type === 'max_length' || issue.type === 'min_length') {
      message = issue.message;
    } else {
      // The value at the path, not issue.input: a check forwarded to a field sees the whole object.
      const value = keyIssue ? issue.input : at(root, keys);
      message = issue.message + (issue.kind === 'schema' ? receivedShape(value) : received(value));
    }
    const parts = [fileName];
    if (record) parts.push(record);
    if (field.length > 0) parts.push(fieldPath(field));
    else if (!record) message = issue.input === root ? `the file ${message}` : message;
    out.push(`${parts.join(': ')}: ${message}`);
  }
  return out;
}
