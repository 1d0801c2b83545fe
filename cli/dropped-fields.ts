/**
 * Fields a schema dropped: the format ignores unknown fields so newer packs
 * still load in older readers, but in a publisher's source they are most often
 * typos (`alias:` for `aliases:`), so the CLI names them.
 */
import { fieldPath } from '../lib/pack/issues';

type Key = string | number;

function walk(input: unknown, output: unknown, path: Key[], out: string[]): void {
  if (input === null || typeof input !== 'object' || output === null || typeof output !== 'object') return;
  if (Array.isArray(input)) {
    if (!Array.isArray(output)) return;
    input.forEach((item, i) => walk(item, output[i], [...path, i], out));
    return;
  }
  const kept = output as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    if (!Object.hasOwn(kept, key)) out.push(fieldPath([...path, key]));
    else walk(value, kept[key], [...path, key], out);
  }
}

/** Paths (`aliases[0].lnag`) of every field in `input` that `output` lacks. */
export function droppedFields(input: unknown, output: unknown): string[] {
  const out: string[] = [];
  walk(input, output, [], out);
  return out;
}
