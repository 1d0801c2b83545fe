import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type ExtensionBrowser } from './support/browsers';
import { addPack, clickInPack, waitForPack } from './support/options';
import { startServer, type TestServer } from './support/server';
import { hostPublisher } from './support/pack-host';
import { generateKeyPair, keyFingerprint } from '@/lib/pack';
import { brief, entity } from '../unit/support/publisher';
import type { FakePublisher } from '../unit/support/publisher';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const records = () => [
  entity('choe-son-hui', { name: { en: 'Choe Son Hui', ru: 'Чхве Сон Хи' }, related: ['north-korea'] }),
  entity('north-korea', { kind: 'state', name: { en: 'North Korea', tr: 'Kuzey Kore' } }),
];

describe.each(BROWSERS)('packs in %s', (name) => {
  let browser: ExtensionBrowser;
  let pub: FakePublisher;
  beforeAll(async () => {
    browser = await launch(name);
    pub = hostPublisher(server, `asia-${name}`);
  });
  afterAll(() => browser?.close());

  it('subscribes, applies a delta, and refuses a tampered version leaving the pack as it was', async () => {
    await pub.publish(records(), [brief('nk-russia', ['north-korea'])]);
    const options = await browser.openExtensionPage('options.html');
    await addPack(options, `${pub.base}pack.json`);
    let text = await waitForPack(options, 'Asia briefs', 'Version1');
    expect(text).toContain('2 entities, 1 briefs');

    // Version 2 arrives as a delta.
    await pub.publish([...records(), entity('kim-jong-un', { name: { en: 'Kim Jong Un' } })], [brief('nk-russia', ['north-korea'])]);
    await clickInPack(options, 'Asia briefs', 'Update now');
    text = await waitForPack(options, 'Asia briefs', 'Version2');
    expect(text).toContain('3 entities, 1 briefs');
    expect(pub.requested('delta-2.json')).toBe(1);
    expect(pub.requested('snapshot-2.json')).toBe(0);

    // Unchanged: the browser revalidates its cached manifest, and the server answers 304.
    const asked = pub.requests.length;
    await clickInPack(options, 'Asia briefs', 'Update now');
    const deadline = Date.now() + 10_000;
    while (pub.requests.length === asked && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const check = pub.requests.slice(asked);
    expect(check.map((r) => r.url)).toEqual([`${pub.base}pack.json`]);
    expect(check[0]!.headers['if-none-match']).toMatch(/^"/);

    // Version 3 is tampered with after publishing: its delta no longer matches the manifest.
    await pub.publish([...records(), entity('kim-jong-un', { name: { en: 'Kim Jong Un' } }), entity('sergei-lavrov')]);
    const delta = new TextDecoder().decode(pub.bytes('delta-3.json')).replace('Sergei Lavrov', 'Sergei Lavrox');
    pub.put('delta-3.json', new TextEncoder().encode(delta));
    await clickInPack(options, 'Asia briefs', 'Update now');
    text = await waitForPack(options, 'Asia briefs', 'sha256');
    expect(text).toContain('delta-3.json');
    expect(text).toContain('version 2 was kept as it was');
    expect(text).toContain('Version2');
    expect(text).toContain('3 entities, 1 briefs');
    await options.close();
  });

  it('re-adding a pack with the publisher’s key pins it, shows its fingerprint, and asks before replacing it', async () => {
    const keyed = hostPublisher(server, `keyed-${name}`);
    const first = await generateKeyPair();
    const second = await generateKeyPair();
    keyed.privateKey = first.privateKey;
    await keyed.publish(records());
    const options = await browser.openExtensionPage('options.html');
    const url = `${keyed.base}pack.json`;
    await addPack(options, url);
    let text = await waitForPack(options, url, 'Version1');
    expect(text).toContain('None pinned');

    await addPack(options, url, first.publicKey);
    const fingerprint = (await keyFingerprint(first.publicKey))!;
    text = await waitForPack(options, url, fingerprint);
    expect(text).not.toContain('None pinned');

    // Another key: nothing changes until the reader confirms.
    await addPack(options, url, second.publicKey);
    await options.waitFor(() => document.querySelector('[data-testid="key-conflict"]') !== null);
    const question = await options.evaluate(() => document.querySelector('[data-testid="key-conflict"]')!.textContent!);
    const offered = (await keyFingerprint(second.publicKey))!;
    expect(question).toContain(fingerprint);
    expect(question).toContain(offered);
    expect(await waitForPack(options, url, fingerprint)).not.toContain(offered);
    await options.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('[data-testid="key-conflict"] button')].find((b) => b.textContent === 'Replace the key')!.click());
    text = await waitForPack(options, url, offered);
    // This pack is still signed with the first key, so the new pin refuses it, keeping version 1.
    expect(text).toContain('signature');
    expect(text).toContain('Version1');
    await options.close();
  });

  it('warns about a plain http:// address and takes it only with the publisher’s key', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('input[name="url"]') !== null);
    await options.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[name="url"]')!;
      input.value = 'http://packs.example.org/asia/pack.json';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.waitFor(() => /plain http:\/\//.test(document.querySelector('[data-testid="http-warning"]')?.textContent ?? ''));
    await options.evaluate(() => document.querySelector<HTMLFormElement>('form.add-pack')!.requestSubmit());
    await options.waitFor(() => /add it with the publisher’s key/.test(document.querySelector('form.add-pack [role="alert"]')?.textContent ?? ''));
    await options.close();
  });
});
