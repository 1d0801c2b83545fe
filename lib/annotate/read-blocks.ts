import type { MatchFn, MatchResponse } from './types';
import type { Block } from './blocks';
import { heldByBlock } from './held';
import type { BlockAnswer, MatchMemo, MemoHit, Unlocked } from './match-memo';
import type { Slicer } from './slicer';

/** One block and what the matcher says it names. */
export interface BlockRead {
  block: Block;
  answer: BlockAnswer;
}

export interface ReadOptions {
  match: MatchFn;
  memo: MatchMemo;
  lang: string;
  /** Characters per message to the matcher. */
  batchChars: number;
  slicer: Slicer;
  /** False once a newer read replaced this one: it stops. */
  current: () => boolean;
  /** Takes each batch of answers; false stops the read (the page's mentions reached the cap). */
  take: (reads: BlockRead[]) => Promise<boolean>;
}

/** Splits a matcher answer into one answer per block of its request. */
export function answersOf(response: MatchResponse, blocks: number): BlockAnswer[] {
  const held = heldByBlock(response, blocks);
  const hits: MemoHit[][] = Array.from({ length: blocks }, () => []);
  const { keys, kinds } = response;
  for (let h = 0; h + 4 < response.hits.length; h += 5) {
    const k = response.hits[h + 3]!;
    hits[response.hits[h]!]?.push({ start: response.hits[h + 1]!, end: response.hits[h + 2]!, key: keys[k]!, kind: kinds[k]!, full: response.hits[h + 4] === 1 });
  }
  return hits.map((list, i) => ({ hits: list, held: held[i]! }));
}

const unlock = (unlocked: Unlocked, answer: BlockAnswer) => {
  for (const hit of answer.hits) if (hit.full) unlocked.add(hit.key);
};

/**
 * The answers for these blocks from the memo alone, in order, or null when one block's text
 * (with the names unlocked before it) was never read.
 */
export function readFromMemo(blocks: readonly Block[], unlocked: Unlocked, memo: MatchMemo, lang: string): BlockRead[] | null {
  const out: BlockRead[] = [];
  for (const block of blocks) {
    const answer = memo.get(lang, unlocked, block.text);
    if (!answer) return null;
    unlock(unlocked, answer);
    out.push({ block, answer });
  }
  return out;
}

/**
 * Reads blocks in order: remembered text from the memo, the rest from the matcher in batches
 * of consecutive unknown blocks. `unlocked` grows as the read goes, as the matcher's does.
 * True when every block was read.
 */
export async function readBlocks(blocks: readonly Block[], unlocked: Unlocked, o: ReadOptions): Promise<boolean> {
  let i = 0;
  while (i < blocks.length) {
    const known: BlockRead[] = [];
    for (let answer; i < blocks.length && (answer = o.memo.get(o.lang, unlocked, blocks[i]!.text)); i++) {
      unlock(unlocked, answer);
      known.push({ block: blocks[i]!, answer });
      await o.slicer.checkpoint();
      if (!o.current()) return false;
    }
    if (known.length && !(await o.take(known))) return i >= blocks.length;
    if (!o.current()) return false;
    if (i >= blocks.length) return true;
    // Unknown text: a batch of it, up to a block the memo knows with the names unlocked so far.
    const batch: Block[] = [];
    let chars = 0;
    while (
      i < blocks.length &&
      (batch.length === 0 || (chars + blocks[i]!.text.length <= o.batchChars && !o.memo.get(o.lang, unlocked, blocks[i]!.text)))
    ) {
      chars += blocks[i]!.text.length;
      batch.push(blocks[i++]!);
    }
    const response = await o.slicer.wait(o.match({ blocks: batch.map((b) => b.text), lang: o.lang, unlocked: [...unlocked.keys] }));
    if (!o.current()) return false;
    const answers = answersOf(response, batch.length);
    const reads = batch.map((block, b) => {
      const answer = answers[b]!;
      o.memo.set(o.lang, unlocked, block.text, answer);
      unlock(unlocked, answer);
      return { block, answer };
    });
    if (!(await o.take(reads))) return i >= blocks.length;
  }
  return true;
}
