/**
 * Marks on a table the page re-renders (pagination, filters): one note per key, re-placed after every
 * re-render, batched per animation frame, our own insertions ignored. Shared by Feedback Manager and
 * the claims and chargebacks pages.
 */
import { NOTE_TAG, createNote, renderNote, type NoteView } from './note';

export interface RowMark {
  /** Where the note goes: appended inside this element. */
  anchor: Element;
  view: NoteView;
}

export function keepRowMarks(doc: Document, findMarks: () => Map<string, RowMark>, signal: AbortSignal): { refresh: () => void } {
  const notes = new Map<string, HTMLElement>();
  const place = () => {
    const marks = findMarks();
    for (const [key, mark] of marks) {
      let note = notes.get(key);
      if (!note) notes.set(key, (note = createNote(doc)));
      note.dataset.redlineKeyFor = key;
      renderNote(note, mark.view);
      if (note.parentElement !== mark.anchor || mark.anchor.lastElementChild !== note) mark.anchor.append(note);
    }
    for (const [key, note] of notes) if (!marks.has(key)) note.remove();
  };
  let frame = 0;
  const schedule = () => {
    if (!frame && !signal.aborted) frame = requestAnimationFrame(() => ((frame = 0), place()));
  };
  const ours = (n: Node) => n.nodeName === NOTE_TAG.toUpperCase();
  const observer = new MutationObserver((records) => {
    if (records.every((r) => [...r.addedNodes, ...r.removedNodes].every(ours))) return;
    schedule();
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
    for (const note of notes.values()) note.remove();
  });
  return { refresh: schedule };
}
