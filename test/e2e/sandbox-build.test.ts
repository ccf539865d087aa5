// The sandbox from a production build (vite build + preview): the virtual runner and shell
// modules are built the same way as in dev, and the CSP hash still matches the inlined shell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, logText, startHarness } from '../fixtures/sandbox/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('build');
});
afterAll(async () => {
  await h?.close();
});

describe('sandbox in a production build', () => {
  it('runs a snippet that uses the core and plots', async () => {
    const r = await h.run("import { relu, plot } from 'rectify';\nconsole.log(relu(-1), relu(2));\nplot([relu(-1), relu(1)]);");
    expect(r.end.kind).toBe('done');
    expect(logText(r)).toEqual(['0 2']);
    expect(r.messages.filter((m) => m.kind === 'plot')).toHaveLength(1);
  });

  it('still blocks the network and kills endless loops', async () => {
    const before = h.attackerHits.length;
    const r = await h.run(`await fetch('${h.attackerOrigin}/build-fetch').catch(() => {}); while (true) {}`, { timeoutMs: 500 });
    expect(r.end).toMatchObject({ kind: 'killed', reason: 'timeout' });
    await h.page.waitForTimeout(200);
    expect(h.attackerHits.slice(before)).toEqual([]);
    expect(logText(await h.run("console.log('ok')"))).toEqual(['ok']);
  });
});
