import { noteParts } from '@/lib/reader/note-text';
import { ExternalLink } from './ExternalLink';

/** A note as the reader wrote it: text nodes and checked links, never markup. */
export function NoteText({ text }: { text: string }) {
  return (
    <p class="note-text" dir="auto" data-testid="note-text">
      {noteParts(text).map((part, i) =>
        'href' in part ? (
          <ExternalLink key={i} href={part.href}>
            {part.text}
          </ExternalLink>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
