// Claim 4 (slides/04-dead-relu.md): a dead ReLU unit gets exactly zero gradient and never moves
// while Leaky ReLU recovers (papers.md 5b); a high learning rate kills units (5c); narrow deep
// nets are born dead (5a, Monte Carlo against the closed form); the leak's slope.
import { describe, expect, it } from 'vitest';
import { finalPlot, logLine, numbersIn, runDemo, ys } from './demo-run';

describe('#dead-unit', () => {
  it('keeps the ReLU unit bit-identical for 2000 steps (w = [0.5, −0.3], b = −5) while Leaky 0.01 comes back between steps 350 and 500 (papers.md 5b)', async () => {
    const run = await runDemo('dead-unit');
    expect(numbersIn(logLine(run, 'ReLU 训练'))).toEqual([2000, 0.5, -0.3, -5]);
    const { traces, layout } = finalPlot(run);
    expect(ys(traces[0])).toHaveLength(2000);
    expect(ys(traces[0]).every((b) => b === -5)).toBe(true);
    const title = String(layout?.title);
    expect(title).toContain('ReLU：一直是死的');
    const [back] = numbersIn(title);
    expect(back).toBeGreaterThanOrEqual(350);
    expect(back).toBeLessThanOrEqual(500);
    expect(ys(traces[1]).at(-1)).toBeCloseTo(1, 3); // b → 1, w → 0: the leaky unit fits the target
  });

  it('with α = 0.1 the leaky unit is back by step 50', async () => {
    const run = await runDemo('dead-unit', { alpha: 0.1 });
    const [back] = numbersIn(String(finalPlot(run).layout?.title));
    expect(back).toBeGreaterThan(0);
    expect(back).toBeLessThanOrEqual(50);
  });

  it('streams the bias curves every 100 steps', async () => {
    expect((await runDemo('dead-unit')).plots).toHaveLength(21);
  });
});

describe('#dead-share-lr', () => {
  it('after 20 epochs lr 0.1 leaves more units dead than lr 0.01, and its dead share is in [0.2, 0.45] (papers.md 5c)', async () => {
    const run = await runDemo('dead-share-lr');
    const [low, high] = finalPlot(run).traces.map((t) => ys(t));
    expect(low).toHaveLength(21);
    expect(high.at(-1)).toBeGreaterThan(low.at(-1)!);
    expect(high.at(-1)).toBeGreaterThanOrEqual(0.2);
    expect(high.at(-1)).toBeLessThanOrEqual(0.45);
    expect(low[0]).toBe(high[0]); // same initial nets
  });
});

describe('#born-dead', () => {
  const depths = [1, 2, 3, 4, 6, 8, 10, 15, 20];
  const at = (y: number[], depth: number) => y[depths.indexOf(depth)];

  it('width 2, depth 10: born dead 0.910 ± 0.015, dead at x = +1 0.9437 ± 0.01 (papers.md 5a)', async () => {
    const [formula, plus, born] = finalPlot(await runDemo('born-dead')).traces.map((t) => ys(t));
    expect(at(formula, 10)).toBeCloseTo(1 - 0.75 ** 10, 12);
    expect(Math.abs(at(born, 10) - 0.91)).toBeLessThanOrEqual(0.015);
    expect(Math.abs(at(plus, 10) - 0.9437)).toBeLessThanOrEqual(0.01);
  });

  it('width 5, depth 20: born dead 0.377 ± 0.015, dead at x = +1 0.4701 ± 0.015 (papers.md 5a)', async () => {
    const [, plus, born] = finalPlot(await runDemo('born-dead', { width: 5 })).traces.map((t) => ys(t));
    expect(Math.abs(at(born, 20) - 0.377)).toBeLessThanOrEqual(0.015);
    expect(Math.abs(at(plus, 20) - 0.4701)).toBeLessThanOrEqual(0.015);
  });

  it('matches the closed form 1 − (1 − 2⁻ᴺ)ᴰ at every depth within 5 standard errors, and born dead ≤ it', async () => {
    for (const width of [2, 3]) {
      const [formula, plus, born] = finalPlot(await runDemo('born-dead', { width })).traces.map((t) => ys(t));
      formula.forEach((p, i) => {
        expect(Math.abs(plus[i] - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / 4000) + 1e-3);
        expect(born[i]).toBeLessThanOrEqual(plus[i]);
      });
    }
  });

  it('width 1: born dead 1 − 2^(1−D) (0.5 at D = 2, 0.75 at D = 3)', async () => {
    const [, , born] = finalPlot(await runDemo('born-dead', { width: 1 })).traces.map((t) => ys(t));
    expect(Math.abs(at(born, 2) - 0.5)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(at(born, 3) - 0.75)).toBeLessThanOrEqual(0.03);
  });
});

describe('#leaky-relu', () => {
  it('draws Leaky ReLU with the chosen slope and prints a gradient of α (not 0) at x = −3', async () => {
    for (const alpha of [0.01, 0.2]) {
      const run = await runDemo('leaky-relu', { alpha });
      const [relu, leaky] = finalPlot(run).traces;
      const x = ys({ y: leaky.x } as never);
      expect(ys(leaky)).toEqual(x.map((v) => (v > 0 ? v : alpha * v)));
      expect(ys(relu)).toEqual(x.map((v) => Math.max(0, v)));
      const [x3, reluOut, reluGrad, leakyOut, leakyGrad] = numbersIn(run.logs[0]);
      expect(x3).toBe(-3);
      expect([reluOut, reluGrad]).toEqual([0, 0]);
      expect(leakyOut).toBeCloseTo(-3 * alpha, 10);
      expect(leakyGrad).toBe(alpha);
    }
  });
});

describe('#born-dead-bias', () => {
  it('a born-dead net (constant 0 at x = ±1) learns only its output bias, which goes to the target’s mean (issue 11.1)', async () => {
    const run = await runDemo('born-dead-bias');
    const [, out1, outMinus1, params, steps, moved, , bias, mean] = numbersIn(run.logs[0]);
    expect([out1, outMinus1, params, steps, moved]).toEqual([0, 0, 61, 500, 1]);
    expect(bias).toBeCloseTo(mean, 3);
    const trained = ys(finalPlot(run).traces[1]);
    expect(Math.max(...trained) - Math.min(...trained)).toBeLessThan(1e-12); // a constant
  });
});
