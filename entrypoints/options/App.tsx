import { useEffect, useState } from 'preact/hooks';
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
      <h1>{t('optionsTitle')}</h1>
      {version && <p data-testid="version">{t('versionLabel', version)}</p>}
    </main>
  );
}
