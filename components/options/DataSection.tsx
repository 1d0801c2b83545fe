import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { exportAll, exportFileName } from '@/lib/data/export';
import { ImportError, MAX_EXPORT_BYTES, parseExport } from '@/lib/data/export-file';
import { importAll } from '@/lib/data/import';
import { importPackFile } from '@/lib/data/local-pack';
import { t } from '@/lib/i18n';
import type { GlossDb } from '@/lib/kb/db';
import { uiClient } from '@/lib/messaging/browser-clients';
import { formatBytes } from '@/lib/options/storage-size';
import { errorMessage } from '@/lib/messaging/result';
import { defaultLanguages, readSettings, updateSettings } from '@/lib/settings';
import { FilePicker } from './FilePicker';

export interface DataSectionProps {
  /** The knowledge base, opened by this page: a whole export is too large for a message. */
  db: GlossDb;
  locale: string;
  /** After the packs changed (import, reset), so the packs list is read again. */
  onChanged: () => void;
}

type Status = { kind: 'done' | 'problem'; text: string } | null;

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const starterUrl = () => browser.runtime.getURL('/starter/pack.json' as never);

/** This page wrote through its own connection: the background's matcher and caches must hear of it. */
async function tellBackground() {
  const answer = await uiClient().call('knowledgeChanged', {});
  if (!answer.ok) throw new Error(answer.error);
}

/** Export and import everything, import a pack from a file, reset, and the storage used. */
export function DataSection({ db, locale, onChanged }: DataSectionProps) {
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [usage, setUsage] = useState<number | null>(null);
  // Notes and corrections go with a reset only when the reader ticks the box.
  const [dropReader, setDropReader] = useState(false);
  const [readerCounts, setReaderCounts] = useState<[number, number]>([0, 0]);

  const measure = () => void navigator.storage?.estimate().then((e) => setUsage(e.usage ?? null));
  useEffect(measure, []);

  async function run(job: () => Promise<string>) {
    setBusy(true);
    setStatus(null);
    try {
      setStatus({ kind: 'done', text: await job() });
    } catch (err) {
      const why = err instanceof ImportError ? err.problems.slice(0, 5).join('\n') : errorMessage(err);
      setStatus({ kind: 'problem', text: t('optionsDataRefused', why) });
    } finally {
      setBusy(false);
      measure();
    }
  }

  /** The reader's notes and corrections, from the background that keeps them. */
  async function readerRecords() {
    const answer = await uiClient().call('readerRecords', {});
    if (!answer.ok) throw new Error(answer.error);
    return answer.value;
  }

  const exportEverything = () =>
    run(async () => {
      const now = Date.now();
      const file = await exportAll(db, await readSettings(), now, await readerRecords());
      download(exportFileName(now), JSON.stringify(file, null, 1));
      return t('optionsExported', String(file.packs.length));
    });

  const importEverything = (file: File) =>
    run(async () => {
      if (file.size > MAX_EXPORT_BYTES) throw new ImportError([`${file.name}: is larger than ${MAX_EXPORT_BYTES / 1024 / 1024} MiB`]);
      const parsed = parseExport(await file.text(), file.name, defaultLanguages(navigator.language));
      const summary = await importAll(db, parsed, { starterUrl: starterUrl() });
      // The records are in; the settings follow, whole, as the file has them.
      await updateSettings(parsed.settings);
      await tellBackground();
      let reader = '';
      if (parsed.reader?.length) {
        const restored = await uiClient().call('restoreReaderRecords', { records: parsed.reader });
        if (!restored.ok) throw new Error(restored.error);
        reader = ` ${t('optionsImportedReader', [String(restored.value.notes), String(restored.value.corrections)])}`;
      }
      onChanged();
      return t('optionsImported', [String(summary.packs), String(summary.entities), String(summary.briefs)]) + reader;
    });

  const importPack = (file: File) =>
    run(async () => {
      const row = await importPackFile(db, new Uint8Array(await file.arrayBuffer()), file.name, Date.now());
      await tellBackground();
      onChanged();
      return t('optionsPackImported', [row.title ?? row.pack ?? file.name, String(row.entityCount), String(row.briefCount)]);
    });

  const reset = () =>
    run(async () => {
      setConfirming(false);
      const answer = await uiClient().call('resetToStarter', {});
      onChanged();
      if (!answer.ok) throw new Error(answer.error);
      if (dropReader) {
        const removed = await uiClient().call('removeReaderRecords', {});
        if (!removed.ok) throw new Error(removed.error);
      }
      setDropReader(false);
      return t('optionsResetDone');
    });

  return (
    <section aria-labelledby="data-title" data-testid="data" aria-busy={busy}>
      <h2 id="data-title">{t('optionsDataTitle')}</h2>
      <div class="actions">
        <button type="button" data-testid="export" onClick={() => void exportEverything()} disabled={busy}>
          {t('optionsExport')}
        </button>
        <FilePicker name="import-all" label={t('optionsImport')} disabled={busy} onFile={(f) => void importEverything(f)} />
      </div>
      <p class="help">{t('optionsImportHelp')}</p>
      <div class="actions">
        <FilePicker name="import-pack" label={t('optionsImportPack')} disabled={busy} onFile={(f) => void importPack(f)} />
      </div>
      <p class="help">{t('optionsImportPackHelp')}</p>
      <div class="actions">
        {confirming ? (
          <>
            <span id="reset-question">{t('optionsResetQuestion')}</span>
            <label class="reset-reader">
              <input type="checkbox" data-testid="reset-reader" checked={dropReader} aria-describedby="reset-reader-help" onChange={(e) => setDropReader((e.currentTarget as HTMLInputElement).checked)} />
              {t('optionsResetReader', [String(readerCounts[0]), String(readerCounts[1])])}
            </label>
            <span id="reset-reader-help" class="muted">
              {t('optionsResetKeepsReader')}
            </span>
            <button type="button" class="danger" data-testid="reset-confirm" aria-describedby="reset-question" onClick={() => void reset()} disabled={busy}>
              {t('optionsResetConfirm')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('optionsCancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            class="danger"
            data-testid="reset"
            onClick={() => {
              setConfirming(true);
              void readerRecords()
                .then((list) => setReaderCounts([list.filter((r) => r.type === 'note').length, list.filter((r) => r.type === 'correction').length]))
                .catch(() => {});
            }}
            disabled={busy}
          >
            {t('optionsReset')}
          </button>
        )}
      </div>
      {status && (
        <p class={status.kind === 'problem' ? 'problem status' : 'notice status'} role={status.kind === 'problem' ? 'alert' : 'status'} data-testid="data-status" style={{ whiteSpace: 'pre-line' }}>
          {status.text}
        </p>
      )}
      <p class="muted" data-testid="storage">
        {usage === null ? '' : t('optionsStorageUsed', formatBytes(usage, locale))}
      </p>
    </section>
  );
}
