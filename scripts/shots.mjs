// `npm run shots`: screenshots of every slide, for people to look at. Builds the deck (unless
// --no-build), serves it on 127.0.0.1, and in headless Chromium shows each slide in Chinese and
// English at 1280×800, 1920×1080 and a 390×844 phone, after running its live blocks once.
//
//   npm run shots                                  → shots/<lang>-<size>/<NN>-<slide id>.png
//   npm run shots -- --lang en --size 390x844 --slide bouncer
//   npm run shots -- --no-build --dist dist-visual --out /tmp/shots
//
// --lang, --size and --slide take one value or a comma-separated list. Besides the slides,
// each desktop folder gets overview.png (reveal's overview, O) and help.png (the ? overlay);
// a phone slide taller than the screen is shot one screen at a time (NN-id.png, NN-id-2.png…).
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './find-chromium.mjs';
import { serveStatic } from './static-server.mjs';
import { LANGUAGES, VIEWPORTS, listSlides, openDeck, runBlocks, setHelp, setOverview, shoot, showSlide } from './visit-slides.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Takes the screenshots. Options: `dist` (built deck; default `RECTIFY_DIST` or `dist`),
 * `build` (true: build first; false: use the existing build), `out` (folder, default `shots`),
 * `langs`, `sizes`, `slides` (ids; all when empty), `log`. Resolves to the files written,
 * the notes taken on the way (runs that failed, page errors) and the time it took.
 */
export async function takeShots(options = {}) {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const dist = resolve(ROOT, options.dist ?? process.env.RECTIFY_DIST ?? 'dist');
  const out = resolve(options.out ?? 'shots');
  const langs = options.langs?.length ? options.langs : LANGUAGES;
  const sizes = options.sizes?.length ? options.sizes : Object.keys(VIEWPORTS);
  for (const lang of langs) if (!LANGUAGES.includes(lang)) throw new Error(`unknown language "${lang}" (known: ${LANGUAGES.join(', ')})`);
  for (const size of sizes) if (!VIEWPORTS[size]) throw new Error(`unknown size "${size}" (known: ${Object.keys(VIEWPORTS).join(', ')})`);

  if (options.build) {
    log(`building the deck into ${relative(process.cwd(), dist) || '.'} …`);
    const { build } = await import('vite');
    await build({ root: ROOT, logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
  }
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`No built deck in ${dist} (run \`npm run build\`, or drop --no-build).`);

  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const { chromium } = await import('playwright-core');
  const server = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const files = [];
  const notes = [];
  try {
    for (const lang of langs) {
      for (const size of sizes) {
        const folder = join(out, `${lang}-${size}`);
        // A whole set replaces the folder: slide numbers shift when slides are added, and an
        // old 07-bouncer.png next to a new 08-bouncer.png would mislead whoever looks.
        if (!options.slides?.length) await rm(folder, { recursive: true, force: true });
        const deck = await openDeck(browser, server.url, { lang, size });
        try {
          const all = await listSlides(deck.page);
          const chosen = options.slides?.length ? all.filter((s) => options.slides.includes(s.id)) : all;
          if (options.slides?.length && chosen.length !== options.slides.length) {
            const missing = options.slides.filter((id) => !all.some((s) => s.id === id));
            throw new Error(`no slide with id ${missing.map((id) => `"${id}"`).join(', ')} (ids: ${all.map((s) => s.id).join(', ')})`);
          }
          for (const slide of chosen) {
            await showSlide(deck, slide);
            notes.push(...(await runBlocks(deck)).map((note) => `${lang} ${size} ${note}`));
            files.push(...(await shoot(deck, join(folder, `${slide.name}.png`))));
          }
          // The overview and the help overlay, once per folder (the scroll view has neither).
          if (!deck.scrollView && !options.slides?.length) {
            // From a slide in the middle of the deck's top row (not inside a vertical stack,
            // where the overview centres on the stack's column), so thumbnails show on both sides.
            const middle = await deck.page.evaluate(() => {
              const row = window.Reveal.getHorizontalSlides().filter((s) => !s.querySelector('section'));
              return window.Reveal.getSlides().indexOf(row[Math.floor(row.length / 2)]);
            });
            await showSlide(deck, all.find((s) => s.index === middle) ?? all[0]);
            await setOverview(deck, true);
            files.push(...(await shoot(deck, join(folder, 'overview.png'))));
            await setOverview(deck, false);
            await setHelp(deck, true);
            files.push(...(await shoot(deck, join(folder, 'help.png'))));
            await setHelp(deck, false);
          }
          notes.push(...deck.errors.map((error) => `${lang} ${size} page error: ${error}`));
          log(`${relative(process.cwd(), folder)}/: ${chosen.length} slides (${Math.round((Date.now() - started) / 1000)} s so far)`);
        } finally {
          await deck.context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { out, files, notes, seconds: (Date.now() - started) / 1000 };
}

/** The command line's options: `--name value` or `--name=value`; lists are comma-separated. */
function parseArgs(args) {
  const options = { build: true };
  const value = (i) => {
    const [name, inline] = args[i].split(/=(.*)/s);
    return { name, text: inline ?? args[i + 1], used: inline === undefined ? 2 : 1 };
  };
  for (let i = 0; i < args.length;) {
    if (args[i] === '--no-build' || args[i] === '--build') {
      options.build = args[i] === '--build';
      i++;
      continue;
    }
    const { name, text, used } = value(i);
    if (text === undefined || !['--lang', '--size', '--slide', '--dist', '--out'].includes(name)) {
      throw new Error(`unknown option "${args[i]}"\n${USAGE}`);
    }
    const list = text.split(',').filter(Boolean);
    if (name === '--lang') options.langs = list;
    else if (name === '--size') options.sizes = list;
    else if (name === '--slide') options.slides = list;
    else if (name === '--dist') options.dist = text;
    else options.out = text;
    i += used;
  }
  return options;
}

const USAGE =
  'usage: npm run shots -- [--lang zh,en] [--size 1280x800,1920x1080,390x844] [--slide id,…] [--dist dist] [--out shots] [--no-build]';

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  try {
    const { out, files, notes, seconds } = await takeShots({ ...parseArgs(process.argv.slice(2)), log: (line) => console.log(line) });
    for (const note of notes) console.log(`note: ${note}`);
    // A quick re-shoot of a slide or two: name the files, so they can be opened straight away.
    if (files.length <= 6) for (const file of files) console.log(relative(process.cwd(), file));
    console.log(`wrote ${files.length} screenshots to ${relative(process.cwd(), out) || '.'}/ in ${seconds.toFixed(0)} s`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
