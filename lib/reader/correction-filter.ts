import type { MatchRequest, MatchResponse } from '../annotate/annotator';
import { fold } from '../match/fold';
import { EVERYWHERE, type CorrectionRecord } from './records';

/** The folded form a correction keeps and a mention is compared in. */
export const foldName = (name: string) => fold(name.trim()).text;

/** The corrections that apply on a site: those for it and those for every site. */
export function correctionsFor(records: readonly CorrectionRecord[], host: string): CorrectionRecord[] {
  return records.filter((r) => !r.deleted && (r.site === EVERYWHERE || r.site === host));
}

/**
 * The matcher's answer without the mentions the reader hid. `hidden(key, name)` says whether
 * the entity of `key` has a correction for this folded name; it is asked only for mentions whose
 * name some correction names, so a page without corrections costs one fold per mention.
 */
export async function withoutHidden(
  request: MatchRequest,
  answer: MatchResponse,
  names: ReadonlySet<string>,
  hidden: (key: string, name: string) => Promise<boolean>,
): Promise<MatchResponse> {
  if (!names.size) return answer;
  const verdicts = new Map<string, boolean>();
  const keep = async (list: number[] | undefined): Promise<number[] | undefined> => {
    if (!list) return list;
    const out: number[] = [];
    for (let h = 0; h + 4 < list.length; h += 5) {
      const [b, start, end, k] = [list[h]!, list[h + 1]!, list[h + 2]!, list[h + 3]!];
      const name = foldName((request.blocks[b] ?? '').slice(start, end));
      let drop = false;
      if (names.has(name)) {
        const id = `${answer.keys[k]}\u0000${name}`;
        if (!verdicts.has(id)) verdicts.set(id, await hidden(answer.keys[k]!, name));
        drop = verdicts.get(id)!;
      }
      if (!drop) out.push(...list.slice(h, h + 5));
    }
    return out;
  };
  return { ...answer, hits: (await keep(answer.hits))!, ...(answer.held ? { held: await keep(answer.held) } : {}) };
}
