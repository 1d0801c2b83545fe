import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Switch } from '@/components/common/Switch';
import type { UpdateSettings } from '@/components/common/use-settings';
import { t } from '@/lib/i18n';
import { uiClient } from '@/lib/messaging/browser-clients';
import type { Settings } from '@/lib/settings';
import { hostPattern, isDefaultHost } from '@/lib/sites/hosts';
import { isCovered, siteState, turnedOff } from '@/lib/sites/site-state';

export interface SiteControlsProps {
  settings: Settings;
  update: UpdateSettings;
  host: string | null;
  tab: { id: number; url?: string };
  /** The page is being annotated (on a site Gloss runs on, or once on request). */
  active: boolean;
}

/** This site's switch, the global pause, and a one-off run where Gloss does not run. */
export function SiteControls({ settings, update, host, tab, active }: SiteControlsProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [annotating, setAnnotating] = useState(false);
  const client = uiClient();
  const state = siteState(settings, host);
  const on = host !== null && isCovered(settings, host) && !settings.disabledHosts.includes(host);

  function turnOn(site: string) {
    setProblem(null);
    const done = () =>
      void client.call('turnSiteOn', { host: site }).then((r) => setProblem(r.ok ? null : t('popupSiteFailed', site)));
    if (isDefaultHost(site)) return done();
    // Asked in the click itself: the browser only shows the prompt for a reader's gesture
    // (and answers at once, without a prompt, when the permission is already held).
    void browser.permissions.request({ origins: [hostPattern(site)] }).then(
      (granted) => (granted ? done() : setProblem(t('popupPermissionDenied'))),
      (err: unknown) => setProblem(String(err)),
    );
  }

  function annotateOnce() {
    if (!tab.url) return;
    setAnnotating(true);
    void client.call('annotateOnce', { tabId: tab.id, url: tab.url }).then((r) => {
      setAnnotating(false);
      setProblem(r.ok ? null : t('popupAnnotateFailed'));
    });
  }

  if (state === 'unsupported') return <p class="muted" data-testid="site-state">{t('popupUnsupported')}</p>;
  return (
    <section class="site" aria-label={t('popupSiteSection')}>
      <Switch name="site" checked={on} onChange={(next) => (next ? turnOn(host!) : void update((s) => turnedOff(s, host!)))}>
        {t('popupSiteSwitch', host!)}
      </Switch>
      <Switch name="pause" checked={settings.paused} onChange={(paused) => void update({ paused })}>
        {t('popupPauseAll')}
      </Switch>
      <p class="muted" data-testid="site-state" aria-live="polite">
        {settings.paused ? t('popupPaused') : state === 'off' ? t('popupSiteOff') : state === 'available' && !active ? t('popupNotHere') : ''}
      </p>
      {state === 'available' && !active && !settings.paused && tab.url && (
        <button type="button" class="primary" data-testid="annotate-once" onClick={annotateOnce} disabled={annotating}>
          {annotating ? t('popupAnnotating') : t('popupAnnotateOnce')}
        </button>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
