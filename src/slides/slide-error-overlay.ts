/**
 * While authoring (`npm start`), a broken slide file also gets an overlay over whatever
 * slide is shown, naming the file and line, so a typo is seen the moment it is saved —
 * not only when someone reaches its error slide. Saving the fix removes it.
 */
import type { FilePlan } from './plan-deck';

const ID = 'slide-error-overlay';

/** Shows (or clears) the overlay for the broken files of `plan`. */
export function showSlideErrors(plan: FilePlan[]): void {
  document.getElementById(ID)?.remove();
  const broken = plan.filter((file): file is Extract<FilePlan, { ok: false }> => !file.ok);
  if (broken.length === 0) return;
  const overlay = document.createElement('div');
  overlay.id = ID;
  overlay.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = broken.length === 1 ? 'A slide file could not be shown' : `${broken.length} slide files could not be shown`;
  const list = document.createElement('ul');
  for (const file of broken) {
    const item = document.createElement('li');
    item.textContent = `${file.file}, line ${file.error.line}: ${file.error.message}`;
    list.append(item);
  }
  const close = Object.assign(document.createElement('button'), { type: 'button', textContent: '×', title: 'Hide' });
  close.addEventListener('click', () => overlay.remove());
  overlay.append(close, title, list);
  document.body.append(overlay);
}
