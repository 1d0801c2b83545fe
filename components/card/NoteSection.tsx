import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { EntityExtras, NoteView } from '@/lib/messaging/reader-data-calls';
import { NOTE_MAX_CHARS } from '@/lib/reader/limits';
import { NoteText } from './NoteText';
import type { ReaderCalls } from './reader-calls';

/**
 * Unsaved text by entity, for this page's life: a hover card closes when the pointer leaves it,
 * and the reader's half-written note must not go with it.
 */
const drafts = new Map<string, string>();

export interface NoteSectionProps {
  entityKey: string;
  /** The entity's name, as the card shows it. */
  label: string;
  extras: EntityExtras;
  /** The note is still being read: its button waits. */
  pending?: boolean;
  calls: ReaderCalls;
  onChange: (note: NoteView | null) => void;
}

/**
 * The reader's private note on the entity: shown in every card of it, added, edited and
 * deleted here. Plain text; addresses in it are shown as links.
 */
export function NoteSection({ entityKey, label, extras, pending = false, calls, onChange }: NoteSectionProps) {
  const note = extras.note;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);

  useEffect(() => {
    if (editing) input.current?.focus();
    else if (refocus.current) opener.current?.focus();
    refocus.current = false;
  }, [editing]);

  if (!extras.canNote) return null;

  const edit = () => {
    setDraft(drafts.get(entityKey) ?? note?.text ?? '');
    setError(null);
    setEditing(true);
  };
  const close = () => {
    drafts.delete(entityKey);
    refocus.current = true;
    setEditing(false);
  };
  async function save(text: string) {
    setBusy(true);
    setError(null);
    const answer = await calls.saveNote(entityKey, label, text);
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    onChange(answer.value);
    setSaid(t(answer.value ? 'noteSaved' : 'noteDeleted'));
    close();
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // Escape leaves the note's editor first (on a page the card lets the field have it); the
      // next Escape closes the card.
      e.stopPropagation();
      e.preventDefault();
      close();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save(draft);
    }
  };

  return (
    <section class="note" aria-labelledby="gloss-note-title" data-testid="note">
      <h3 id="gloss-note-title">{t('noteTitle')}</h3>
      {!editing && note && <NoteText text={note.text} />}
      {editing ? (
        <div class="note-edit">
          <label for="gloss-note-input" class="sr-only">
            {t('noteLabel', label)}
          </label>
          <textarea
            id="gloss-note-input"
            ref={input}
            data-testid="note-input"
            rows={4}
            maxLength={NOTE_MAX_CHARS}
            value={draft}
            dir="auto"
            aria-describedby="gloss-note-count"
            onInput={(e) => {
              const text = (e.currentTarget as HTMLTextAreaElement).value;
              drafts.set(entityKey, text);
              setDraft(text);
            }}
            onKeyDown={onKeyDown}
          />
          <span id="gloss-note-count" class="muted">
            {t('noteCount', [String(draft.length), String(NOTE_MAX_CHARS)])}
          </span>
          <div class="note-actions">
            <button type="button" data-testid="note-save" disabled={busy} onClick={() => void save(draft)}>
              {t('noteSave')}
            </button>
            <button type="button" disabled={busy} onClick={close}>
              {t('noteCancel')}
            </button>
            {note && (
              <button type="button" class="danger" data-testid="note-delete" disabled={busy} onClick={() => void save('')}>
                {t('noteDelete')}
              </button>
            )}
          </div>
        </div>
      ) : (
        <button type="button" class="note-open" ref={opener} data-testid="note-edit" disabled={pending} aria-label={t(note ? 'noteEditLabel' : 'noteAddLabel', label)} onClick={edit}>
          {t(note ? 'noteEdit' : 'noteAdd')}
        </button>
      )}
      {error && (
        <p class="problem" role="alert">
          {error}
        </p>
      )}
      {/* A live region of its own, not a second role="status": the card layer's is the page's one status. */}
      <p class="sr-only" aria-live="polite" data-testid="note-status">
        {said}
      </p>
    </section>
  );
}
