import type { HeldMatch } from '../match/types';
import type { MatchResponse } from './types';

/** The held mentions (`needsContext`) of a match answer, per block of the request. */
export function heldByBlock(answer: MatchResponse, blocks: number): HeldMatch[][] {
  const out: HeldMatch[][] = Array.from({ length: blocks }, () => []);
  const held = answer.held ?? [];
  for (let h = 0; h + 4 < held.length; h += 5) {
    const k = held[h + 3]!;
    out[held[h]!]?.push({
      start: held[h + 1]!,
      end: held[h + 2]!,
      key: answer.keys[k]!,
      kind: answer.kinds[k]!,
      priority: held[h + 4]!,
      context: answer.contexts?.[k] ?? [],
    });
  }
  return out;
}
