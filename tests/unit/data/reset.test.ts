import { describe, expect, it } from 'vitest';
import { resetToStarter } from '@/lib/data/reset';
import { importPackFile } from '@/lib/data/local-pack';
import { openDb } from '@/lib/kb/db';
import { dumpStore } from '@/lib/kb/queries';
import { buildSnapshot } from '@/lib/pack';
import { createSync } from '@/lib/sync/sync';
import { entity, FakePublisher } from '../support/publisher';

describe('reset to the starter pack', () => {
  it('removes every pack and holds the built-in starter pack alone', async () => {
    const db = openDb(`gloss-reset-${Math.random()}`);
    const starter = new FakePublisher('starter', 'chrome-extension://id/starter/');
    await starter.publish([entity('north-korea', { kind: 'state' })]);
    const asia = new FakePublisher('asia-briefs', 'https://packs.example.org/asia/');
    await asia.publish([entity('choe-son-hui'), entity('kim-jong-un')]);
    const fetch = (url: string, init?: RequestInit) => (url.startsWith('chrome-extension:') ? starter : asia).fetch(url, init);
    const sync = createSync({ db, fetch, now: () => 1 });
    await sync.subscribe('https://packs.example.org/asia/pack.json');
    await importPackFile(db, JSON.stringify(buildSnapshot({ pack: 'notes' }, 1, [entity('lavrov')], [])), 'notes.json', 1);

    await resetToStarter(db, sync, 'chrome-extension://id/starter/pack.json');
    const dump = await dumpStore(db);
    expect(dump.packs.map((p) => [p.url, p.builtin, p.version])).toEqual([['chrome-extension://id/starter/pack.json', true, 1]]);
    expect(dump.entities.map((e) => e.id)).toEqual(['north-korea']);
  });
});
