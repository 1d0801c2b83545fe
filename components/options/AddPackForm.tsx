import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

/** Null when the pack was added; else what went wrong, or the key question to ask. */
export type AddOutcome = null | { error: string } | { conflict: { pinned: string; offered: string } };

export interface AddPackFormProps {
  onAdd: (url: string, publicKey: string, replaceKey: boolean) => Promise<AddOutcome>;
}

/** Subscribe by manifest URL, with an optional pinned public key. */
export function AddPackForm({ onAdd }: AddPackFormProps) {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The pack is pinned to another key: asked before it is replaced.
  const [conflict, setConflict] = useState<{ url: string; key: string; pinned: string; offered: string } | null>(null);

  async function add(urlText: string, keyText: string, replaceKey: boolean) {
    setBusy(true);
    setError(null);
    setConflict(null);
    const outcome = await onAdd(urlText, keyText, replaceKey);
    setBusy(false);
    if (outcome === null) {
      setUrl('');
      setKey('');
    } else if ('error' in outcome) setError(outcome.error);
    else setConflict({ url: urlText, key: keyText, ...outcome.conflict });
  }

  function submit(event: Event) {
    event.preventDefault();
    // Read the fields themselves: autofill and paste can beat the last input event.
    const data = new FormData(event.currentTarget as HTMLFormElement);
    void add(String(data.get('url') ?? '').trim(), String(data.get('publicKey') ?? '').trim(), false);
  }

  return (
    <form class="add-pack" onSubmit={submit} aria-labelledby="add-pack-title">
      <h3 id="add-pack-title">{t('addPackTitle')}</h3>
      <label>
        {t('addPackUrl')}
        <input
          type="url"
          name="url"
          required
          placeholder="https://example.org/pack/pack.json"
          value={url}
          onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
        />
      </label>
      <label>
        {t('addPackKey')}
        <input
          type="text"
          name="publicKey"
          spellcheck={false}
          autocomplete="off"
          value={key}
          onInput={(e) => setKey((e.target as HTMLInputElement).value)}
        />
      </label>
      <p class="muted">{t('addPackKeyHelp')}</p>
      {/^http:/i.test(url.trim()) && (
        <p class="problem" data-testid="http-warning">
          {t('addPackHttpWarning')}
        </p>
      )}
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      {conflict && (
        <div class="problem" role="alert" data-testid="key-conflict">
          <p id="key-conflict-question">{t('addPackKeyConflict', [conflict.pinned, conflict.offered])}</p>
          <div class="actions">
            <button type="button" class="danger" aria-describedby="key-conflict-question" onClick={() => void add(conflict.url, conflict.key, true)} disabled={busy}>
              {t('addPackReplaceKey')}
            </button>
            <button type="button" onClick={() => setConflict(null)}>
              {t('optionsCancel')}
            </button>
          </div>
        </div>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('packSyncing') : t('addPackButton')}
      </button>
    </form>
  );
}
