/**
 * Entry of the deck: loads the slide files into reveal.js and starts it. The only module
 * with side effects at import time. Everything heavy (speaker view, search, KaTeX, the
 * editor, plots) loads later, when idle or when a slide needs it.
 */
import Reveal from 'reveal.js';
import 'reveal.js/reset.css';
import 'reveal.js/reveal.css';
import '../../assets/theme.css';
import '../../assets/phone.css';
import { loadFallbackFontIfNeeded } from './fallback-font';
import { deckConfig, followWidth, startingView } from './config';
import { AccessibilityPlugin } from './accessibility';
import { HighlightPlugin, highlightSlides } from './highlight-plugin';
import { createRebuild, renderSlides } from './rebuild';
import { isPassiveView, isPrintView } from './view-mode';
import { applyLanguage, createLanguageToggle, languageFromUrl, writeLanguageToUrl, type Language } from '../i18n/language';
import { afterNextFrame, createLiveCode } from '../live';
import { installPresenterTools } from '../tools/presenter-tools';
import { MathPlugin, typesetSlides } from './math-plugin';
import { installLazyPlugins } from './lazy-plugins';
import { installResume, openedWithDeepLink } from '../tools/resume';
import { followScrollViewLinks, usePlainEditor } from '../tools/device';
import { readSharedLink } from '../tools/share-edits';
import { showNotice } from '../tools/notice';
import { LANGUAGE_CHANGED, t } from '../i18n/ui-text';
import { slidesFor } from '../slides/slide-files';
import { joinRoom } from '../audience';
import { startOffline } from '../tools/offline';
import { layoutAtLoadOnlyIfNeeded, stopRevealResizeAtDocument } from './repeat-layouts';

// A shared link carries its edits in the fragment: take them out before anything reads the URL,
// so reveal sees only the slide the link was shared from.
const sharedLink = readSharedLink();
if (sharedLink) history.replaceState(history.state, '', sharedLink.cleanUrl);
const passive = isPassiveView();
// The room (`npm run present`): the presenter's token leaves the URL here, before anything reads it.
const room = passive ? undefined : joinRoom();
const liveCode = createLiveCode({ passive, plainEditor: usePlainEditor, linkedEdits: sharedLink?.edits, features: room && [room.feature] });
const deepLink = openedWithDeepLink();
/** What the entry starts beside reveal: stopped when reveal is destroyed, as live code is by its plugin's `destroy`. */
const stopWithDeck: Array<() => void> = [];
const stopWithDeckPlugin = { id: 'rectify-stop-with-deck', destroy: () => stopWithDeck.splice(0).forEach((stop) => stop()) };
stopWithDeck.push(followScrollViewLinks(window.location.hash));
let language: Language = languageFromUrl();
applyLanguage(language);
const slidesElement = document.querySelector<HTMLElement>('.reveal .slides')!;
const [slides] = await Promise.all([slidesFor(language), loadFallbackFontIfNeeded()]);
renderSlides(slidesElement, slides);

// A build's slides were converted at build time (scripts/prerender-slides.ts): reveal's markdown
// plugin, and marked with it, load only on the dev server, where the slides come as Markdown.
const markdownPlugins = import.meta.env.DEV ? [(await import('reveal.js/plugin/markdown')).default] : [];
const startView = isPrintView() ? {} : startingView(window.innerWidth);
stopWithDeck.push(stopRevealResizeAtDocument());
const deck = new Reveal(document.querySelector<HTMLElement>('.reveal')!, {
  ...deckConfig,
  ...startView,
  // Highlighting leaves live fences alone (`:not(.live)`), built into blocks yet or not.
  plugins: [...markdownPlugins, liveCode.plugin, HighlightPlugin, MathPlugin, AccessibilityPlugin(), stopWithDeckPlugin],
});

const initialized = deck.initialize();
stopWithDeck.push(layoutAtLoadOnlyIfNeeded(deck));
await initialized;
// The first slide is drawn (with the blocks of the slide in view): now the other slides' blocks,
// then the rest of the start. (A passive view built them all at once.)
if (!passive) {
  await afterNextFrame();
  liveCode.buildAll();
}
// (Not in the print view, which reveal also keeps as a `view`.)
if (startView.view === 'scroll') followWidth(deck, true);
// From here on, whenever reveal replaces the slides behind the live blocks, they are rebuilt.
const { rebuild: reloadSlides, stop: stopRebuildWatch } = createRebuild(deck, slidesElement, liveCode, () => slidesFor(language));
stopWithDeck.push(stopRebuildWatch);
// The extras below must never keep the deck from starting: each one that fails is reported and skipped.
optional('lazy plugins', () => installLazyPlugins(deck));
const stopPresenterTools = passive ? undefined : optional('presenter tools', () => installPresenterTools(deck, liveCode));
if (stopPresenterTools) stopWithDeck.push(stopPresenterTools);
optional('resume', () => installResume(deck, passive, deepLink));
const stopRoom = room && optional('room', () => room.start(deck, liveCode));
if (stopRoom) stopWithDeck.push(stopRoom);
// The served deck opens offline after one visit (never in dev, from file:// or in the one file);
// the print view and the speaker view's previews leave that to the reader's own window.
const stopOffline = passive ? undefined : optional('offline', startOffline);
if (stopOffline) stopWithDeck.push(stopOffline);
window.Reveal = deck;
document.documentElement.dataset.deckReady = 'true';
if (sharedLink?.problem) showNotice(t(sharedLink.problem === 'broken' ? 'linkBroken' : 'linkTooLong'));
if (isPrintView()) void import('../tools/print-outputs').then((m) => m.renderPrintOutputs(deck, liveCode.blocks(), decorateSlides));

/** Highlights and typesets `slides` now (both otherwise wait until a slide is near); a failure is logged. */
async function decorateSlides(slides: HTMLElement[]): Promise<void> {
  await highlightSlides(deck, slides).catch((error: unknown) => console.error('Rectify: highlighting', error));
  await typesetSlides(deck, slides).catch((error: unknown) => console.error('Rectify: formulas', error));
}

/** Runs one optional part of the start-up and gives back what it returns; an error is logged, not thrown. */
function optional<T>(part: string, start: () => T): T | undefined {
  try {
    return start();
  } catch (error) {
    console.error(`Rectify: ${part} failed to start; the deck goes on without it.`, error);
    return undefined;
  }
}

/** Swaps the slides to another language in place; the URL remembers it. */
async function switchLanguage(next: Language): Promise<void> {
  language = next;
  applyLanguage(next);
  writeLanguageToUrl(next);
  await reloadSlides(await slidesFor(next));
  document.dispatchEvent(new Event(LANGUAGE_CHANGED));
}

createLanguageToggle(
  () => language,
  (next) => void switchLanguage(next),
);

// Authoring: saving a slide file updates the deck in place, on the same slide.
if (import.meta.hot) {
  import.meta.hot.accept('../slides/slide-files', (module) => {
    if (module) void module.slidesFor(language).then(reloadSlides);
  });
}
