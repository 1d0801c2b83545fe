import type { PageCardsActions, PageCardsState } from '@/lib/hover/card-state';
import { Card } from './Card';
import { LiveRegion } from './LiveRegion';
import { Notice } from './Notice';

/** Everything Gloss draws on a page, in its shadow root. */
export function CardLayer({ state, locale, actions }: { state: PageCardsState; locale: string; actions: PageCardsActions }) {
  return (
    <div class="layer">
      {state.notice && <Notice notice={state.notice} locale={locale} onDismiss={actions.dismissNotice} />}
      {/* A new card (not a turned one) mounts afresh, placed and measured from the start; a prepared one keeps its id when shown. */}
      {[state.card, state.next].map((card) => card && <Card key={card.id} card={card} prepared={card === state.next} locale={locale} actions={actions} />)}
      <LiveRegion announcement={state.announcement} id={state.announceId} />
    </div>
  );
}
