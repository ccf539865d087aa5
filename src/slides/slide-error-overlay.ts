/**
 * While authoring (`npm start`), a broken slide file also gets an overlay over whatever
 * slide is shown, naming the file and line, so a typo is seen the moment it is saved —
 * not only when someone reaches its error slide. Saving the fix removes it.
 */
import type { FilePlan } from './plan-deck';
import type { BrokenFile, SlideErrorWords } from './render-sections';

const ID = 'slide-error-overlay';

/** Shows (or clears) the overlay for the broken files of `plan`, in `words`. */
export function showSlideErrors(plan: FilePlan[], words: SlideErrorWords): void {
  document.getElementById(ID)?.remove();
  const broken = plan.filter((file): file is BrokenFile => !file.ok);
  if (broken.length === 0) return;
  const overlay = document.createElement('div');
  overlay.id = ID;
  overlay.setAttribute('role', 'alert');
  const title = document.createElement('strong');
  title.textContent = words.overlayTitle(broken.length);
  const list = document.createElement('ul');
  for (const file of broken) {
    const item = document.createElement('li');
    item.textContent = words.where(file.file, file.error);
    list.append(item);
  }
  const close = Object.assign(document.createElement('button'), { type: 'button', textContent: '×', title: words.hide });
  close.setAttribute('aria-label', words.hide);
  close.addEventListener('click', () => overlay.remove());
  overlay.append(close, title, list);
  document.body.append(overlay);
}
