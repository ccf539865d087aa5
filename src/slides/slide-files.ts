/**
 * The deck's slide files, bundled at build time (no fetch: works offline and from file
 * hosts). Chinese (`slides/*.md`) is the reference and ships with the first slide; the
 * English mirror (`slides/en/*.md`) loads only when asked for. Adding `slides/NN-name.md`
 * adds its slides; nothing else to register.
 *
 * The dev server hands the page the Markdown, which reveal's markdown plugin converts (a saved
 * file shows at once); a build hands it the same slides converted at build time
 * (scripts/prerender-slides.ts), and the page skips that work at start.
 */
import type { Language } from '../i18n/language';
import { compareFileNames } from './plan-deck';

/** A language's slides: its Markdown files by path (dev), or their HTML as the markdown plugin makes it (a build). */
export type DeckSlides = { files: Record<string, string> } | { html: string };

/** The Chinese slide files, by path. */
const chineseFiles = import.meta.glob<string>('../../slides/*.md', { query: '?raw', import: 'default', eager: true });
const englishFiles = import.meta.glob<string>('../../slides/en/*.md', { query: '?raw', import: 'default' });
// `undefined` from the dev server (scripts/prerendered-slides-plugin.mjs).
const chineseHtml = import.meta.glob<string | undefined>('../../slides/*.md', { query: '?slides-html=zh', import: 'default', eager: true });
const englishHtml = import.meta.glob<string | undefined>('../../slides/en/*.md', { query: '?slides-html=en', import: 'default' });

/** A language's slides: converted already in a build, Markdown on the dev server. */
export async function slidesFor(language: Language): Promise<DeckSlides> {
  if (import.meta.env.DEV) return { files: await slideFilesFor(language) };
  const byFile = language === 'zh' ? chineseHtml : await loadAll(englishHtml);
  return { html: Object.keys(byFile).sort(compareFileNames).map((path) => byFile[path] ?? '').join('') };
}

/** The slide files of a language, by path. */
async function slideFilesFor(language: Language): Promise<Record<string, string>> {
  return language === 'zh' ? chineseFiles : loadAll(englishFiles);
}

async function loadAll<T>(loaders: Record<string, () => Promise<T>>): Promise<Record<string, T>> {
  const entries = await Promise.all(Object.entries(loaders).map(async ([path, load]) => [path, await load()] as const));
  return Object.fromEntries(entries);
}
