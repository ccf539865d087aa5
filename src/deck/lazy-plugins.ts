/**
 * reveal's speaker view, search (Ctrl+Shift+F) and zoom (Alt+click): none is needed for the
 * first slide, so they load when the deck is idle. S pressed before then loads the speaker
 * view at once. reveal's own interface is put in the deck's language here too.
 */
import type { RevealApi, RevealPlugin } from 'reveal.js';
import { installInterfaceLabels, labelInterface } from '../i18n/interface-labels';
import { t } from '../i18n/ui-text';
import { whenIdle } from '../live';

const LOADERS: Record<string, () => Promise<{ default: () => RevealPlugin }>> = {
  notes: () => import('reveal.js/plugin/notes'),
  search: () => import('reveal.js/plugin/search'),
  zoom: () => import('reveal.js/plugin/zoom'),
};

const KEY_S = 83;
const loading = new Map<string, Promise<RevealPlugin>>();

/** Loads and registers one of reveal's plugins (once). */
function ensurePlugin(deck: RevealApi, id: string): Promise<RevealPlugin> {
  let pending = loading.get(id);
  if (!pending) {
    pending = LOADERS[id]().then((module) => {
      // The notes plugin binds S itself in init; our stand-in binding must go first.
      if (id === 'notes') deck.removeKeyBinding(KEY_S);
      const plugin = module.default();
      deck.registerPlugin(plugin);
      // The search box is built on first use, with an English placeholder: build it now to label it.
      if (id === 'search') {
        (plugin as RevealPlugin & { close(): void }).close();
        labelInterface(deck.getRevealElement() as HTMLElement);
      }
      return plugin;
    });
    loading.set(id, pending);
  }
  return pending;
}

/** Binds S to a loader of the speaker view, and loads all three plugins when idle. */
export function installLazyPlugins(deck: RevealApi): void {
  installInterfaceLabels(deck);
  deck.addKeyBinding({ keyCode: KEY_S, key: 'S', description: t('keySpeakerView') }, () => {
    void ensurePlugin(deck, 'notes').then((notes) => (notes as RevealPlugin & { open(): void }).open());
  });
  whenIdle(() => {
    for (const id of Object.keys(LOADERS)) void ensurePlugin(deck, id);
  });
}
