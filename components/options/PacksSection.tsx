import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { uiClient } from '@/lib/messaging/browser-clients';
import type { PackStatus } from '@/lib/sync/status';
import { AddPackForm, type AddOutcome } from './AddPackForm';
import { PackRowView } from './PackRowView';

/** The options page's Packs section: every subscription, add, remove, sync now. */
export function PacksSection() {
  const client = uiClient();
  const [packs, setPacks] = useState<PackStatus[] | null>(null);
  const [busy, setBusy] = useState<Set<number>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);

  async function reload() {
    const answer = await client.call('listPacks', {});
    if (answer.ok) setPacks(answer.value);
    else setProblem(answer.error);
  }

  useEffect(() => {
    void reload();
  }, []);

  async function withBusy(sub: number, job: () => Promise<unknown>) {
    setBusy((b) => new Set(b).add(sub));
    await job();
    setBusy((b) => {
      const next = new Set(b);
      next.delete(sub);
      return next;
    });
    await reload();
  }

  async function add(url: string, publicKey: string, replaceKey: boolean): Promise<AddOutcome> {
    const answer = await client.call('addPack', { url, publicKey, replaceKey });
    await reload();
    if (!answer.ok) return { error: answer.error };
    return 'keyConflict' in answer.value ? { conflict: answer.value.keyConflict } : null;
  }

  function allow(pack: PackStatus) {
    // Asked at this moment, for this origin only, from the reader's click.
    const origin = `${new URL(pack.url).origin}/*`;
    void browser.permissions.request({ origins: [origin] }).then((granted) => {
      if (granted) void withBusy(pack.sub, () => client.call('syncPack', { sub: pack.sub }));
    });
  }

  return (
    <section aria-labelledby="packs-title" aria-busy={packs === null} data-loaded={packs !== null}>
      <h2 id="packs-title">{t('packsTitle')}</h2>
      {problem && <p class="problem" role="alert">{problem}</p>}
      {packs === null ? (
        <p class="muted">{t('loading')}</p>
      ) : packs.length === 0 ? (
        <p class="muted">{t('packsEmpty')}</p>
      ) : (
        <ul class="packs">
          {packs.map((pack) => (
            <PackRowView
              key={pack.sub}
              pack={pack}
              busy={busy.has(pack.sub)}
              onSync={() => void withBusy(pack.sub, () => client.call('syncPack', { sub: pack.sub }))}
              onRemove={() => void withBusy(pack.sub, () => client.call('removePack', { sub: pack.sub }))}
              onAllow={pack.builtin ? undefined : () => allow(pack)}
            />
          ))}
        </ul>
      )}
      <AddPackForm onAdd={add} />
    </section>
  );
}
