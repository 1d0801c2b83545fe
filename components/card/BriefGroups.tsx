import { useEffect, useRef, useState } from 'preact/hooks';
import type { BriefGroup } from '@/lib/card/types';
import { MERGE_LIMITS } from '@/lib/card/merge-rules';
import { t } from '@/lib/i18n';
import { isolate } from '@/lib/card/bidi';
import { BriefList } from './BriefList';

/** One pack's briefs under its name: the newest few, the rest of those sent on request. */
function GroupView({ group, locale, named }: { group: BriefGroup; locale: string; named: boolean }) {
  const [open, setOpen] = useState(false);
  const focusNext = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const shown = open ? group.briefs : group.briefs.slice(0, MERGE_LIMITS.briefsShown);
  // The button goes away once pressed: if it had the focus, the first brief it revealed takes it
  // (a card opened by the pointer never takes focus by itself).
  useEffect(() => {
    if (open && focusNext.current) box.current?.querySelectorAll<HTMLElement>('.brief .brief-title')[MERGE_LIMITS.briefsShown]?.focus();
  }, [open]);
  const more = (e: Event) => {
    const button = e.currentTarget as HTMLElement;
    focusNext.current = (button.getRootNode() as Document | ShadowRoot).activeElement === button;
    setOpen(true);
  };
  const hidden = group.briefs.length - shown.length;
  const unlisted = group.total - group.briefs.length;
  return (
    <div class="brief-group" data-pack={group.sub} ref={box}>
      {named && (
        <h4 data-testid="brief-group-title">
          {t('cardBriefsFrom', isolate(group.pack))}
        </h4>
      )}
      <BriefList briefs={shown} locale={locale} />
      {hidden > 0 && (
        <button type="button" class="more" onClick={more}>
          {t('cardMoreBriefs', String(hidden))}
        </button>
      )}
      {open && unlisted > 0 && <p class="muted">{t('cardBriefsUnlisted', String(unlisted))}</p>}
    </div>
  );
}

/** The briefs about an entity, pack by pack, in the order the merge rules give. */
export function BriefGroups({ groups, locale }: { groups: BriefGroup[]; locale: string }) {
  // A card fed by one pack needs no pack names over its briefs; the source line says it.
  const named = groups.length > 1;
  return (
    <>
      {groups.map((g) => (
        <GroupView key={g.sub} group={g} locale={locale} named={named} />
      ))}
    </>
  );
}
