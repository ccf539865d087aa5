/**
 * From slide files to a plan of the deck: which file gives which slides, in which order,
 * and which files are broken. Pure, so the loading rules are tested in Node.
 */
import { splitSlides, type SlideFileError, type SlideSource } from './split-slides';

/** One file's part of the deck: its slides, or the error that replaces them. */
export type FilePlan =
  { file: string; ok: true; stacks: SlideSource[][] } | { file: string; ok: false; error: SlideFileError; source: string };

/**
 * Orders slide files by name and splits each. Keys are paths as `import.meta.glob` gives
 * them (`../../slides/01-x.md`); the plan names files as `slides/01-x.md`.
 */
export function planDeck(files: Record<string, string>): FilePlan[] {
  return Object.keys(files)
    .sort(compareFileNames)
    .map((path) => {
      const file = displayName(path);
      const source = files[path];
      const split = splitSlides(source);
      return split.ok ? { file, ok: true, stacks: split.stacks } : { file, ok: false, error: split.error, source };
    });
}

/** Orders by file name only, so `slides/10-x.md` follows `slides/09-y.md`, as authors expect. */
function compareFileNames(a: string, b: string): number {
  // One collator for the sort: `localeCompare` with options builds one per call (~2 ms each on a slow phone).
  fileNameOrder ??= new Intl.Collator('en', { numeric: true });
  return fileNameOrder.compare(baseName(a), baseName(b));
}
let fileNameOrder: Intl.Collator | undefined;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `../../slides/01-x.md` → `slides/01-x.md`: the path an author sees in the repo. */
export function displayName(path: string): string {
  return path.replace(/^(\.{1,2}\/|\/)+/, '');
}
