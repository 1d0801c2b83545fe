import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

export interface AddPackFormProps {
  onAdd: (url: string, publicKey: string) => Promise<string | null>;
}

/** Subscribe by manifest URL, with an optional pinned public key. */
export function AddPackForm({ onAdd }: AddPackFormProps) {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    // Read the fields themselves: autofill and paste can beat the last input event.
    const data = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    const problem = await onAdd(String(data.get('url') ?? '').trim(), String(data.get('publicKey') ?? '').trim());
    setBusy(false);
    if (problem) setError(problem);
    else {
      setUrl('');
      setKey('');
    }
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
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('packSyncing') : t('addPackButton')}
      </button>
    </form>
  );
}
