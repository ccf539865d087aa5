// `npm run bench` (or `npx vitest run --project bench bench/sandbox.bench.ts --disable-console-intercept`):
// the sandbox's latency in Chromium, from a production build of the fixture page, against a
// reference measured in the same page — a round trip to a trivial same-origin echo Worker
// (the floor for any worker-based runner, isolation excluded). Prints a table; asserts only
// that everything ran.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/fixtures/sandbox/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('build');
});
afterAll(async () => {
  await h?.close();
});

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
const p90 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length * 0.9)];

function table(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((s, c) => (c === 0 ? s.padEnd(widths[c]) : s.padStart(widths[c]))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${cells.slice(1).map(line).join('\n')}`);
}

type Page = {
  sandbox: {
    echoRoundTrip(n: number): Promise<number>;
    coldFirstLog(): Promise<number>;
    host: { run(s: string): Promise<unknown>; stop(): void };
  };
};

it('sandbox: warm run → first log, cold start, kill and Stop latency vs an echo-Worker round trip', async () => {
  const snippet = "import { relu, matmul } from 'rectify';\nconsole.log(relu(1));";
  const echo = await h.page.evaluate(() => (window as unknown as Page).sandbox.echoRoundTrip(200));

  const warm: number[] = [];
  for (let i = 0; i < 25; i++) {
    await h.page.waitForTimeout(150); // idle, as between two presses of Run: the spare worker is ready
    warm.push((await h.run(snippet)).firstLogMs!);
  }
  const backToBack: number[] = [];
  for (let i = 0; i < 15; i++) backToBack.push((await h.run(snippet)).firstLogMs!);

  const cold: number[] = [];
  for (let i = 0; i < 5; i++) cold.push(await h.page.evaluate(() => (window as unknown as Page).sandbox.coldFirstLog()));

  const kill: number[] = [];
  for (let i = 0; i < 3; i++) kill.push((await h.run('while (true) {}', { timeoutMs: 1000 })).ms - 1000);

  const stop: number[] = [];
  for (let i = 0; i < 5; i++) {
    stop.push(
      await h.page.evaluate(async () => {
        const s = (window as unknown as Page).sandbox;
        const p = s.host.run('while (true) {}');
        await new Promise((r) => setTimeout(r, 100));
        const t = performance.now();
        s.host.stop();
        await p;
        return performance.now() - t;
      }),
    );
  }

  const ref = echo;
  const row = (name: string, v: number[]) => [name, median(v).toFixed(1), p90(v).toFixed(1), (median(v) / ref).toFixed(0) + '×'];
  table(
    'Sandbox latency (ms; Chromium, production build)',
    ['measure', 'median', 'p90', 'vs echo'],
    [
      ['(ref) echo Worker round trip (mean of 200)', ref.toFixed(2), '', '1×'],
      row('warm Run → first log (idle 150 ms before)', warm),
      row('back-to-back Run → first log', backToBack),
      row('cold: new host, first Run → first log', cold),
      row('time limit → killed (beyond the limit)', kill),
      row('Stop → killed', stop),
    ],
  );
  expect(warm.every(Number.isFinite)).toBe(true);
});
