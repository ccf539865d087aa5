/**
 * A smoke check of the deck in Firefox, by hand (Firefox is not in CI): opens the built deck —
 * `dist/` served over loopback, or with `--single` the one file by file:// — at a live slide
 * in headless Firefox (Debian's `firefox-esr`), driven over WebDriver BiDi (Firefox's own
 * remote protocol; playwright-core drives only Playwright's patched Firefox). Waits for the
 * deck, then for the slide's block to finish its run, and saves a screenshot to look at.
 *
 *   node scripts/firefox-smoke.mjs [--single] [--dist dist] [--slide bouncer-live] [--out firefox.png]
 *
 * Prints what it found; exits 1 when the deck or the block did not get there.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { serveStatic } from './static-server.mjs';

const { values: options } = parseArgs({
  options: {
    single: { type: 'boolean', default: false },
    dist: { type: 'string', default: 'dist' },
    slide: { type: 'string', default: 'bouncer-live' },
    out: { type: 'string', default: 'firefox.png' },
    firefox: { type: 'string', default: 'firefox-esr' },
  },
});
const WAIT_MS = 60_000;

const server = options.single ? undefined : await serveStatic(options.dist);
const deckUrl = server ? server.url : pathToFileURL(resolve('dist-single/rectify.html')).href;
const profile = mkdtempSync(join(tmpdir(), 'rectify-firefox-'));
// Port 0: Firefox picks a free one and says which on stderr.
const firefox = spawn(options.firefox, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', 'about:blank'], {
  stdio: ['ignore', 'ignore', 'pipe'],
});
const found = { url: `${deckUrl}#/${options.slide}`, ready: false, status: undefined, plotted: false, editor: undefined, reloaded: false };
try {
  const endpoint = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.firefox} did not start its WebDriver BiDi server`)), 30_000);
    firefox.on('error', reject);
    firefox.stderr.on('data', (chunk) => {
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(String(chunk));
      if (match) resolve(match[1], clearTimeout(timer));
    });
  });
  const bidi = await connect(`${endpoint}/session`);
  await bidi.send('session.new', { capabilities: {} });
  const { contexts } = await bidi.send('browsingContext.getTree');
  const context = contexts[0].context;
  await bidi.send('browsingContext.setViewport', { context, viewport: { width: 1280, height: 800 } });
  // wait 'none': the one file stops its own parser, so the page's load never comes.
  await bidi.send('browsingContext.navigate', { context, url: found.url, wait: 'none' });
  const read = async (expression) => {
    const { result } = await bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: false });
    return result.type === 'string' ? JSON.parse(result.value) : undefined;
  };
  const block = `document.querySelector('#${options.slide} [data-live]')`;
  const state = () =>
    read(`JSON.stringify({
      ready: document.documentElement.dataset.deckReady === 'true',
      status: ${block}?.dataset.status,
      plotted: !!${block}?.querySelector('.live-plot svg'),
      editor: ${block}?.querySelector('.monaco-editor') ? 'Monaco' : ${block}?.querySelector('.plain-editor-text') ? 'plain' : undefined,
      reloaded: location.search.includes('rectify-read-here'),
    })`).catch(() => undefined); // between documents (a reload) there is nothing to read
  for (const started = Date.now(); Date.now() - started < WAIT_MS; await new Promise((r) => setTimeout(r, 250))) {
    Object.assign(found, await state());
    if (found.ready && ['done', 'error'].includes(found.status) && found.editor) break;
  }
  await new Promise((r) => setTimeout(r, 1500)); // the editor's colours and the plot's fonts settle
  const { data } = await bidi.send('browsingContext.captureScreenshot', { context });
  writeFileSync(options.out, Buffer.from(data, 'base64'));
  bidi.close();
} finally {
  firefox.kill();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(found, null, 2), `\nscreenshot: ${options.out}`);
process.exitCode = found.ready && found.status === 'done' ? 0 : 1;

/** A minimal WebDriver BiDi client: `send` resolves with a command's result, or rejects with its error. */
async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const waiting = new Map();
  let lastId = 0;
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw));
    const done = waiting.get(message.id);
    if (!done) return;
    waiting.delete(message.id);
    if (message.type === 'error') done.reject(new Error(`${message.error}: ${message.message}`));
    else done.resolve(message.result);
  });
  return {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = ++lastId;
        waiting.set(id, { resolve, reject });
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
}
