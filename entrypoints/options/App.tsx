import { PacksSection } from '@/components/options/PacksSection';
import { t } from '@/lib/i18n';
import './style.css';

export function App() {
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <PacksSection />
    </main>
  );
}
