// The deck's CJK fallback font: a subset of Noto Sans SC (npm `@fontsource-variable/noto-sans-sc`,
// OFL-1.1) holding exactly the characters the deck shows, built at build time with harfbuzz's
// subsetter (`subset-font`). It is the LAST family of the theme's stacks, so a browser only
// downloads it on a machine with no CJK font of its own; with one, nothing is fetched.
//
// Fontsource ships the font as ~100 slices (one woff2 per unicode-range, like Google Fonts).
// We subset each slice the deck needs down to the deck's characters and emit one `@font-face`
// per slice, its `unicode-range` the code points it really covers (read back from its cmap).
// The variable `wght` axis is kept between 400 and 700, so one file serves body text and bold.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The family name the theme's font stacks end with. */
export const FALLBACK_FAMILY = 'Rectify CJK Fallback';

/** What the deck imports (one line in src/deck/main.ts); resolves to the generated CSS. */
export const FALLBACK_CSS_ID = 'virtual:fallback-font.css';
/** The file name `FALLBACK_CSS_ID` resolves to, which a build's stylesheet is named after. */
export const FALLBACK_CSS_FILE = 'fallback-font.css';

const SOURCE_PACKAGE = '@fontsource-variable/noto-sans-sc';
// Regular and bold are all the theme uses; a narrower axis makes smaller files.
const WEIGHTS = { min: 400, max: 700 };

/**
 * Where the deck's visible text comes from, relative to the repository: every slide file
 * (zh and en, speaker notes and code included), the page shell, and all of `src/` — read
 * whole, so that strings added anywhere (ui-text.ts, an `i18n/` folder, a message in
 * resume.ts) are covered with no list to keep up to date.
 */
export const TEXT_SOURCES = [
  { dir: 'slides', ext: ['.md'] },
  { dir: 'src', ext: ['.ts', '.css', '.html', '.json'] },
  { file: 'index.html' },
];

/** Whether a path (absolute) is one of the text sources, so dev can regenerate on its change. */
export function isTextSource(path, root = ROOT) {
  const rel = relative(root, path).split('\\').join('/');
  if (rel.startsWith('..')) return false;
  return TEXT_SOURCES.some((s) => (s.file ? rel === s.file : rel.startsWith(`${s.dir}/`) && s.ext.some((e) => rel.endsWith(e))));
}

/** The text of every source file, concatenated (file order is irrelevant: we want the set). */
export function readDeckText(root = ROOT) {
  const parts = [];
  for (const source of TEXT_SOURCES) {
    if (source.file) {
      const path = join(root, source.file);
      if (existsSync(path)) parts.push(readFileSync(path, 'utf8'));
      continue;
    }
    const dir = join(root, source.dir);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      if (source.ext.some((e) => name.endsWith(e))) parts.push(readFileSync(join(dir, name), 'utf8'));
    }
  }
  return parts.join('\n');
}

/**
 * The distinct visible characters of a text, as sorted code points: whitespace, controls and
 * default-ignorable marks (variation selectors, joiners) draw nothing and need no glyph.
 */
export function glyphSet(text) {
  const visible = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
  const ignorable = /^\p{Default_Ignorable_Code_Point}$/u;
  const set = new Set();
  for (const char of text) if (visible.test(char) && !ignorable.test(char)) set.add(char.codePointAt(0));
  return [...set].sort((a, b) => a - b);
}

/** `U+4E00-4E01, U+4E09`: sorted code points as a CSS unicode-range. */
export function toUnicodeRange(codePoints) {
  const ranges = [];
  for (const cp of [...codePoints].sort((a, b) => a - b)) {
    const last = ranges.at(-1);
    if (last && cp === last[1] + 1) last[1] = cp;
    else if (!last || cp > last[1]) ranges.push([cp, cp]);
  }
  const hex = (n) => n.toString(16).toUpperCase();
  return ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(', ');
}

/** Parses a CSS unicode-range (`U+4E00-4E01, U+4E09`) into [first, last] pairs. */
export function parseUnicodeRange(range) {
  return range
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part) => {
      const [a, b = a] = part.split('-').map((h) => parseInt(h, 16));
      return [a, b];
    });
}

/** The source font's slices: `{ id, file, ranges }` from Fontsource's own unicode.json. */
function sourceSlices() {
  const dir = dirname(require.resolve(`${SOURCE_PACKAGE}/package.json`));
  const unicode = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8'));
  return Object.entries(unicode).map(([key, range]) => {
    const id = key.replace(/[[\]]/g, '');
    return { id, file: join(dir, 'files', `noto-sans-sc-${id}-wght-normal.woff2`), ranges: parseUnicodeRange(range) };
  });
}

/** Versions that change the output: a new font or subsetter invalidates the cache. */
function toolVersions() {
  const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  return `${SOURCE_PACKAGE}@${version(SOURCE_PACKAGE)} subset-font@${version('subset-font')} v1 ${WEIGHTS.min}-${WEIGHTS.max}`;
}

/**
 * Builds (or takes from `cacheDir`) the fallback's woff2 files for the given code points.
 * Resolves to `{ faces: [{ file, codePoints }], covered, uncovered }`: `uncovered` are the
 * code points Noto Sans SC does not have (emoji, Greek…), left to the system's fonts.
 */
export async function buildFallbackFont(codePoints, { cacheDir = defaultCacheDir() } = {}) {
  await mkdir(cacheDir, { recursive: true });
  const versions = toolVersions();
  const wanted = new Set(codePoints);
  const bySlice = new Map();
  for (const slice of sourceSlices()) {
    const inSlice = [...wanted].filter((cp) => slice.ranges.some(([a, b]) => cp >= a && cp <= b));
    if (inSlice.length) bySlice.set(slice, inSlice);
  }
  const faces = [];
  for (const [slice, inSlice] of bySlice) {
    const key = createHash('sha256')
      .update(`${versions}\n${slice.id}\n${inSlice.join(',')}`)
      .digest('hex')
      .slice(0, 16);
    const file = join(cacheDir, `noto-sans-sc-${slice.id}-${key}.woff2`);
    const meta = `${file}.json`;
    if (!existsSync(file) || !existsSync(meta)) await subsetSlice(slice.file, inSlice, file, meta);
    const covered = JSON.parse(await readFile(meta, 'utf8'));
    if (covered.length) faces.push({ file, codePoints: covered });
  }
  const covered = new Set(faces.flatMap((f) => f.codePoints));
  return {
    faces,
    covered: [...covered].sort((a, b) => a - b),
    uncovered: codePoints.filter((cp) => !covered.has(cp)),
  };
}

/** Subsets one slice, reads back which code points its cmap really maps, writes both (atomically: builds may run side by side). */
async function subsetSlice(source, codePoints, file, meta) {
  const { default: subsetFont } = await import('subset-font');
  const hb = await import('harfbuzzjs');
  const input = await readFile(source);
  const text = String.fromCodePoint(...codePoints);
  const options = { variationAxes: { wght: WEIGHTS }, preserveNameIds: [0, 13, 14] };
  const sfnt = await subsetFont(input, text, { ...options, targetFormat: 'sfnt' });
  const mapped = new Set(new hb.Face(new hb.Blob(sfnt)).collectUnicodes());
  const covered = codePoints.filter((cp) => mapped.has(cp));
  const woff2 = await subsetFont(sfnt, text, { targetFormat: 'woff2', preserveNameIds: [0, 13, 14] });
  const tmp = `.${process.pid}-${Date.now()}.tmp`;
  await writeFile(file + tmp, woff2);
  await writeFile(meta + tmp, JSON.stringify(covered));
  await rename(file + tmp, file);
  await rename(meta + tmp, meta);
}

const CACHE_NAME = 'rectify-fallback-font';

/** `node_modules/.cache/rectify-fallback-font`: survives builds, goes with `rm -rf node_modules`. */
export function defaultCacheDir(root = ROOT) {
  return join(root, 'node_modules', '.cache', CACHE_NAME);
}

/** Whether a file is one of the fallback's woff2 files (matched by folder name: node_modules may be a symlink). */
export function isFallbackFontFile(path) {
  return path.split(/[\\/]/).includes(CACHE_NAME);
}

/** The `@font-face` rules for built faces; `url()`s relative to `cssDir`, where Vite resolves them. */
export function fallbackCss(faces, cssDir) {
  return faces
    .map(({ file, codePoints }) =>
      [
        '@font-face {',
        `  font-family: '${FALLBACK_FAMILY}';`,
        '  font-style: normal;',
        `  font-weight: ${WEIGHTS.min} ${WEIGHTS.max};`,
        '  font-display: swap;',
        `  src: url('./${relative(cssDir, file).split('\\').join('/')}') format('woff2');`,
        `  unicode-range: ${toUnicodeRange(codePoints)};`,
        '}',
      ].join('\n'),
    )
    .join('\n');
}

/** The font's licence (OFL-1.1 asks that it travels with the font). */
export function fontLicence() {
  return readFileSync(join(dirname(require.resolve(`${SOURCE_PACKAGE}/package.json`)), 'LICENSE'), 'utf8');
}

/**
 * Vite plugin: `import 'virtual:fallback-font.css'` gets the `@font-face` rules. Vite then
 * treats the woff2 files like any CSS asset (hashed into `dist/assets/`, relative to `base`).
 * In dev, editing a slide that brings a new character regenerates the set and hot-reloads
 * the CSS; the cache makes an unchanged set cost one directory read.
 */
export function fallbackFontPlugin({ root = ROOT, cacheDir = defaultCacheDir(root) } = {}) {
  // A real path (that is never written) so that Vite resolves the url()s next to it.
  const cssId = join(cacheDir, FALLBACK_CSS_FILE);
  let current = null; // { key, css, result }
  let pending = null;
  let log = { info: (m) => console.log(m), warn: (m) => console.warn(m) };

  async function generate() {
    const codePoints = glyphSet(readDeckText(root));
    const key = codePoints.join(',');
    if (current?.key === key) return false;
    const started = Date.now();
    const result = await buildFallbackFont(codePoints, { cacheDir });
    // Emoji are the system's job (Debian: fonts-noto-color-emoji); anything else uncovered is worth a line.
    const notEmoji = result.uncovered.filter((cp) => !/\p{Extended_Pictographic}/u.test(String.fromCodePoint(cp)));
    if (notEmoji.length)
      log.info(
        `fallback font: ${notEmoji.length} character(s) not in Noto Sans SC, left to system fonts: ` +
          notEmoji.map((cp) => String.fromCodePoint(cp)).join(' '),
      );
    const ms = Date.now() - started;
    if (ms > 1000) log.info(`fallback font: ${result.covered.length} characters in ${result.faces.length} files (${ms} ms)`);
    current = { key, css: fallbackCss(result.faces, cacheDir), result };
    return true;
  }
  const ready = () => (pending ??= generate().finally(() => (pending = null)));

  return {
    name: 'rectify-fallback-font',
    configResolved(config) {
      log = { info: (m) => config.logger.info(m), warn: (m) => config.logger.warn(m) };
    },
    buildStart: () => ready(),
    resolveId: (id) => (id === FALLBACK_CSS_ID ? cssId : undefined),
    async load(id) {
      if (id !== cssId) return undefined;
      await ready();
      return current.css;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'assets/noto-sans-sc-OFL.txt', source: fontLicence() });
    },
    async handleHotUpdate({ file, server }) {
      if (!isTextSource(file, root)) return;
      await pending; // a generation in flight read the files before this change
      if (!(await ready())) return;
      const module = server.moduleGraph.getModuleById(cssId);
      if (module) await server.reloadModule(module);
    },
  };
}
