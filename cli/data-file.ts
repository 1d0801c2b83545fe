/**
 * Reading one source file: YAML (.yaml, .yml) or JSON (.json), holding one
 * record (a mapping) or many (a list). YAML files may also hold several
 * documents separated by `---`, each a record or a list.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CliError, messageOf } from './errors';

export const DATA_EXTENSIONS = ['.yaml', '.yml', '.json'];

export function isDataFile(name: string): boolean {
  return !name.startsWith('.') && DATA_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** The first sentence of a YAML error, without its code frame. */
function yamlMessage(message: string): string {
  return (message.split('\n', 1)[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
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
  return list.map((doc) => doc.toJS({ maxAliasCount: 100 }) as unknown).filter((v) => v !== null && v !== undefined);
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
