/**
 * Entry of the deck: loads the slide files into reveal.js and starts it. The only module
 * with side effects at import time. Everything heavy (speaker view, search, KaTeX, the
 * editor, plots) loads later, when idle or when a slide needs it.
 */
import Reveal from 'reveal.js';
import Markdown, { type MarkdownPlugin } from 'reveal.js/plugin/markdown';
import 'reveal.js/reset.css';
import 'reveal.js/reveal.css';
import '../../assets/theme.css';
import '../../assets/phone.css';
import './fallback-font';
import { deckConfig } from './config';
import { HighlightPlugin, highlightSlides } from './highlight-plugin';
import { applyLanguage, createLanguageToggle, languageFromUrl, writeLanguageToUrl, type Language } from './language';
import {
  createLiveBlocks,
  disposeLiveBlocks,
  isPassiveView,
  isPrintView,
  LiveCodePlugin,
  prepareNearbyLiveBlocks,
  useLinkedEdits,
} from './live-code-plugin';
import { MathPlugin, typesetSlides } from './math-plugin';
import { installLazyPlugins } from './lazy-plugins';
import { installResume, openedWithDeepLink } from './resume';
import { followScrollViewLinks } from './device';
import { planDeck } from './plan-deck';
import { renderSections } from './render-sections';
import { showSlideErrors } from './slide-error-overlay';
import { readSharedLink } from './share-edits';
import { showNotice } from './notice';
import { LANGUAGE_CHANGED, t } from './ui-text';
import { slideFilesFor } from './slide-files';

// A shared link carries its edits in the fragment: take them out before anything reads the URL,
// so reveal sees only the slide the link was shared from.
const sharedLink = readSharedLink();
if (sharedLink) {
  history.replaceState(history.state, '', sharedLink.cleanUrl);
  useLinkedEdits(sharedLink.edits);
}
const deepLink = openedWithDeepLink();
followScrollViewLinks(window.location.hash);
let language: Language = languageFromUrl();
applyLanguage(language);
const slidesElement = document.querySelector<HTMLElement>('.reveal .slides')!;
const firstPlan = planDeck(await slideFilesFor(language));
slidesElement.replaceChildren(...renderSections(firstPlan, document));
if (import.meta.env.DEV) showSlideErrors(firstPlan);

const deck = new Reveal(document.querySelector<HTMLElement>('.reveal')!, {
  ...deckConfig,
  // Order matters: live fences become blocks before highlighting touches code.
  plugins: [Markdown, LiveCodePlugin, HighlightPlugin, MathPlugin],
});

await deck.initialize();
// The extras below must never keep the deck from starting: each one that fails is reported and skipped.
optional('lazy plugins', () => installLazyPlugins(deck));
optional('resume', () => installResume(deck, isPassiveView(deck), deepLink));
window.Reveal = deck;
document.documentElement.dataset.deckReady = 'true';
if (sharedLink?.problem) showNotice(t(sharedLink.problem === 'broken' ? 'linkBroken' : 'linkTooLong'));
if (isPrintView(deck)) void import('./print-outputs').then((m) => m.renderPrintOutputs(deck));

/** Runs one optional part of the start-up; an error is logged, not thrown. */
function optional(part: string, start: () => void): void {
  try {
    start();
  } catch (error) {
    console.error(`Rectify: ${part} failed to start; the deck goes on without it.`, error);
  }
}

/** Re-renders the slides from new file contents, staying on the current slide. */
async function reloadSlides(files: Record<string, string>): Promise<void> {
  const { h, v, f } = deck.getIndices();
  disposeLiveBlocks();
  const plan = planDeck(files);
  slidesElement.replaceChildren(...renderSections(plan, document));
  if (import.meta.env.DEV) showSlideErrors(plan);
  const markdown = deck.getPlugin('markdown') as MarkdownPlugin;
  await markdown.processSlides(slidesElement);
  await markdown.convertSlides();
  createLiveBlocks(slidesElement);
  deck.sync();
  deck.slide(h, v, f);
  prepareNearbyLiveBlocks(deck);
  await highlightSlides(deck, deck.getSlides());
  await typesetSlides(deck, deck.getSlides());
}

/** Swaps the slides to another language in place; the URL remembers it. */
async function switchLanguage(next: Language): Promise<void> {
  language = next;
  applyLanguage(next);
  writeLanguageToUrl(next);
  await reloadSlides(await slideFilesFor(next));
  document.dispatchEvent(new Event(LANGUAGE_CHANGED));
}

createLanguageToggle(
  () => language,
  (next) => void switchLanguage(next),
);

// Authoring: saving a slide file updates the deck in place, on the same slide.
if (import.meta.hot) {
  import.meta.hot.accept('./slide-files', (module) => {
    if (module) void module.slideFilesFor(language).then(reloadSlides);
  });
}
