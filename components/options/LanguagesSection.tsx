import { useState } from 'preact/hooks';
import { languageName } from '@/lib/card/dates';
import { t } from '@/lib/i18n';
import { addLanguage, COMMON_LANGUAGES, moveLanguage, parseLanguageCode, removeLanguage } from '@/lib/options/languages';
import type { Settings } from '@/lib/settings';
import type { UpdateSettings } from '@/components/common/use-settings';

export interface SettingsSectionProps {
  settings: Settings;
  update: UpdateSettings;
  locale: string;
}

/** The reader's languages, most preferred first: cards pick names and briefs in this order. */
export function LanguagesSection({ settings, update, locale }: SettingsSectionProps) {
  const { languages } = settings;
  const [adding, setAdding] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const name = (code: string) => languageName(code, locale);
  const offered = COMMON_LANGUAGES.filter((l) => !languages.includes(l));

  function add(event: Event) {
    event.preventDefault();
    const code = parseLanguageCode(adding);
    if (!code) return setProblem(t('optionsLanguageInvalid', adding));
    setProblem(null);
    setAdding('');
    void update((s) => ({ languages: addLanguage(s.languages, code) }));
  }

  return (
    <section aria-labelledby="languages-title" data-testid="languages">
      <h2 id="languages-title">{t('optionsLanguagesTitle')}</h2>
      <p class="help" id="languages-help">{t('optionsLanguagesHelp')}</p>
      <ol class="languages" aria-describedby="languages-help">
        {languages.map((code, i) => (
          <li key={code} data-lang={code}>
            <span class="lang-name">
              {name(code)} <span class="muted">({code})</span>
            </span>
            <button type="button" disabled={i === 0} aria-label={t('optionsMoveUp', name(code))} onClick={() => void update((s) => ({ languages: moveLanguage(s.languages, s.languages.indexOf(code), -1) }))}>
              ↑
            </button>
            <button type="button" disabled={i === languages.length - 1} aria-label={t('optionsMoveDown', name(code))} onClick={() => void update((s) => ({ languages: moveLanguage(s.languages, s.languages.indexOf(code), 1) }))}>
              ↓
            </button>
            <button type="button" class="danger" disabled={languages.length < 2} aria-label={t('optionsRemoveLanguage', name(code))} onClick={() => void update((s) => ({ languages: removeLanguage(s.languages, code) }))}>
              {t('packRemove')}
            </button>
          </li>
        ))}
      </ol>
      <form class="row" onSubmit={add}>
        <label>
          {t('optionsAddLanguage')}
          <input type="text" name="language" list="language-choices" value={adding} size={10} onInput={(e) => setAdding((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <datalist id="language-choices">
          {offered.map((code) => (
            <option key={code} value={code}>
              {name(code)}
            </option>
          ))}
        </datalist>
        <button type="submit">{t('optionsAddLanguageButton')}</button>
      </form>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
