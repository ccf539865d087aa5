/**
 * The one-file build: its size (raw and gzip; goal ≤ 6 MB) and its first slide opened from
 * `file://` against the served deck (`dist`, or RECTIFY_DIST) in the same run, interleaved in
 * fresh browser contexts; medians and their ratio are printed (goal ≤ 1.5×). Builds
 * dist-single/rectify.html first unless RECTIFY_SINGLE names an existing one.
 */
import { afterAll, beforeAll, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { DIST, firstSlideProbe, launchChromium } from '../test/e2e/harness';
import { serveStatic, type StaticServer } from '../scripts/static-server.mjs';

const RUNS = 9;
const FILE = resolve(process.env.RECTIFY_SINGLE ?? 'dist-single/rectify.html');

let browser: Browser;
let served: StaticServer;

beforeAll(async () => {
  if (!process.env.RECTIFY_SINGLE) {
    const built = spawnSync('node', ['scripts/build-single.mjs'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:single failed');
  }
  served = await serveStatic(DIST);
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** Opens `url` in a fresh context; ms from navigation until the first slide's heading is laid out and reveal is ready. */
async function firstSlide(url: string): Promise<number> {
  // No service worker: the served deck's would precache the whole build beside the measured load.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  // Nothing but files and the local server: the one file must not need the network.
  await context.route(
    (u) => u.protocol !== 'file:' && u.hostname !== '127.0.0.1' && u.hostname !== 'localhost',
    (route) => route.abort(),
  );
  const page = await context.newPage();
  const { shown } = await firstSlideProbe(page);
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await shown;
  await context.close();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

it('one file: size, and first slide from file:// vs the served deck', async () => {
  const bytes = readFileSync(FILE);
  console.log(`\nOne file ${FILE}: ${mb(bytes.length)} raw, ${mb(gzipSync(bytes, { level: 9 }).length)} gzip (goal ≤ 6 MB raw)`);

  const fileUrl = pathToFileURL(FILE).href;
  await firstSlide(fileUrl); // warm the OS file cache and Chromium's process pool once
  await firstSlide(served.url);
  const single: number[] = [];
  const deck: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    single.push(await firstSlide(fileUrl));
    deck.push(await firstSlide(served.url));
    ratios.push(single[i] / deck[i]);
  }
  console.log(
    `First slide visible (median of ${RUNS}, interleaved): one file from file:// ${median(single).toFixed(0)} ms, ` +
      `served ${DIST}/ ${median(deck).toFixed(0)} ms; ratio ${(median(single) / median(deck)).toFixed(2)}× ` +
      `(median of paired ratios ${median(ratios).toFixed(2)}×; goal ≤ 1.5×)`,
  );
  console.log(`  one file: ${single.map((x) => x.toFixed(0)).join(' ')} ms\n  served:   ${deck.map((x) => x.toFixed(0)).join(' ')} ms`);
});
