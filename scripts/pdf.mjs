// `npm run pdf`: the PDF handout. Builds the deck (unless --no-build and dist/ exists), serves
// it on 127.0.0.1, opens `?print-pdf` in headless Chromium, waits until every live block has
// run and its plots are images (`data-print-ready`), and prints one page per slide.
//
//   npm run pdf                          → rectify-handout.pdf
//   npm run pdf -- out/talk.pdf --lang=en --no-build --dist=dist
//
// Fails, writing nothing, when a printed character would be a box (no font has it).
//
// Fragments are printed in their final state (`pdfSeparateFragments=false`): a handout
// wants one page per slide, not one per click.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './find-chromium.mjs';
import { describeMissingGlyphs, findMissingGlyphs } from './missing-glyphs.mjs';
import { serveStatic } from './static-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Makes the handout. Options: `out` (PDF path), `dist` (built deck), `build` (true: always
 * build; false: never; default: only when `dist/index.html` is missing), `lang` ('en' for the
 * English deck), `timeoutMs` (longest wait for the outputs), `browser` (a playwright Browser
 * to reuse), `log` (progress lines). Resolves to what was printed.
 */
export async function makePdf(options = {}) {
  const dist = resolve(ROOT, options.dist ?? 'dist');
  const out = resolve(options.out ?? 'rectify-handout.pdf');
  const log = options.log ?? (() => {});
  if (options.build === true || (options.build !== false && !existsSync(join(dist, 'index.html')))) {
    log(`building the deck into ${dist} …`);
    const { build } = await import('vite');
    await build({ root: ROOT, logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
  }
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`No built deck in ${dist} (run \`npm run build\`).`);

  const server = await serveStatic(dist);
  const { chromium } = await import('playwright-core');
  let browser = options.browser;
  const ownBrowser = !browser;
  if (ownBrowser) {
    const executablePath = findChromium();
    if (!executablePath) throw new Error(INSTALL_HINT);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    const query = `?print-pdf&pdfSeparateFragments=false${options.lang ? `&lang=${encodeURIComponent(options.lang)}` : ''}`;
    log(`opening ${server.url}${query} and running the live blocks …`);
    const missing = [];
    page.on('response', (response) => {
      if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
    });
    const explain = (what, error) =>
      new Error(
        `${what} (${error instanceof Error ? error.message.split('\n')[0] : error})` +
          (missing.length ? `; failed requests: ${missing.join(', ')}` : '') +
          (problems.length ? `; page errors: ${problems.join(' | ')}` : ''),
      );
    await page.goto(server.url + query);
    await page
      .waitForFunction(() => document.documentElement.dataset.deckReady === 'true', null, { timeout: 60_000 })
      .catch((error) => {
        throw explain('The deck did not start', error);
      });
    await page
      .waitForFunction(() => document.documentElement.dataset.printReady === 'true', null, {
        timeout: options.timeoutMs ?? 300_000,
        polling: 200,
      })
      .catch((error) => {
        throw explain("The live blocks' outputs were not ready", error);
      });
    const summary = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll('[data-live]')];
      const images = [...document.querySelectorAll('[data-live] img.live-plot-image')];
      return {
        pages: document.querySelectorAll('.reveal .slides .pdf-page').length,
        slides: window.Reveal.getTotalSlides(),
        blocks: blocks.length,
        // Blocks whose code calls plot(…): each should end with at least one image.
        plotBlocks: blocks.filter((el) => /\bplot\s*\(/.test(el.querySelector('.live-code')?.textContent ?? '')).map((el) => el.id),
        plots: images.length,
        blocksWithPlots: blocks.filter((el) => el.querySelector('img.live-plot-image')).map((el) => el.id),
        // Pixel sizes of the distinct plot images, to find them again in the PDF.
        imageSizes: [...new Map(images.map((img) => [img.src, [img.naturalWidth, img.naturalHeight]])).values()],
        undrawnPlots: document.querySelectorAll('[data-live] div.live-plot').length,
        // A block printed with the build's output of its own code did not run here: 'precomputed'.
        statuses: Object.fromEntries(
          blocks.map((el) => [
            el.id,
            el.getAttribute('data-output-from') === 'precomputed' ? 'precomputed' : (el.getAttribute('data-status') ?? ''),
          ]),
        ),
        editors: document.querySelectorAll('.monaco-editor').length,
        scaled: document.querySelectorAll('section[data-print-scale]').length,
        // Slides whose content still runs past the bottom of their page.
        overflowing: [...document.querySelectorAll('.reveal .slides .pdf-page')]
          .filter((pageEl) => {
            const slide = pageEl.querySelector(':scope > section');
            return slide && slide.getBoundingClientRect().bottom > pageEl.getBoundingClientRect().bottom + 1;
          })
          .map((pageEl) => pageEl.querySelector(':scope > section')?.id || '(no id)'),
      };
    });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    // On a machine without a CJK font (and a broken fallback) the handout was all boxes and
    // this script said "wrote …": check every printed character against the fonts it really
    // got, and write nothing rather than a PDF of boxes.
    const glyphs = await findMissingGlyphs(page);
    if (glyphs.missing.length)
      throw new Error(
        `The handout would show ${glyphs.missing.length} character(s) as boxes (no font here has them): ` +
          `${describeMissingGlyphs(glyphs.missing)}. Install fonts that have them (Debian: fonts-noto-cjk ` +
          'fonts-noto-color-emoji), or check the fallback font built from the slides (scripts/fallback-font.mjs).',
      );
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, pdf);
    log(
      `wrote ${out}: ${summary.pages} pages for ${summary.slides} slides, ${summary.blocks} live blocks, ${summary.plots} plot images` +
        (summary.scaled ? `, ${summary.scaled} slides scaled to fit` : ''),
    );
    const failed = Object.entries(summary.statuses)
      .filter(([, status]) => status !== 'done' && status !== 'precomputed')
      .map(([id, status]) => `${id} (${status})`);
    if (failed.length) log(`blocks that did not finish cleanly (their message is in the PDF): ${failed.join(', ')}`);
    if (summary.overflowing.length) log(`slides still taller than a page: ${summary.overflowing.join(', ')}`);
    if (problems.length) log(`page errors: ${problems.join(' | ')}`);
    return { ...summary, path: out, bytes: pdf.length, pdf, problems, glyphsChecked: glyphs.checked };
  } finally {
    await context.close();
    if (ownBrowser) await browser.close();
    await server.close();
  }
}

/**
 * The image XObjects of a PDF as Chromium writes it (uncompressed object dictionaries):
 * `{ width, height }` of each picture, soft masks (alpha channels) left out.
 */
export function pdfImages(pdf) {
  const text = Buffer.from(pdf).toString('latin1');
  const masks = new Set([...text.matchAll(/\/SMask\s+(\d+)\s+0\s+R/g)].map((m) => m[1]));
  const images = [];
  for (const m of text.matchAll(/(\d+)\s+0\s+obj\s*<<\s*\/Type\s*\/XObject\s*\/Subtype\s*\/Image\s*\/Width\s+(\d+)\s*\/Height\s+(\d+)/g)) {
    if (!masks.has(m[1])) images.push({ width: Number(m[2]), height: Number(m[3]) });
  }
  return images;
}

/** Page count of a PDF as Chromium writes it (its page tree's `/Count`). */
export function pdfPageCount(pdf) {
  const text = Buffer.from(pdf).toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g)].map((m) => Number(m[1]));
  if (counts.length) return Math.max(...counts);
  return (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const flag = (name) =>
    args
      .find((a) => a.startsWith(`--${name}=`))
      ?.split('=')
      .slice(1)
      .join('=');
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: npm run pdf -- [out.pdf] [--lang=en] [--no-build | --build] [--dist=dist]');
    process.exit(0);
  }
  const out = args.find((a) => !a.startsWith('--'));
  makePdf({
    out,
    lang: flag('lang'),
    dist: flag('dist'),
    // A handout of stale slides is worse than a 10-second build: build unless told not to.
    build: args.includes('--no-build') ? false : true,
    log: (line) => console.log(line),
  }).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
