/**
 * Comments that name a file must name one that exists: a renamed or deleted file leaves its
 * old name behind in the comments that explain it (`load-editor.ts` did, issue 10). Every
 * `something.ts` / `something.mjs` in a comment under src/ must resolve to a file, relative to
 * the commenting file, to src/ or to the repository, or (a bare name) to a file of that name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SKIP = new Set(['node_modules', '.git', 'dist', 'coverage']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name) || entry.name.startsWith('dist-') || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const repoFiles = filesUnder('.');
const existing = new Set(repoFiles);
const basenames = new Set(repoFiles.map((file) => basename(file)));

/** The text of a TypeScript file's comments (line and block), each with its line number. */
export function commentsOf(text: string): Array<{ line: number; text: string }> {
  const found: Array<{ line: number; text: string }> = [];
  for (const match of text.matchAll(/\/\*[\s\S]*?\*\/|(?<![:/'"`\\])\/\/[^\n]*/g)) {
    found.push({ line: text.slice(0, match.index).split('\n').length, text: match[0] });
  }
  return found;
}

/** File names (`x.ts`, `dir/x.mjs`) a comment mentions; URLs and `.d.ts.txt`-style longer names are not file names here. */
export function fileNamesIn(comment: string): string[] {
  return [...comment.matchAll(/(?<![\w./:@-])((?:\.{0,2}\/)?[\w-]+(?:[./][\w-]+)*\.(?:ts|mjs))(?![\w.-]*\w)/g)]
    .map((match) => match[1])
    .filter((name) => !name.includes('node_modules'));
}

function resolves(name: string, from: string): boolean {
  if (!name.includes('/')) return basenames.has(name);
  const candidates = [join(dirname(from), name), join('src', name), join('.', name)];
  return candidates.some((path) => existing.has(path));
}

describe('file names in src/ comments', () => {
  it('finds the names it checks (the scan itself works)', () => {
    expect(fileNamesIn('// see plot-schema.ts and src/sandbox/wrap.ts, not file:///node_modules/core/index.d.ts')).toEqual([
      'plot-schema.ts',
      'src/sandbox/wrap.ts',
    ]);
    expect(fileNamesIn('// generated/core.d.ts.txt, e.g. `x.tsx`')).toEqual([]);
    expect(resolves('plot-schema.ts', 'src/sandbox/validate.ts')).toBe(true);
    expect(resolves('load-editor.ts', 'src/editor/monaco.ts')).toBe(false);
  });

  it('every *.ts / *.mjs file a comment names exists', () => {
    const missing = repoFiles
      .filter((file) => file.startsWith('src/') && /\.(ts|mts|mjs)$/.test(file))
      .flatMap((file) =>
        commentsOf(readFileSync(file, 'utf8')).flatMap(({ line, text }) =>
          fileNamesIn(text)
            .filter((name) => !resolves(name, file))
            .map((name) => `${file}:${line} names ${name}`),
        ),
      );
    expect(missing).toEqual([]);
  });
});
