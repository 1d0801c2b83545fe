import { t } from '@/lib/i18n';

const KEYS: Record<string, string> = {
  person: 'cardKindPerson',
  state: 'cardKindState',
  organization: 'cardKindOrganization',
  group: 'cardKindGroup',
  place: 'cardKindPlace',
  event: 'cardKindEvent',
  agreement: 'cardKindAgreement',
  topic: 'cardKindTopic',
};

/** An entity kind in the reader's words. */
export const kindLabel = (kind: string) => t(KEYS[kind] ?? 'cardKindTopic');
