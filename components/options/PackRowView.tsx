import { t } from '@/lib/i18n';
import { isLocalPackUrl } from '@/lib/data/local-url';
import { isolate } from '@/lib/card/bidi';
import type { PackStatus } from '@/lib/sync/status';

export interface PackRowViewProps {
  pack: PackStatus;
  busy: boolean;
  onSync: () => void;
  onRemove: () => void;
  onAllow?: () => void;
}

function when(ms: number | undefined): string {
  if (!ms) return t('packNever');
  return new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** One subscription: what it is, how fresh it is, and what went wrong last, in plain words. */
export function PackRowView({ pack, busy, onSync, onRemove, onAllow }: PackRowViewProps) {
  const title = pack.title ?? pack.url;
  const error = pack.lastError;
  // A pack imported from a file has no publisher to update it from.
  const local = isLocalPackUrl(pack.url);
  return (
    <li class="pack" data-testid="pack" aria-busy={busy}>
      <div class="pack-head">
        <h3 class="pack-title" dir="auto">{title}</h3>
        {pack.builtin && <span class="tag">{t('packBuiltin')}</span>}
        {pack.stale && <span class="tag warn">{t('packStale')}</span>}
        {local && <span class="tag">{t('packFromFile')}</span>}
      </div>
      {pack.publisher && <p class="muted">{t('packPublisher', isolate(pack.publisher.name))}</p>}
      <dl class="pack-facts">
        <dt>{t('packVersion')}</dt>
        <dd data-testid="pack-version">{pack.version ?? '—'}</dd>
        <dt>{t('packRecords')}</dt>
        <dd>{t('packCounts', [String(pack.entityCount), String(pack.briefCount)])}</dd>
        <dt>{t('packLastSync')}</dt>
        <dd>{when(pack.lastSuccess)}</dd>
        {!local && !pack.builtin && (
          <>
            <dt>{t('packKey')}</dt>
            <dd data-testid="pack-key">
              {pack.keyFingerprint ? <code>{pack.keyFingerprint}</code> : t('packKeyNone')}
            </dd>
          </>
        )}
        {pack.nextKeyFingerprint && (
          <>
            <dt>{t('packNextKey')}</dt>
            <dd data-testid="pack-next-key">
              <code>{pack.nextKeyFingerprint}</code>
            </dd>
          </>
        )}
      </dl>
      {!pack.builtin && !local && <p class="muted url">{pack.url}</p>}
      {error && (
        <div class="problem" role="alert" data-testid="pack-error">
          <p>{error.message}</p>
          <p>{pack.version ? t('packKeptAsIs', String(pack.version)) : t('packNothingHeld')}</p>
          {onAllow && error.code === 'network' && (
            <button type="button" onClick={onAllow}>
              {t('packAllowOrigin', new URL(pack.url).host)}
            </button>
          )}
        </div>
      )}
      <div class="actions">
        {!local && (
          <button type="button" onClick={onSync} disabled={busy}>
            {busy ? t('packSyncing') : t('packSyncNow')}
          </button>
        )}
        {/* Never held up by a check under way: removing stops it. */}
        <button type="button" class="danger" onClick={onRemove}>
          {t('packRemove')}
        </button>
      </div>
    </li>
  );
}
