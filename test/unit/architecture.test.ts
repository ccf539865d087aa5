/**
 * Dependencies point one way (README.md, "Layout"; STYLE.md §9): `core` imports nothing else;
 * `sandbox` reaches the core only from its snippet module (which the runner bundles); `slides`
 * and `i18n` are leaves; `live` is reached only through `live/index.ts`; nothing imports the
 * entry's folder `deck`; `editor`, `plot`, the sandbox host, Monaco, Plotly and KaTeX load only
 * through `import()` (the first slide must not pay for them).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Import {
  file: string;
  specifier: string;
  /** `import type …` or `export type … from` */
  typeOnly: boolean;
  /** `import('…')` */
  dynamic: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
    found.push({ file, specifier: m[3] ?? m[4], typeOnly: Boolean(m[2]), dynamic: false });
  }
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) found.push({ file, specifier: m[1], typeOnly: false, dynamic: true });
  return found;
}

/** The `src/` folder an import lands in, or the package name for a bare import. */
function target(from: Import): string {
  if (!from.specifier.startsWith('.'))
    return from.specifier.split('/')[0].startsWith('@') ? from.specifier.split('/').slice(0, 2).join('/') : from.specifier.split('/')[0];
  const base = from.file.split('/').slice(0, -1);
  for (const part of from.specifier.split('/')) {
    if (part === '..') base.pop();
    else if (part !== '.') base.push(part);
  }
  const at = base.indexOf('src');
  return at >= 0 ? base.slice(at, at + 2).join('/') : base.slice(0, 2).join('/');
}

const all = sourceFiles('src').flatMap(importsOf);
const folder = (i: Import) => i.file.split('/').slice(0, 2).join('/');
/** The deck's own folders (everything but the core, the sandbox and the lazy editor and plot). */
const APP = ['src/deck', 'src/slides', 'src/live', 'src/tools', 'src/i18n'];
const bad = (filter: (i: Import) => boolean) => all.filter(filter).map((i) => `${i.file} → ${i.specifier}`);

describe('import directions', () => {
  it('core imports only core', () => {
    expect(bad((i) => folder(i) === 'src/core' && target(i) !== 'src/core')).toEqual([]);
  });

  it('sandbox reaches the core only from the snippet module (and Vite only from its build-time plugin)', () => {
    expect(bad((i) => folder(i) === 'src/sandbox' && target(i) === 'src/core' && i.file !== 'src/sandbox/snippet-module.ts')).toEqual([]);
    expect(
      bad((i) => folder(i) === 'src/sandbox' && target(i).startsWith('src/') && !['src/sandbox', 'src/core'].includes(target(i))),
    ).toEqual([]);
  });

  it('editor and plot import none of the deck and not each other', () => {
    expect(bad((i) => ['src/editor', 'src/plot'].includes(folder(i)) && APP.includes(target(i)) && target(i) !== folder(i))).toEqual([]);
  });

  it('slides and i18n import nothing of the app (slides may name the i18n Language type)', () => {
    expect(bad((i) => folder(i) === 'src/i18n' && target(i).startsWith('src/') && target(i) !== 'src/i18n')).toEqual([]);
    expect(
      bad(
        (i) =>
          folder(i) === 'src/slides' &&
          target(i).startsWith('src/') &&
          target(i) !== 'src/slides' &&
          !(target(i) === 'src/i18n' && i.typeOnly),
      ),
    ).toEqual([]);
  });

  it('live imports slides, i18n and the sandbox, never the tools or the deck', () => {
    expect(bad((i) => folder(i) === 'src/live' && ['src/tools', 'src/deck'].includes(target(i)))).toEqual([]);
  });

  it('tools reach live code only through live/index.ts', () => {
    expect(bad((i) => folder(i) !== 'src/live' && target(i) === 'src/live' && !/\/live$/.test(i.specifier))).toEqual([]);
  });

  it('nothing imports deck, the entry’s folder', () => {
    expect(bad((i) => folder(i) !== 'src/deck' && target(i) === 'src/deck')).toEqual([]);
  });

  it('room imports only itself, the sandbox’s parameter rule and protocol types, ws, uqr and Node', () => {
    const fromRoom = all.filter((i) => folder(i) === 'src/room');
    const allowedSandbox = (i: Import) =>
      /sandbox\/param-name$/.test(i.specifier) || (i.typeOnly && /sandbox\/(protocol|validate)$/.test(i.specifier));
    expect(
      fromRoom
        .filter((i) => !['src/room', 'ws', 'uqr'].includes(target(i)) && !target(i).startsWith('node:'))
        .filter((i) => !(target(i) === 'src/sandbox' && allowedSandbox(i)))
        .map((i) => `${i.file} → ${i.specifier}`),
    ).toEqual([]);
    // Control: the scan sees the room's imports.
    expect(fromRoom.some((i) => target(i) === 'ws')).toBe(true);
  });

  it('live and tools reach the room’s pure modules only: the Node relay is for `npm run present`', () => {
    expect(bad((i) => folder(i) !== 'src/room' && target(i) === 'src/room' && /relay$/.test(i.specifier))).toEqual([]);
    expect(
      bad(
        (i) =>
          folder(i) !== 'src/room' &&
          target(i) === 'src/room' &&
          !['src/live', 'src/tools', 'src/deck', 'src/audience'].includes(folder(i)),
      ),
    ).toEqual([]);
  });

  it('audience (the room in the browser) is imported by the entry only, and reaches live only through live/index.ts', () => {
    expect(bad((i) => !['src/deck', 'src/audience'].includes(folder(i)) && target(i) === 'src/audience')).toEqual([]);
    expect(bad((i) => folder(i) === 'src/audience' && target(i) === 'src/live' && !/\/live$/.test(i.specifier))).toEqual([]);
    // The browser side checks runs with the sandbox's own validator; it never reaches the sandbox's host or runner.
    expect(
      bad(
        (i) =>
          folder(i) === 'src/audience' && target(i) === 'src/sandbox' && !i.typeOnly && !/sandbox\/(validate|limits)$/.test(i.specifier),
      ),
    ).toEqual([]);
    expect(bad((i) => folder(i) === 'src/audience' && ['src/editor', 'src/plot', 'src/deck', 'src/core'].includes(target(i)))).toEqual([]);
    // Control: the scan sees the entry importing it.
    expect(all.some((i) => i.file === 'src/deck/main.ts' && target(i) === 'src/audience')).toBe(true);
  });

  it('Monaco, Plotly, KaTeX, the editor, plots and the sandbox host load only through import()', () => {
    const heavy = (i: Import) =>
      ['monaco-editor', 'plotly.js-cartesian-dist-min', 'plotly.js-dist-min', 'katex', 'src/editor', 'src/plot'].includes(target(i)) ||
      /sandbox\/host$/.test(i.specifier);
    expect(bad((i) => APP.includes(folder(i)) && heavy(i) && !i.dynamic && !i.typeOnly && !/\.css$/.test(i.specifier))).toEqual([]);
  });

  it('sees the imports it checks (the scan itself works)', () => {
    expect(all.some((i) => i.file === 'src/sandbox/snippet-module.ts' && target(i) === 'src/core')).toBe(true);
    expect(all.some((i) => i.file === 'src/deck/main.ts' && i.specifier === 'reveal.js')).toBe(true);
    expect(all.some((i) => i.file === 'src/deck/main.ts' && target(i) === 'src/live')).toBe(true);
    expect(all.some((i) => i.file.startsWith('src/live/') && i.dynamic && i.specifier.includes('editor'))).toBe(true);
    expect(all.some((i) => i.file.startsWith('src/tools/') && target(i) === 'src/live')).toBe(true);
  });
});
