import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { uiClient } from '@/lib/messaging/browser-clients';

export function App() {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    void uiClient()
      .call('hello', {})
      .then((r) => r.ok && setVersion(r.value.version));
  }, []);
  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      {version && <p data-testid="version">{t('versionLabel', version)}</p>}
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('openOptions')}
      </button>
    </main>
  );
}
