/**
 * reveal.js's own interface in the deck's language: the help overlay (?), the navigation
 * arrows' names, the search box's placeholder, and the snippet sandbox's frame title.
 * reveal writes these in English once (the help each time it opens) and offers no option
 * to change them, so they are relabelled in place: when the help opens, when the search
 * box is built, and after a language switch.
 */
import type { RevealApi } from 'reveal.js';
import { LANGUAGE_CHANGED, TEXT_LANGUAGES, t, textIn, type TextKey } from './ui-text';

/**
 * Shortcut descriptions the help may list: reveal's, its plugins' (in English) and ours
 * (registered in the language of the moment). A row is recognised by its text in either language.
 */
const SHORTCUT_PHRASES = [
  'keyNextSlide',
  'keyPreviousSlide',
  'keyLeft',
  'keyRight',
  'keyUp',
  'keyDown',
  'keyNoFragments',
  'keyFirstLast',
  'keyPause',
  'keyFullscreen',
  'keyJump',
  'keyOverview',
  'keySearch',
  'keySpeakerView',
  'keyRunSlide',
  'keyWarmUp',
  'keyEditorEscape',
  'keyEditorTabFocus',
] as const satisfies readonly TextKey[];

/** reveal's navigation arrows (its `.controls`), by class. */
const ARROWS = {
  'navigate-left': 'navPrevious',
  'navigate-right': 'navNext',
  'navigate-up': 'navAbove',
  'navigate-down': 'navBelow',
} as const satisfies Record<string, TextKey>;

/** The phrase a shortcut description is, in whichever language it was written. */
function shortcutPhrase(text: string): TextKey | undefined {
  return SHORTCUT_PHRASES.find((key) => TEXT_LANGUAGES.some((language) => textIn(language, key) === text));
}

/** Relabels the open help overlay: title, column headers, and every description it knows. */
function labelHelp(root: HTMLElement): void {
  const help = root.querySelector('.r-overlay-help-content');
  if (!help) return;
  const title = help.querySelector('.title');
  if (title) title.textContent = t('helpTitle');
  const [keyHeader, actionHeader] = help.querySelectorAll('th');
  if (keyHeader) keyHeader.textContent = t('helpKey');
  if (actionHeader) actionHeader.textContent = t('helpAction');
  for (const row of help.querySelectorAll('tr')) {
    const description = row.cells[1];
    const phrase = description && shortcutPhrase((description.textContent ?? '').trim());
    if (phrase) description.textContent = t(phrase);
  }
}

/** Relabels whatever of reveal's interface exists now (the search box and sandbox come later). */
export function labelInterface(root: HTMLElement): void {
  for (const [className, phrase] of Object.entries(ARROWS)) {
    root.querySelector(`.controls .${className}`)?.setAttribute('aria-label', t(phrase));
  }
  const search = root.querySelector<HTMLInputElement>('.searchbox .searchinput');
  if (search) search.placeholder = t('searchPlaceholder');
  const sandbox = document.querySelector<HTMLIFrameElement>('iframe[data-sandbox]');
  if (sandbox) sandbox.title = t('sandboxTitle');
  labelHelp(root);
}

/** Labels reveal's interface now, each time the help opens, and after every language switch. */
export function installInterfaceLabels(deck: RevealApi): void {
  const root = deck.getRevealElement() as HTMLElement;
  labelInterface(root);
  deck.on('showhelp', () => labelHelp(root));
  document.addEventListener(LANGUAGE_CHANGED, () => labelInterface(root));
}
