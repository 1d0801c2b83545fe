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
      {/* In the order drawn, without holes: a prepared card being shown stays where it is in the DOM, so it is neither moved nor painted again. */}
      {[state.card, state.next]
        .filter((card) => !!card)
        .sort((a, b) => a.id - b.id)
        .map((card) => <Card key={card.id} card={card} prepared={card === state.next} locale={locale} actions={actions} />)}
      <LiveRegion announcement={state.announcement} id={state.announceId} />
    </div>
  );
}
