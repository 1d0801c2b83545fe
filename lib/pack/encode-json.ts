/**
 * Deterministic JSON: the same value always gives the same bytes, whatever
 * order its keys were built in, so rebuilding unchanged sources reproduces
 * the published files (and their hashes) exactly.
 */

/** Keys written first, because a reader opening the file looks for them first. */
const LEAD_KEYS = ['format', 'pack', 'id'];

function compareKeys(a: string, b: string): number {
  const ia = LEAD_KEYS.indexOf(a);
  const ib = LEAD_KEYS.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
  return a < b ? -1 : a > b ? 1 : 0; // code-unit order: independent of locale
}

function write(value: unknown, indent: string, depth: number): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot write ${value} as JSON`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`cannot write a ${typeof value} as JSON`);
  }
  const pad = indent === '' ? '' : `\n${indent.repeat(depth + 1)}`;
  const end = indent === '' ? '' : `\n${indent.repeat(depth)}`;
  const colon = indent === '' ? ':' : ': ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((item) => pad + write(item, indent, depth + 1)).join(',')}${end}]`;
  }
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort(compareKeys);
  if (keys.length === 0) return '{}';
  const body = keys.map(
    (k) => pad + JSON.stringify(k) + colon + write((value as Record<string, unknown>)[k], indent, depth + 1),
  );
  return `{${body.join(',')}${end}}`;
}

/** The stable text of a JSON value; `indent` spaces per level (0: compact). */
export function stableStringify(value: unknown, indent = 0): string {
  return write(value, ' '.repeat(indent), 0);
}

/** UTF-8 bytes of the stable text, ending in a newline as text files do. */
export function encodeJson(value: unknown, indent = 0): Uint8Array {
  return new TextEncoder().encode(`${stableStringify(value, indent)}\n`);
}
