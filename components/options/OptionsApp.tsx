import { useMemo, useState } from 'preact/hooks';
import { uiLocale } from '@/components/common/ui-locale';
import { useSettings } from '@/components/common/use-settings';
import { t } from '@/lib/i18n';
import { openDb } from '@/lib/kb/db';
import { AppearanceSection } from './AppearanceSection';
import { DataSection } from './DataSection';
import { LanguagesSection } from './LanguagesSection';
import { PacksSection } from './PacksSection';
import { ReaderSection } from './ReaderSection';
import { SitesSection } from './SitesSection';

/** The options page: languages, highlights, sites, packs and the reader's data. */
export function OptionsApp() {
  const [settings, update] = useSettings();
  // Bumped when the packs were replaced behind the packs list's back, so it reads them again.
  const [packsVersion, setPacksVersion] = useState(0);
  const db = useMemo(() => openDb(), []);
  const locale = uiLocale();
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {settings ? (
        <>
          <LanguagesSection settings={settings} update={update} locale={locale} />
          <AppearanceSection settings={settings} update={update} locale={locale} />
          <SitesSection settings={settings} update={update} locale={locale} />
          <ReaderSection settings={settings} update={update} locale={locale} />
        </>
      ) : (
        <p class="muted">{t('loading')}</p>
      )}
      <PacksSection key={packsVersion} />
      <DataSection db={db} locale={locale} onChanged={() => setPacksVersion((v) => v + 1)} />
    </main>
  );
}
