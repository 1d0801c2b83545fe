/** The styles of the reader's note and "Not this" in a card (same shadow root, same colours). */
export const READER_CSS = `
.note, .correction { padding: 4px 14px 8px; border-bottom: 1px solid var(--border); flex: 0 0 auto; }
.correction { border-bottom: 0; border-top: 1px solid var(--border); display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; }
.note h3 { margin-top: 6px; }
.note-text { margin: 4px 0; white-space: pre-wrap; max-height: 120px; overflow: auto; }
.note-edit textarea {
  box-sizing: border-box; width: 100%; font: inherit; color: var(--fg); background: var(--bg);
  border: 1px solid var(--border); border-radius: 6px; padding: 6px; resize: vertical;
}
.note-actions, .correction-ask { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 4px 0; }
.correction-ask p { flex-basis: 100%; margin: 4px 0 0; }
.note button, .correction button {
  font: inherit; font-size: 13px; color: var(--fg); background: var(--chip); border: 1px solid var(--border);
  border-radius: 6px; padding: 2px 10px; cursor: pointer;
}
.note button.danger { color: var(--warn); }
.correction-done { margin: 4px 0; font-size: 13px; }
.feedback { font-size: 13px; }
.problem { color: var(--warn); margin: 4px 0; }
`;
