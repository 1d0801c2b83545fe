import type { ExtensionBrowser, Tab } from './browsers';

/** Every pack card on the options page, as text. */
export function packTexts(tab: Tab): Promise<string[]> {
  return tab.evaluate(() => [...document.querySelectorAll('[data-testid="pack"]')].map((el) => el.textContent ?? ''));
}

/** Waits until a pack card satisfies `until`; fails with what the page shows instead. */
export async function waitForPack(tab: Tab, title: string, until: string): Promise<string> {
  await tab
    .waitFor(
      ([t, u]) => [...document.querySelectorAll('[data-testid="pack"]')].some((el) => el.textContent!.includes(t!) && el.textContent!.includes(u!)),
      [title, until],
    )
    .catch(async (err) => {
      throw new Error(`${String(err)}\nThe options page shows:\n${await tab.evaluate(() => document.body.innerText)}`);
    });
  return (await packTexts(tab)).find((text) => text.includes(title))!;
}

export async function clickInPack(tab: Tab, title: string, button: string): Promise<void> {
  // While an earlier check is still running the button reads "Working…" and is disabled.
  await tab.waitFor(
    ([t, b]) => {
      const card = [...document.querySelectorAll('[data-testid="pack"]')].find((el) => el.textContent!.includes(t!));
      return [...(card?.querySelectorAll('button') ?? [])].some((el) => el.textContent === b && !el.disabled);
    },
    [title, button],
  );
  await tab.evaluate(
    ([t, b]) => {
      const card = [...document.querySelectorAll('[data-testid="pack"]')].find((el) => el.textContent!.includes(t!))!;
      [...card.querySelectorAll('button')].find((el) => el.textContent === b)!.click();
    },
    [title, button],
  );
}

/** Subscribes through the options page's form, as a reader would. */
export async function addPack(tab: Tab, url: string, publicKey = ''): Promise<void> {
  await tab.waitFor(() => document.querySelector('input[name="url"]') !== null);
  await tab.evaluate(
    ([u, k]) => {
      document.querySelector<HTMLInputElement>('input[name="url"]')!.value = u!;
      document.querySelector<HTMLInputElement>('input[name="publicKey"]')!.value = k!;
      document.querySelector<HTMLFormElement>('form.add-pack')!.requestSubmit();
    },
    [url, publicKey],
  );
}

/**
 * Leaves exactly one subscription, the given pack, so a test knows what can be
 * highlighted. Removes the others (the starter pack too) through the page's buttons.
 */
export async function useOnlyPack(browser: ExtensionBrowser, url: string, title: string): Promise<void> {
  // A new profile subscribes to the built-in starter pack as it starts; once it is there it
  // can be removed for good, while removing packs before it arrives would leave it behind.
  // Waited for through the background, since the packs list is read once, when it opens.
  const probe = await browser.openExtensionPage('options.html');
  await probe.waitFor(async () => {
    type Runtime = { runtime: { sendMessage(m: object): Promise<{ ok: boolean; value?: { builtin: boolean }[] }> } };
    const g = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
    const answer = await (g.browser ?? g.chrome).runtime.sendMessage({ gloss: 1, channel: 'ui', call: 'listPacks', args: {} });
    return answer.ok && answer.value!.some((p) => p.builtin);
    // Already removed in this browser: nothing to wait for.
  }, undefined, 10_000).catch(() => {});
  await probe.close();
  const tab = await browser.openExtensionPage('options.html');
  await tab.waitFor(() => document.querySelector('section[data-loaded="true"]') !== null);
  for (;;) {
    const removed = await tab.evaluate((t) => {
      const other = [...document.querySelectorAll('[data-testid="pack"]')].find((el) => !el.textContent!.includes(t));
      other?.querySelector<HTMLButtonElement>('button.danger')?.click();
      return other ? document.querySelectorAll('[data-testid="pack"]').length : 0;
    }, title);
    if (!removed) break;
    await tab.waitFor((n) => document.querySelectorAll('[data-testid="pack"]').length < n, removed);
  }
  if (!(await packTexts(tab)).some((text) => text.includes(title))) await addPack(tab, url);
  await tab.waitFor(
    (t) => [...document.querySelectorAll('[data-testid="pack"]')].some((el) => el.textContent!.includes(t) && /\d/.test(el.querySelector('[data-testid="pack-version"]')?.textContent ?? '')),
    title,
  );
  await tab.close();
}
