import { pageLanguage } from '../match/language';
import { createAnnotator, type Annotator, type MatchFn, type Mention, type MentionMode } from './annotator';
import { PageHighlights, type HighlightLook } from './highlights';
import { watchPage } from './watch';

export interface AnnotationSession {
  annotator: Annotator;
  highlights: PageHighlights;
}

export const DEFAULT_LOOK: HighlightLook = { style: 'underline', hidden: [] };

/**
 * Annotates a document and keeps it annotated until `signal` aborts, when every
 * highlight and Gloss's style element go away.
 */
export function startAnnotating(opts: {
  doc: Document;
  signal: AbortSignal;
  match: MatchFn;
  look?: HighlightLook;
  mentionMode?: MentionMode;
  onChange?: (mentions: Mention[]) => void;
}): AnnotationSession {
  const { doc, signal } = opts;
  // User-timing marks let anyone profiling the page (and Gloss's benchmark) see its share.
  performance.mark('gloss:start');
  const highlights = new PageHighlights(doc, opts.look ?? DEFAULT_LOOK);
  // The page's language, read once per run: <html lang>, else guessed from the text's script.
  const lang = () => {
    const declared = doc.documentElement.lang;
    return pageLanguage(declared, declared ? '' : (doc.body?.textContent ?? '').slice(0, 4000));
  };
  const annotator = createAnnotator({ doc, match: opts.match, highlights, lang, signal, onChange: opts.onChange, mentionMode: opts.mentionMode });
  signal.addEventListener('abort', () => {
    annotator.clear();
    highlights.dispose();
  });
  void annotator.run().then(() => performance.mark('gloss:highlighted')).catch(() => {
    // Aborted, or the background is gone: the page stays as it is.
  });
  watchPage(doc, annotator, signal);
  return { annotator, highlights };
}
