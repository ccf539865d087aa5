// Draws the web manifest's icons (public/icons/*.png) from the ReLU hinge in
// public/icons/icon.svg, once, with the Chromium the browser tests use: `node scripts/make-icons.mjs`.
// The PNGs are committed; run this again only when the SVG changes. "maskable" is the same
// drawing with a full-bleed background and the hinge inside the central safe zone (80 %), as
// Android crops it to a circle or a squircle.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './find-chromium.mjs';

const DIR = new URL('../public/icons/', import.meta.url);
const svg = readFileSync(new URL('icon.svg', DIR), 'utf8');
/** The maskable variant: square corners, the drawing shrunk to 70 % around the centre. */
const maskable = svg
  .replace(/\brx="\d+"/, 'rx="0"')
  .replace('<g id="hinge">', '<g id="hinge" transform="translate(76.8 76.8) scale(0.7)">');

const executablePath = findChromium();
if (!executablePath) throw new Error(INSTALL_HINT);
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
try {
  for (const [name, size, source] of [
    ['icon-192.png', 192, svg],
    ['icon-512.png', 512, svg],
    ['maskable-512.png', 512, maskable],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
    await page.screenshot({ path: new URL(name, DIR).pathname, omitBackground: true });
    await page.close();
    console.log(`public/icons/${name}`);
  }
} finally {
  await browser.close();
}
