/**
 * Reading one source file: YAML (.yaml, .yml) or JSON (.json), holding one
 * record (a mapping) or many (a list). YAML files may also hold several
 * documents separated by `---`, each a record or a list.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isAlias, isCollection, isPair, parseAllDocuments, visit, type Document, type Node } from 'yaml';
import { CliError, messageOf } from './errors';

export const DATA_EXTENSIONS = ['.yaml', '.yml', '.json'];

export function isDataFile(name: string): boolean {
  return !name.startsWith('.') && DATA_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** The first sentence of a YAML error, without its code frame. */
function yamlMessage(message: string): string {
  return (message.split('\n', 1)[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** YAML aliases (`*name`) in one file: how many, and how many values they may add in all. */
export const ALIAS_LIMITS = { aliases: 100, expandedValues: 100_000 } as const;

/**
 * Refuses aliases that would blow up when expanded (a "billion laughs" file, or a hundred
 * aliases of one large anchor), before anything is expanded: each alias costs the number of
 * values its anchor holds, counted once per anchor.
 */
function checkAliases(doc: Document, shown: string): void {
  const sizes = new Map<unknown, number>();
  const size = (node: unknown, open: Set<unknown>): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) throw new CliError(`${shown}: a YAML alias refers to itself`);
    open.add(node);
    let n = 1;
    if (isAlias(node)) n = size(node.resolve(doc), open);
    else if (isPair(node)) n = size(node.key, open) + size(node.value, open);
    else if (isCollection(node)) for (const item of node.items) n += size(item, open);
    open.delete(node);
    // Stop counting once past the limit: the total is all that matters.
    n = Math.min(n, ALIAS_LIMITS.expandedValues + 1);
    sizes.set(node, n);
    return n;
  };
  let aliases = 0;
  let added = 0;
  visit(doc, {
    Alias(_, alias) {
      aliases++;
      added += size(alias.resolve(doc) as Node | undefined, new Set());
      if (aliases > ALIAS_LIMITS.aliases || added > ALIAS_LIMITS.expandedValues) return visit.BREAK;
      return undefined;
    },
  });
  if (aliases > ALIAS_LIMITS.aliases) {
    throw new CliError(`${shown}: uses more than ${ALIAS_LIMITS.aliases} YAML aliases (*name); write the values out instead`);
  }
  if (added > ALIAS_LIMITS.expandedValues) {
    throw new CliError(
      `${shown}: its YAML aliases (*name) would add more than ${ALIAS_LIMITS.expandedValues.toLocaleString('en')} values when expanded; write the values out instead`,
    );
  }
}

function parseYaml(text: string, shown: string): unknown[] {
  const docs = parseAllDocuments(text, { prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const problems: string[] = [];
  for (const doc of list) {
    for (const err of doc.errors) {
      const at = err.linePos?.[0];
      problems.push(`${shown}${at ? `:${at.line}:${at.col}` : ''}: ${yamlMessage(err.message)}`);
    }
  }
  if (problems.length > 0) throw new CliError(problems);
  for (const doc of list) checkAliases(doc, shown);
  return list
    .map((doc) => {
      try {
        return doc.toJS({ maxAliasCount: ALIAS_LIMITS.aliases }) as unknown;
      } catch (err) {
        // The YAML reader's own guard, should anything pass the count above.
        throw new CliError(`${shown}: ${messageOf(err)}`);
      }
    })
    .filter((v) => v !== null && v !== undefined);
}

function parseJson(text: string, shown: string): unknown[] {
  try {
    return [JSON.parse(text) as unknown];
  } catch (err) {
    throw new CliError(`${shown}: is not valid JSON (${messageOf(err)})`);
  }
}

/**
 * YAML reads `start: 2023` as a number, but the format wants dates as text;
 * turning whole numbers back into text under these keys spares publishers the quotes.
 */
const DATE_KEYS = new Set(['start', 'end', 'published', 'updated']);

function datesAsText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(datesAsText);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = DATE_KEYS.has(k) && Number.isInteger(v) ? String(v) : datesAsText(v);
  }
  return out;
}

/** The records of a file, in order. Throws CliError naming the file (and line, for YAML). */
export async function readRecords(path: string, shown: string): Promise<unknown[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(`${shown}: could not be read (${messageOf(err)})`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const docs = extname(path).toLowerCase() === '.json' ? parseJson(text, shown) : parseYaml(text, shown);
  const records: unknown[] = [];
  for (const doc of docs) {
    if (Array.isArray(doc)) records.push(...doc);
    else records.push(doc);
  }
  return records.map(datesAsText);
}

/** A single mapping, for pack.yaml. */
export async function readMapping(path: string, shown: string): Promise<Record<string, unknown>> {
  const records = await readRecords(path, shown);
  const [first] = records;
  if (records.length !== 1 || first === null || typeof first !== 'object' || Array.isArray(first)) {
    throw new CliError(`${shown}: must hold one mapping (pack: ..., title: ..., publisher: ...)`);
  }
  return first as Record<string, unknown>;
}
