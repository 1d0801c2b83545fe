import { kindLabels } from '@/components/common/kind-names';
import { t } from '@/lib/i18n';
import { MAX_HOVER_DELAY } from '@/lib/data/settings-schema';
import { ENTITY_KINDS } from '@/lib/pack/types';
import type { SettingsSectionProps } from './LanguagesSection';

/** How highlights look: style, which kinds, every mention or the first; how soon a card opens. */
export function AppearanceSection({ settings, update }: SettingsSectionProps) {
  const hidden = new Set(settings.hiddenKinds);
  const toggleKind = (kind: (typeof ENTITY_KINDS)[number], shown: boolean) =>
    void update((s) => ({ hiddenKinds: ENTITY_KINDS.filter((k) => (k === kind ? !shown : s.hiddenKinds.includes(k))) }));

  return (
    <section aria-labelledby="look-title" data-testid="appearance">
      <h2 id="look-title">{t('optionsLookTitle')}</h2>
      <fieldset class="choices">
        <legend>{t('optionsStyleLegend')}</legend>
        {(['underline', 'background'] as const).map((style) => (
          <label key={style}>
            <input type="radio" name="highlightStyle" value={style} checked={settings.highlightStyle === style} onChange={() => void update({ highlightStyle: style })} />
            {style === 'underline' ? t('optionsStyleUnderline') : t('optionsStyleBackground')}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('optionsKindsLegend')}</legend>
        <div class="kinds choices">
          {ENTITY_KINDS.map((kind) => (
            <label key={kind}>
              <input type="checkbox" name="kind" value={kind} checked={!hidden.has(kind)} onChange={(e) => toggleKind(kind, (e.currentTarget as HTMLInputElement).checked)} />
              {kindLabels(kind)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset class="choices">
        <legend>{t('optionsMentionsLegend')}</legend>
        <label>
          <input type="radio" name="mentions" value="all" checked={settings.mentions === 'all'} onChange={() => void update({ mentions: 'all' })} />
          {t('optionsMentionsAll')}
        </label>
        <label>
          <input type="radio" name="mentions" value="first" checked={settings.mentions === 'first'} onChange={() => void update({ mentions: 'first' })} />
          {t('optionsMentionsFirst')}
        </label>
      </fieldset>
      <div class="row">
        <label>
          {t('optionsHoverDelay')}
          <input
            type="number"
            name="hoverDelay"
            min={0}
            max={MAX_HOVER_DELAY}
            step={50}
            value={settings.hoverDelay}
            aria-describedby="hover-help"
            onChange={(e) => {
              const value = Math.round(Number((e.currentTarget as HTMLInputElement).value));
              if (Number.isFinite(value)) void update({ hoverDelay: Math.min(MAX_HOVER_DELAY, Math.max(0, value)) });
            }}
          />
        </label>
      </div>
      <p class="help" id="hover-help">{t('optionsHoverDelayHelp')}</p>
    </section>
  );
}
