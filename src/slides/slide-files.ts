/**
 * The deck's slide files, bundled at build time (no fetch: works offline and from file
 * hosts). Chinese (`slides/*.md`) is the reference and ships with the first slide; the
 * English mirror (`slides/en/*.md`) loads only when asked for. Adding `slides/NN-name.md`
 * adds its slides; nothing else to register.
 */
import type { Language } from '../i18n/language';

/** The Chinese slide files, by path. */
export const slideFiles: Record<string, string> = import.meta.glob<string>('../../slides/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const englishLoaders = import.meta.glob<string>('../../slides/en/*.md', { query: '?raw', import: 'default' });

/** The slide files of a language, by path. */
export async function slideFilesFor(language: Language): Promise<Record<string, string>> {
  if (language === 'zh') return slideFiles;
  const entries = await Promise.all(Object.entries(englishLoaders).map(async ([path, load]) => [path, await load()] as const));
  return Object.fromEntries(entries);
}
