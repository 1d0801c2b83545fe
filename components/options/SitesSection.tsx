import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Switch } from '@/components/common/Switch';
import { t } from '@/lib/i18n';
import { uiClient } from '@/lib/messaging/browser-clients';
import { NEWS_SITES } from '@/lib/news-sites';
import { hostPattern, isDefaultHost, parseHostInput } from '@/lib/sites/hosts';
import type { SettingsSectionProps } from './LanguagesSection';

/** Where Gloss runs: the global pause, the default news sites, the sites turned on and off. */
export function SitesSection({ settings, update }: SettingsSectionProps) {
  const client = uiClient();
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [missing, setMissing] = useState<Set<string>>(new Set());

  useEffect(() => {
    let live = true;
    void Promise.all(
      settings.extraHosts.map(async (h) => ((await browser.permissions.contains({ origins: [hostPattern(h)] })) ? null : h)),
    ).then((hosts) => live && setMissing(new Set(hosts.filter((h): h is string => h !== null))));
    return () => {
      live = false;
    };
  }, [settings.extraHosts.join(',')]);


  /** Must run inside the reader's click or submit: the browser asks only then. */
  function turnOn(host: string) {
    setProblem(null);
    const done = () => void client.call('turnSiteOn', { host }).then((r) => setProblem(r.ok ? null : t('popupSiteFailed', host)));
    if (isDefaultHost(host)) return done();
    void browser.permissions.request({ origins: [hostPattern(host)] }).then(
      (granted) => (granted ? done() : setProblem(t('popupPermissionDenied'))),
      (err: unknown) => setProblem(String(err)),
    );
  }

  function add(event: Event) {
    event.preventDefault();
    const host = parseHostInput(input);
    if (!host) return setProblem(t('optionsSiteInvalid', input));
    setInput('');
    turnOn(host);
  }

  return (
    <section aria-labelledby="sites-title" data-testid="sites">
      <h2 id="sites-title">{t('optionsSitesTitle')}</h2>
      <Switch name="pause" checked={settings.paused} onChange={(paused) => void update({ paused })}>
        {t('popupPauseAll')}
      </Switch>
      <details>
        <summary>{t('optionsDefaultSites', String(NEWS_SITES.length))}</summary>
        <ul class="default-sites">
          {NEWS_SITES.map((site) => (
            <li key={site}>{site}</li>
          ))}
        </ul>
      </details>
      <h3 id="extra-title">{t('optionsExtraSites')}</h3>
      {settings.extraHosts.length === 0 ? (
        <p class="muted">{t('optionsNoExtraSites')}</p>
      ) : (
        <ul class="sites" aria-labelledby="extra-title" data-testid="extra-sites">
          {settings.extraHosts.map((host) => (
            <li key={host} data-host={host}>
              <span class="site-name">{host}</span>
              {missing.has(host) && (
                <button type="button" onClick={() => turnOn(host)}>
                  {t('optionsAllowSite')}
                </button>
              )}
              <button type="button" class="danger" aria-label={t('optionsRemoveSite', host)} onClick={() => void client.call('forgetSite', { host }).then((r) => setProblem(r.ok ? null : t('optionsRemoveFailed', host)))}>
                {t('packRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {settings.disabledHosts.length > 0 && (
        <>
          <h3 id="off-title">{t('optionsOffSites')}</h3>
          <ul class="sites" aria-labelledby="off-title" data-testid="off-sites">
            {settings.disabledHosts.map((host) => (
              <li key={host} data-host={host}>
                <span class="site-name">{host}</span>
                <button type="button" aria-label={t('optionsTurnOnSite', host)} onClick={() => turnOn(host)}>
                  {t('optionsTurnOn')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form class="row add-site" onSubmit={add}>
        <label>
          {t('optionsAddSite')}
          <input type="text" name="host" placeholder="example.org" value={input} onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit">{t('optionsAddSiteButton')}</button>
      </form>
      <p class="help">{t('optionsAddSiteHelp')}</p>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
