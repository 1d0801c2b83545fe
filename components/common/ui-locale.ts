import { t } from '@/lib/i18n';

/**
 * The locale Gloss's interface is shown in, for dates and numbers: the one the browser
 * picked the messages from, so numbers read like the words around them.
 */
export const uiLocale = () => t('uiLocale');
