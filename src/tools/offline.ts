/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The served deck offline (issue 14): registers the service worker that vite-plugin-pwa builds
 * (scripts/offline-plugin.mjs), which precaches the whole deck, so that after one visit it opens
 * with no network. A new build's worker takes over on the reader's next visit (while online,
 * pages come from the network, so that visit already shows the new deck) and the deck says
 * "updated". Nothing happens in the dev server, under `file://` or in the one file (there the
 * plugin is disabled and `registerSW` does nothing).
 */
import { registerSW } from 'virtual:pwa-register';
import { t } from '../i18n/ui-text';
import { showNotice } from './notice';

/** Set across the reload that swaps an old page for the new build (see below), read once after it. */
const UPDATED_FLAG = 'rectify-updated';

/** Registers the worker on a served build; returns a function that stops listening (the worker stays, as it should). */
export function startOffline(): () => void {
  // Mode `single` is known at build time: the one file keeps none of what follows.
  if (import.meta.env.MODE === 'single' || !import.meta.env.PROD) return () => {};
  if (!/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator)) return () => {};
  let stopped = false;
  const removeNotice: Array<() => void> = [];
  if (takeUpdatedFlag()) removeNotice.push(showNotice(t('deckUpdated')));
  registerSW({
    // A new build's worker has replaced the old one (and the old build's files in its cache).
    onNeedReload: () => void updated(),
  });
  async function updated(): Promise<void> {
    if (stopped) return;
    // This page is that build when it came from the network (the usual case): nothing to do but say so.
    // A page the old worker served offline would miss its lazy chunks from now on: reload it, then say so.
    if (await caches.match(import.meta.url, { ignoreSearch: true })) {
      if (!stopped) removeNotice.push(showNotice(t('deckUpdated')));
      return;
    }
    try {
      sessionStorage.setItem(UPDATED_FLAG, '1');
    } catch {
      // storage blocked: the new deck comes without the notice
    }
    location.reload();
  }
  return () => {
    stopped = true;
    removeNotice.splice(0).forEach((remove) => remove());
  };
}

/** Whether the reload above just happened in this tab; clears the mark. */
function takeUpdatedFlag(): boolean {
  try {
    const set = sessionStorage.getItem(UPDATED_FLAG) === '1';
    sessionStorage.removeItem(UPDATED_FLAG);
    return set;
  } catch {
    return false; // storage blocked: no notice, nothing else lost
  }
}
