/**
 * The deck's slide files, bundled at build time (no fetch: works offline and from file
 * hosts). Adding `slides/NN-name.md` adds its slides; nothing else to register.
 */
export const slideFiles: Record<string, string> = import.meta.glob<string>('../../slides/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});
