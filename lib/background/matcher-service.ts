import { compileMatcher, deserializeMatcher, matchBlock, serializeMatcher } from '../match';
import type { HeldMatch, Matcher, SerializedMatcher } from '../match/types';
import type { MatchRequest, MatchResponse } from '../annotate/annotator';
import type { GlossDb } from '../kb/db';
import { matcherEntries } from '../kb/matcher-entries';
import { onRevision, readRevision } from '../kb/revision';

const STORED = 'matcher';

interface Stored {
  revision: number;
  tables: SerializedMatcher;
}

export type MatcherService = ReturnType<typeof createMatcherService>;

/**
 * The compiled matcher, built once per knowledge-base revision and stored in its
 * serialised form, so a restarted background is ready without compiling again.
 */
export function createMatcherService(db: GlossDb, opts: { rebuildDelayMs?: number; onReady?: (revision: number) => void } = {}) {
  let current: { revision: number; matcher: Matcher } | null = null;
  let building: Promise<Matcher> | null = null;
  let rebuild: ReturnType<typeof setTimeout> | undefined;
  let latest = -1;

  // Every committed change of the knowledge base drops the matcher and builds the next
  // one soon after (once a burst of changes settles), so no page waits for a compile.
  onRevision(db, (revision) => {
    latest = revision;
    current = null;
    if (rebuild !== undefined) clearTimeout(rebuild);
    rebuild = setTimeout(() => {
      rebuild = undefined;
      void matcher()
        .then(() => current && opts.onReady?.(current.revision))
        .catch(() => {});
    }, opts.rebuildDelayMs ?? 300);
  });

  async function load(): Promise<Matcher> {
    if (current) return current.matcher;
    const revision = await readRevision(db);
    const stored = (await db.meta.get(STORED))?.value as Stored | undefined;
    if (stored?.revision === revision) {
      try {
        current = { revision, matcher: deserializeMatcher(stored.tables) };
        return current.matcher;
      } catch {
        // Stored by an older version of the matcher: compile it again below.
      }
    }
    const matcher = compileMatcher(await matcherEntries(db));
    // Only store it if nothing changed meanwhile; otherwise the next call builds again.
    await db.transaction('rw', db.meta, async () => {
      if ((await readRevision(db)) === revision) {
        await db.meta.put({ key: STORED, value: { revision, tables: serializeMatcher(matcher) } satisfies Stored });
      }
    });
    // A change that landed while compiling makes this one stale: use it once, keep none.
    if (latest <= revision) current = { revision, matcher };
    return matcher;
  }

  async function matcher(): Promise<Matcher> {
    building ??= load().finally(() => {
      building = null;
    });
    return building;
  }

  return {
    matcher,
    async matchBlocks(req: MatchRequest): Promise<MatchResponse> {
      const m = await matcher();
      const unlocked = new Set(req.unlocked);
      const keys: string[] = [];
      const kinds: string[] = [];
      const index = new Map<string, number>();
      const contexts: Set<string>[] = [];
      const hits: number[] = [];
      const held: number[] = [];
      const keyIndex = (key: string, kind: string): number => {
        let k = index.get(key);
        if (k === undefined) {
          k = keys.length;
          index.set(key, k);
          keys.push(key);
          kinds.push(kind);
          contexts.push(new Set());
        }
        return k;
      };
      const heldHere: HeldMatch[] = [];
      req.blocks.forEach((text, b) => {
        heldHere.length = 0;
        for (const match of matchBlock(m, text, { lang: req.lang, unlocked, held: heldHere })) {
          hits.push(b, match.start, match.end, keyIndex(match.key, match.kind), match.full ? 1 : 0);
        }
        for (const h of heldHere) {
          const k = keyIndex(h.key, h.kind);
          // Entities merged by sameAs share a key: their contexts add up.
          for (const c of h.context) contexts[k]!.add(c);
          held.push(b, h.start, h.end, k, h.priority);
        }
      });
      return { keys, kinds, hits, held, contexts: contexts.map((c) => [...c]) };
    },
  };
}
