import type { HeldMatch } from '../match/types';

/**
 * The entities named in full so far in a read of the page (they unlock `afterFull` forms after
 * them), with a running fingerprint so a block's memo key can say which set it was read with
 * without listing it.
 */
export class Unlocked {
  readonly keys = new Set<string>();
  private sum = 0;

  constructor(from: Iterable<string> = []) {
    for (const k of from) this.add(k);
  }

  add(key: string): void {
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.sum = (this.sum + hash(key)) >>> 0;
  }

  get size(): number {
    return this.keys.size;
  }

  /** Equal for equal sets, whatever the order the keys came in. */
  fingerprint(): string {
    return `${this.keys.size}.${this.sum.toString(36)}`;
  }
}

/** FNV-1a, 32 bits. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** One mention of a block's answer, with its key and kind spelled out. */
export interface MemoHit {
  start: number;
  end: number;
  key: string;
  kind: string;
  full: boolean;
}

/** What the matcher answered for one block's text. */
export interface BlockAnswer {
  hits: MemoHit[];
  held: HeldMatch[];
}

/**
 * Block text → the matcher's answer for it, so text the page renders again (React sites
 * replace an article's nodes with identical ones) is highlighted again in the same task,
 * without a round trip to the background. Keyed by language and the unlocked set too, as
 * both change the answer. Bounded by the characters it holds; the oldest entries go first.
 */
export class MatchMemo {
  private readonly entries = new Map<string, BlockAnswer>();
  private chars = 0;

  constructor(private readonly maxChars = 2_000_000) {}

  private static key(lang: string, unlocked: Unlocked, text: string): string {
    return `${lang}\u0001${unlocked.fingerprint()}\u0001${text}`;
  }

  get(lang: string, unlocked: Unlocked, text: string): BlockAnswer | undefined {
    return this.entries.get(MatchMemo.key(lang, unlocked, text));
  }

  set(lang: string, unlocked: Unlocked, text: string, answer: BlockAnswer): void {
    const key = MatchMemo.key(lang, unlocked, text);
    if (this.entries.has(key) || text.length > this.maxChars) return;
    this.entries.set(key, answer);
    this.chars += key.length;
    for (const [old] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(old);
      this.chars -= old.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The knowledge base changed: every answer may be different now. */
  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}
