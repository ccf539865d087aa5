/**
 * The viewer's edits kept across reloads (saved-edits.ts stores them), as a block feature:
 * a saved edit is the starting code unless a link brought some; every change is saved; Reset
 * forgets it. An edit of an original that has changed since is kept aside with a notice
 * offering both; one that could not be read was dropped, and the block says so.
 */
import { t } from '../i18n/ui-text';
import type { BlockFeature, BlockPlan } from './block-feature';
import type { LiveBlock } from './live-block';
import { clearEdit, editKey, loadEdit, saveEdit, type EditState } from './saved-edits';

export function savedEditsFeature(): BlockFeature {
  // What storage held for each block when it was built, read once: `initial` and `attach` both need it.
  const found = new Map<string, EditState>();
  const stateOf = (plan: BlockPlan): EditState => {
    const key = editKey(plan.file, plan.index);
    if (!found.has(key)) found.set(key, loadEdit(key, plan.original));
    return found.get(key)!;
  };

  return {
    initial(plan) {
      const state = stateOf(plan);
      return state.kind === 'edited' ? { code: state.edit.code, params: state.edit.params ?? {}, from: 'saved' } : undefined;
    },
    attach(block) {
      const key = editKey(block.plan.file, block.plan.index);
      const state = stateOf(block.plan);
      found.delete(key);
      block.element.dataset.editKey = key;
      const notice = block.part('notice');
      if (state.kind === 'unreadable') showNotice(notice, t('savedEditDropped'));
      if (state.kind === 'stale') offerBoth(block, notice, key, state.edit.code, state.edit.params ?? {});
      // Code shown from elsewhere (the presenter's, while following) is not the viewer's edit:
      // saving it would overwrite theirs, which stays stored for when they work on their own.
      const offEdited = block.on(
        'edited',
        ({ code, params, origin }) => origin === 'here' && saveEdit(key, block.plan.original, { code, params }),
      );
      const offReset = block.on('reset', () => {
        clearEdit(key);
        notice.hidden = true;
      });
      return () => {
        offEdited();
        offReset();
      };
    },
  };
}

function showNotice(notice: HTMLElement, text: string): void {
  notice.hidden = false;
  notice.textContent = text;
}

/** The slide's original changed since this edit was made: keep the edit out of the way, offer both. */
function offerBoth(block: LiveBlock, notice: HTMLElement, key: string, code: string, params: Record<string, number>): void {
  notice.hidden = false;
  notice.innerHTML = `<span>${t('staleNotice')}</span> <button type="button" data-choice="mine">${t('useMine')}</button> <button type="button" data-choice="new">${t('useNew')}</button>`;
  notice.querySelector('[data-choice="mine"]')!.addEventListener('click', () => {
    block.setCode(code, params);
    notice.hidden = true;
  });
  notice.querySelector('[data-choice="new"]')!.addEventListener('click', () => {
    clearEdit(key);
    notice.hidden = true;
  });
}
