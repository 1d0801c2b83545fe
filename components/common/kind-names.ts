import { t } from '@/lib/i18n';
import type { EntityKind } from '@/lib/pack/types';

/** The heading over a group of one kind ("People", "States"). */
export function kindLabels(kind: EntityKind): string {
  switch (kind) {
    case 'person':
      return t('kindsPerson');
    case 'state':
      return t('kindsState');
    case 'organization':
      return t('kindsOrganization');
    case 'group':
      return t('kindsGroup');
    case 'place':
      return t('kindsPlace');
    case 'event':
      return t('kindsEvent');
    case 'agreement':
      return t('kindsAgreement');
    case 'topic':
      return t('kindsTopic');
  }
}
