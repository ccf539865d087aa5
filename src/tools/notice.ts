/**
 * A quiet message to the viewer, top centre, that goes away by itself or on a click: for
 * things the deck did on its own that the viewer should know about (a shared link that
 * could not be read, a saved value that was dropped), never for questions.
 */

const SHOWN_MS = 10_000;

/** Shows `text` as a status message; returns a function that removes it early. */
export function showNotice(text: string): () => void {
  const note = document.createElement('div');
  note.className = 'deck-notice';
  note.setAttribute('role', 'status');
  note.textContent = text;
  const remove = () => {
    clearTimeout(timer);
    note.remove();
  };
  const timer = setTimeout(remove, SHOWN_MS);
  note.addEventListener('click', remove);
  document.body.append(note);
  return remove;
}
