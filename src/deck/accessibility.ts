/**
 * The deck for screen readers, keyboards and readers who ask for less motion (issue 14.4),
 * as a reveal plugin (`accessibility`):
 * - reveal 6 marks its whole element `role="application"` (setupDOM, once at start). That
 *   tells NVDA and JAWS to leave browse mode and hand every key to the page, so the slides
 *   cannot be read line by line, nor their headings and tables listed. The slides are a
 *   document: the role goes, and the element becomes the page's main landmark. reveal's keys
 *   keep working — they listen on the document, not on that element.
 * - `prefers-reduced-motion: reduce`: no slide or background transitions (theme.css stops the
 *   CSS ones too), followed when the setting changes while the deck is open.
 * - The help overlay (?) lists the code editor's keyboard escape: Esc leaves the editor, and
 *   Ctrl+M (Monaco's own binding) makes Tab move the focus instead of indenting.
 */
import type { RevealApi, RevealConfig, RevealPlugin } from 'reveal.js';
import { t } from '../i18n/ui-text';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** The transitions the deck uses when motion is welcome (config.ts), to restore them. */
type Motion = Pick<RevealConfig, 'transition' | 'backgroundTransition'>;

/** Creates the plugin; its `destroy` removes what `init` added. */
export function AccessibilityPlugin(): RevealPlugin {
  let stop = () => {};
  return {
    id: 'accessibility',
    init(deck: RevealApi) {
      const media = window.matchMedia(REDUCED_MOTION);
      let motion: Motion | undefined;
      const followMotion = () => {
        if (media.matches) {
          const { transition, backgroundTransition } = deck.getConfig();
          motion ??= { transition, backgroundTransition };
          deck.configure({ transition: 'none', backgroundTransition: 'none' });
        } else if (motion) {
          deck.configure(motion);
          motion = undefined;
        }
      };
      const onReady = () => {
        const root = deck.getRevealElement() as HTMLElement;
        root.setAttribute('role', 'main');
        root.setAttribute('aria-label', t('slidesLandmark'));
        followMotion();
        media.addEventListener('change', followMotion);
      };
      deck.on('ready', onReady);
      deck.registerKeyboardShortcut('Esc', t('keyEditorEscape'));
      deck.registerKeyboardShortcut('Ctrl+M', t('keyEditorTabFocus'));
      stop = () => {
        deck.off('ready', onReady);
        media.removeEventListener('change', followMotion);
      };
    },
    destroy: () => stop(),
  };
}
