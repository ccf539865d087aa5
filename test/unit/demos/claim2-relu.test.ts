// Claim 2 (slides/02-relu.md): ReLU is max(0, x) — the article's left figure and the bouncer.
import { describe, expect, it } from 'vitest';
import { finalPlot, runDemo, ys } from './demo-run';

describe('#relu-line', () => {
  it("draws max(0, x) as one blue solid line over [−5, 5] (the article's left figure)", async () => {
    const run = await runDemo('relu-line');
    const { traces } = finalPlot(run);
    expect(traces).toHaveLength(1);
    const x = ys({ y: traces[0].x } as never);
    expect(x[0]).toBe(-5);
    expect(x.at(-1)).toBeCloseTo(5, 12);
    expect(ys(traces[0])).toEqual(x.map((v) => Math.max(0, v)));
    expect(traces[0].line?.color).toBe('#1f5fbf');
    expect(traces[0].line?.dash).toBeUndefined();
  });

  it('with the derivative switched on, adds f′ = 0 for x ≤ 0 and 1 for x > 0', async () => {
    const run = await runDemo('relu-line', { derivative: 1 });
    const { traces } = finalPlot(run);
    expect(traces).toHaveLength(2);
    const x = ys({ y: traces[1].x } as never);
    expect(ys(traces[1])).toEqual(x.map((v) => (v > 0 ? 1 : 0)));
  });
});

describe('#bouncer-live', () => {
  it('lets A (100) and B (5) in with their money and stops C (0) and D (−50) at 0', async () => {
    const run = await runDemo('bouncer-live');
    expect(run.logs.map((l) => Number(/放进去 (-?\d+)/.exec(l)?.[1]))).toEqual([100, 5, 0, 0]);
    expect(ys(finalPlot(run).traces[0])).toEqual([100, 5, 0, 0]);
  });
});
