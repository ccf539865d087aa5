/**
 * Cold load of the built deck vs a plain reveal.js + markdown page built from the same
 * slides: time to the first slide visible, and JS + CSS (gzip) loaded before it. Runs are
 * interleaved (deck, reference, deck, …) in fresh browser contexts; medians are printed
 * with the paired ratio. Budget (issue 2): ≤ 1.2× the reference's time, ≤ 150 KB gzip.
 */
import { afterAll, beforeAll, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { DIST, firstSlideProbe, launchChromium } from '../test/e2e/harness';
import { buildReferenceDeck, REFERENCE_DIR } from './reference-deck';
import { serveStatic, type StaticServer } from '../scripts/static-server.mjs';

const RUNS = 15;

let browser: Browser;
let deck: StaticServer;
let reference: StaticServer;

beforeAll(async () => {
  await buildReferenceDeck();
  deck = await serveStatic(DIST);
  reference = await serveStatic(REFERENCE_DIR);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await deck?.close();
  await reference?.close();
});

interface Sample {
  ms: number;
  /** JS + CSS files fetched before the first slide showed. */
  files: string[];
}

/** Opens `url` in a fresh context and times it until the first slide's heading is laid out and reveal is ready. */
async function coldLoad(url: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const { shown } = await firstSlideProbe(page, 30_000);
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await shown;
  const files = await page.evaluate(
    (ms) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= ms)
        .map((entry) => entry.name)
        .concat(location.href),
    ms,
  );
  const sample: Sample = { ms, files };
  await context.close();
  return sample;
}

function gzipBytes(dir: string, urls: string[]): number {
  return urls
    .map((url) => new URL(url).pathname.replace(/^\//, ''))
    .filter((path) => /\.(js|css)$/.test(path))
    .reduce((sum, path) => sum + gzipSync(readFileSync(`${dir}/${path}`), { level: 9 }).length, 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

it('cold load: first slide visible, deck vs plain reveal.js + markdown', async () => {
  await coldLoad(deck.url); // warm the OS file cache and Chromium's process pool once
  await coldLoad(reference.url);
  const deckSamples: Sample[] = [];
  const referenceSamples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    deckSamples.push(await coldLoad(deck.url));
    referenceSamples.push(await coldLoad(reference.url));
  }
  const ratios = deckSamples.map((s, i) => s.ms / referenceSamples[i].ms);
  const deckKb = gzipBytes(DIST, deckSamples[0].files) / 1024;
  const referenceKb = gzipBytes(REFERENCE_DIR, referenceSamples[0].files) / 1024;
  console.log(`\nCold load to first slide (median of ${RUNS}, interleaved, fresh contexts)`);
  console.table({
    deck: { ms: +median(deckSamples.map((s) => s.ms)).toFixed(1), 'JS+CSS gzip KB': +deckKb.toFixed(1) },
    'plain reveal.js + markdown': { ms: +median(referenceSamples.map((s) => s.ms)).toFixed(1), 'JS+CSS gzip KB': +referenceKb.toFixed(1) },
  });
  const ratio = median(ratios);
  const ofMedians = median(deckSamples.map((s) => s.ms)) / median(referenceSamples.map((s) => s.ms));
  console.log(
    `time ratio deck/reference: paired median ${ratio.toFixed(2)}×, ratio of medians ${ofMedians.toFixed(2)}× (budget ≤ 1.2×) ${ratio <= 1.2 ? 'OK' : 'OVER'}`,
  );
  console.log(`bytes before first slide: ${deckKb.toFixed(1)} KB gzip (budget ≤ 150 KB) ${deckKb <= 150 ? 'OK' : 'OVER'}`);
  console.log(`files before first slide: ${deckSamples[0].files.map((u) => new URL(u).pathname).join(', ')}`);
});
