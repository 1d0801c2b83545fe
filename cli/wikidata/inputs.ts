/** The three ways a publisher names items: a list of Q-ids, a SPARQL results file, a dump. */
import { readFile, stat } from 'node:fs/promises';
import { CliError, messageOf } from '../errors';
import { Q_ID } from './raw';

/** `Q423,Q159` or the text of a file of ids (one per line or comma-separated, `#` comments). */
export function parseIds(text: string, where: string): string[] {
  const out: string[] = [];
  const bad: string[] = [];
  const seen = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    for (const raw of line.replace(/#.*/, '').split(/[\s,]+/)) {
      if (!raw) continue;
      const id = raw.replace(/^(?:wd:|wikidata:|https?:\/\/www\.wikidata\.org\/(?:wiki|entity)\/)/, '');
      if (!Q_ID.test(id)) bad.push(raw);
      else if (!seen.has(id)) {
        seen.add(id);
        out.push(id);
      }
    }
  }
  if (bad.length > 0) throw new CliError(`${where}: ${bad.slice(0, 10).map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is not an item id' : 'are not item ids'} (item ids look like Q423)`, 2);
  if (out.length === 0) throw new CliError(`${where}: names no item ids`, 2);
  return out;
}

/** `--ids Q1,Q2`, or the path of a file of ids. */
export async function readIdsOption(value: string): Promise<string[]> {
  const isFile = await stat(value).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) {
    if (/[\\/]|\.(txt|csv|tsv|list)$/i.test(value)) throw new CliError(`--ids ${value}: no such file`, 2);
    return parseIds(value, '--ids');
  }
  let text: string;
  try {
    text = await readFile(value, 'utf8');
  } catch (err) {
    throw new CliError(`--ids ${value}: could not be read (${messageOf(err)})`, 2);
  }
  return parseIds(text, value);
}

const ENTITY_URI = /^https?:\/\/www\.wikidata\.org\/entity\/(Q[1-9]\d*)$/;

/** The item ids of a SPARQL results file (application/sparql-results+json), in order of appearance. */
export function idsOfSparql(text: string, file: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    throw new CliError(`${file}: is not valid JSON (${messageOf(err)})`);
  }
  const bindings = (data as { results?: { bindings?: unknown } } | null)?.results?.bindings;
  if (!Array.isArray(bindings)) throw new CliError(`${file}: is not a SPARQL JSON results file (it has no results.bindings list)`);
  const vars = ((data as { head?: { vars?: unknown } }).head?.vars ?? []) as unknown[];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const b of bindings as Record<string, { type?: string; value?: string }>[]) {
    // The first variable holding an item is the subject; later ones (?country …) are its values.
    const names = vars.length > 0 ? (vars as string[]) : Object.keys(b);
    for (const v of names) {
      const m = b?.[v]?.type === 'uri' ? ENTITY_URI.exec(b[v]!.value ?? '') : null;
      if (!m) continue;
      if (!seen.has(m[1]!)) {
        seen.add(m[1]!);
        out.push(m[1]!);
      }
      break;
    }
  }
  if (out.length === 0) throw new CliError(`${file}: names no Wikidata items (no binding holds a http://www.wikidata.org/entity/Q… URI)`);
  return out;
}
