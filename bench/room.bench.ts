/**
 * The room under load: the relay (as `npm run present` starts it, in its own Node process, on
 * 127.0.0.1) with one presenter and 200 followers (`ws` clients in this process):
 * - slide-change fan-out, presenter send → each follower's receipt (budget p50/p95 ≤ 30/100 ms);
 * - a run's stream (logs, progress, a 1,000-point plot, done) reaching every follower (p95 ≤ 250 ms);
 * - a late joiner in sync: connect → snapshot received (≤ 1 s);
 * - the relay's memory with 200 followers after the runs (≤ 150 MB).
 * The 200 clients share this process's one event loop, so their receipts are serialised here:
 * the figures are an upper bound on what 200 phones, each with its own CPU, would see.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, it } from 'vitest';
import { WebSocket } from 'ws';

const FOLLOWERS = 200;
const SLIDE_CHANGES = 30;
const RUNS = 10;
const LATE_JOINS = 10;
const TOKEN = 'bench-token';
/** Longest wait for any one step: the bench is bounded even if the relay misbehaves. */
const STEP_MS = 20_000;

const dist = mkdtempSync(join(tmpdir(), 'rectify-room-bench-'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>deck</title>');
const sockets: WebSocket[] = [];
let child: ChildProcess | undefined;

afterAll(async () => {
  for (const s of sockets) s.terminate();
  child?.send('stop');
  await new Promise((done) => {
    const timer = setTimeout(() => (child?.kill(), done(undefined)), 5000);
    child?.once('exit', () => (clearTimeout(timer), done(undefined)));
  });
  rmSync(dist, { recursive: true, force: true });
});

type Memory = NodeJS.MemoryUsage;

/** Starts the relay in a child process (with --expose-gc, so memory is measured after a collection). */
function startRelayProcess(): Promise<{ port: number; base: Memory; memory: () => Promise<Memory>; cpu: () => Promise<NodeJS.CpuUsage> }> {
  const present = pathToFileURL(resolve('scripts/present.mjs')).href;
  const code = `
    const { startPresent } = await import(${JSON.stringify(present)});
    const p = await startPresent({ dist: ${JSON.stringify(dist)}, host: '127.0.0.1', port: 0, token: ${JSON.stringify(TOKEN)} });
    globalThis.gc();
    process.send({ port: p.port, memory: process.memoryUsage() });
    process.on('message', async (m) => {
      if (m === 'memory') { globalThis.gc(); process.send({ memory: process.memoryUsage() }); }
      if (m === 'cpu') process.send({ cpu: process.cpuUsage() });
      if (m === 'stop') { await p.close(); process.exit(0); }
    });`;
  child = spawn(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const reply = () =>
    new Promise<{ port: number; memory: Memory; cpu: NodeJS.CpuUsage }>((done, fail) => {
      const timer = setTimeout(() => fail(new Error('the relay process did not answer')), STEP_MS);
      child!.once('message', (m) => (clearTimeout(timer), done(m as { port: number; memory: Memory; cpu: NodeJS.CpuUsage })));
    });
  return reply().then(({ port, memory }) => ({
    port,
    base: memory,
    memory: async () => {
      child!.send('memory');
      return (await reply()).memory;
    },
    cpu: async () => {
      child!.send('cpu');
      return (await reply()).cpu;
    },
  }));
}

/** Opens a client; `onText` gets the first 256 bytes of each frame with the time it arrived. */
function open(port: number, token: string | undefined, onText: (text: string, at: number) => void): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/room${token ? `?presenter=${token}` : ''}`, { origin: `http://127.0.0.1:${port}` });
  sockets.push(socket);
  // Only the frame's head is decoded: the markers are there, and 200 clients share this one CPU.
  socket.on('message', (data) => onText((data as Buffer).subarray(0, 256).toString(), performance.now()));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error('no connection')), STEP_MS);
    socket.once('open', () => (clearTimeout(timer), done(socket)));
    socket.once('error', fail);
  });
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

it('room: 200 followers — fan-out, a run with a 1,000-point plot, late join, relay memory', async () => {
  const relay = await startRelayProcess();
  /** Waiters by marker: resolved when every follower has seen a frame containing it. */
  const seen = new Map<string, { count: number; times: number[]; done: () => void }>();
  const everyone = (marker: string) =>
    new Promise<number[]>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${marker}: ${seen.get(marker)?.count ?? 0}/${FOLLOWERS} within ${STEP_MS} ms`)),
        STEP_MS,
      );
      const entry = { count: 0, times: [] as number[], done: () => (clearTimeout(timer), resolve(entry.times)) };
      seen.set(marker, entry);
    });
  const onFollowerText = (text: string, at: number) => {
    const marker =
      /"(?:id|block)":"(m-[\w-]+)"/.exec(text)?.[1] ?? (text.includes('"kind":"done"') ? /"block":"([^"]+)"/.exec(text)?.[1] : undefined);
    const entry = marker ? seen.get(marker) : undefined;
    if (!entry) return;
    entry.times.push(at);
    if (++entry.count === FOLLOWERS) entry.done();
  };

  const presenter = await open(relay.port, TOKEN, () => {});
  for (let i = 0; i < FOLLOWERS; i += 20) {
    await Promise.all(Array.from({ length: Math.min(20, FOLLOWERS - i) }, () => open(relay.port, undefined, onFollowerText)));
  }

  // 1. Slide changes, one at a time: each follower's receipt time after the send.
  const slideLatency: number[] = [];
  for (let n = 0; n < SLIDE_CHANGES; n++) {
    const arrived = everyone(`m-slide-${n}`);
    const t0 = performance.now();
    presenter.send(JSON.stringify({ kind: 'slide', id: `m-slide-${n}`, h: n, v: 0, fragment: -1 }));
    slideLatency.push(...(await arrived).map((t) => t - t0));
  }

  // 2. Runs: logs, progress, a 1,000-point plot, done; the plot's and the whole run's arrival.
  const plotLatency: number[] = [];
  const runLatency: number[] = [];
  const x = Array.from({ length: 1000 }, (_, i) => i / 100);
  const relayCpu0 = await relay.cpu();
  const ownCpu0 = process.cpuUsage();
  for (let r = 0; r < RUNS; r++) {
    const block = `m-run-${r}#1`;
    const plotId = `m-plot-${r}`;
    const plotArrived = everyone(plotId);
    const runEnded = everyone(`m-run-${r}#1`);
    const send = (message: object) => presenter.send(JSON.stringify({ kind: 'run-message', block, message }));
    const t0 = performance.now();
    presenter.send(JSON.stringify({ kind: 'run-start', block }));
    for (let i = 0; i < 10; i++) send({ kind: 'log', level: 'log', parts: [`epoch ${i}: loss ${(1 / (i + 1)).toFixed(4)}`] });
    for (let i = 0; i < 10; i++) send({ kind: 'progress', epoch: i, loss: 1 / (i + 1) });
    const tPlot = performance.now();
    send({ kind: 'plot', id: plotId, traces: [{ type: 'scatter', x, y: x.map((v) => Math.max(0, Math.sin(v) + r / 10)) }] });
    send({ kind: 'done', ms: 123 });
    plotLatency.push(...(await plotArrived).map((t) => t - tPlot));
    runLatency.push(...(await runEnded).map((t) => t - t0));
  }

  const relayCpu = await relay.cpu();
  const ownCpu = process.cpuUsage(ownCpu0);
  const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000 / RUNS;
  const relayPerRun = cpuMs({ user: relayCpu.user - relayCpu0.user, system: relayCpu.system - relayCpu0.system });

  // 3. Late joiners: connect → snapshot in hand.
  const lateJoin: number[] = [];
  for (let j = 0; j < LATE_JOINS; j++) {
    const t0 = performance.now();
    let resolveSnapshot: (at: number) => void = () => {};
    const snapshot = new Promise<number>((done) => (resolveSnapshot = done));
    const socket = await open(relay.port, undefined, (text, at) => {
      if (text.startsWith('{"kind":"snapshot"')) resolveSnapshot(at);
    });
    const timer = setTimeout(() => resolveSnapshot(Number.NaN), STEP_MS);
    lateJoin.push((await snapshot) - t0);
    clearTimeout(timer);
    socket.close();
  }

  const memory = await relay.memory();
  console.log(`
room relay, ${FOLLOWERS} followers on 127.0.0.1, this machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} (others' work shares the cores)
  slide change → every follower: p50 ${ms(percentile(slideLatency, 50))}, p95 ${ms(percentile(slideLatency, 95))}, max ${ms(Math.max(...slideLatency))}  (budget p50/p95 ≤ 30/100 ms; ${SLIDE_CHANGES} changes)
  run with a 1,000-point plot: plot message p95 ${ms(percentile(plotLatency, 95))}; run-start → done at every follower p50 ${ms(percentile(runLatency, 50))}, p95 ${ms(percentile(runLatency, 95))}  (budget p95 ≤ 250 ms; ${RUNS} runs)
  CPU per run (22 messages, one a ~30 KB plot, to ${FOLLOWERS}): relay ${ms(relayPerRun)}, the ${FOLLOWERS} clients together ${ms(cpuMs(ownCpu))}
  late joiner connect → snapshot: median ${ms(percentile(lateJoin, 50))}, max ${ms(Math.max(...lateJoin))}  (budget ≤ 1 s; ${LATE_JOINS} joins)
  relay process memory: RSS ${mb(memory.rss)} (${mb(memory.rss - relay.base.rss)} above the idle relay), heap ${mb(memory.heapUsed)} (+${mb(memory.heapUsed - relay.base.heapUsed)})  (budget ≤ 150 MB)`);
});
