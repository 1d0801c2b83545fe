import { describe, expect, it } from 'vitest';
import { heldByBlock } from '@/lib/annotate/held';
import { createMatcherService } from '@/lib/background/matcher-service';
import { openDb } from '@/lib/kb/db';
import { readRevision } from '@/lib/kb/revision';
import { isCapitalsOnly, pageNames, resolveHeld } from '@/lib/match';
import { createSync } from '@/lib/sync/sync';
import { entity, FakePublisher } from '../support/publisher';

async function subscribed() {
  const db = openDb(`gloss-matcher-service-${Math.random()}`);
  const pub = new FakePublisher('places', 'https://p.example.org/');
  await pub.publish([
    entity('georgia', { kind: 'state', name: { en: 'Georgia' }, aliases: [{ text: 'Georgia', needsContext: true }], related: ['tbilisi'] }),
    entity('tbilisi', { kind: 'place', name: { en: 'Tbilisi' } }),
  ]);
  const sync = createSync({ db, now: () => 0, fetch: (u, i) => pub.fetch(u, i) });
  const sub = (await sync.subscribe('https://p.example.org/pack.json')).sub!;
  return { db, sub };
}

describe('the background matcher', () => {
  it('answers held mentions with the keys that give them context, which the page resolves', async () => {
    const { db, sub } = await subscribed();
    const service = createMatcherService(db);
    const blocks = ['Georgia voted.', 'Officials in Tbilisi said so.'];
    const answer = await service.matchBlocks({ blocks, lang: 'en', unlocked: [] });
    const tbilisi = `${sub}:tbilisi`;
    const georgia = `${sub}:georgia`;
    expect(answer.hits).toEqual([1, 13, 20, answer.keys.indexOf(tbilisi), 1]);
    const held = heldByBlock(answer, blocks.length);
    expect(held[0]).toEqual([{ start: 0, end: 7, key: georgia, kind: 'state', priority: 0, context: [tbilisi] }]);
    expect(held[1]).toEqual([]);

    const names = pageNames([{ keys: [], capitalsOnly: false }, { keys: [tbilisi], capitalsOnly: isCapitalsOnly(blocks[1]!) }]);
    expect(resolveHeld(held[0]!, names).map((h) => h.key)).toEqual([georgia]);
    expect(resolveHeld(held[0]!, pageNames([]))).toEqual([]);
  });

  it('compiles again when the stored matcher is of an older format', async () => {
    const { db } = await subscribed();
    await db.meta.put({ key: 'matcher', value: { revision: await readRevision(db), tables: { format: 'gloss-matcher/1' } } });
    const answer = await createMatcherService(db).matchBlocks({ blocks: ['In Tbilisi.'], lang: 'en', unlocked: [] });
    expect(answer.hits.length).toBe(5);
  });
});
