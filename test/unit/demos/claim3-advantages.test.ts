// Claim 3 (slides/03-advantages.md): cheaper per element (papers.md 2), gradients that do not
// vanish with He init (3b), deep nets that train (3d), and sparsity at init that training with
// no L1 penalty does not raise (4a, 4b).
import { describe, expect, it } from 'vitest';
import { finalPlot, logLine, numbersIn, runDemo, ys } from './demo-run';

describe('#sigmoid-vs-relu', () => {
  it("draws sigmoid red dashed and ReLU blue solid over [−10, 10] (the article's right figure)", async () => {
    const run = await runDemo('sigmoid-vs-relu');
    const [sig, relu] = finalPlot(run).traces;
    expect(sig.line).toMatchObject({ color: '#c0392b', dash: 'dash' });
    expect(relu.line?.color).toBe('#1f5fbf');
    expect(relu.line?.dash ?? 'solid').toBe('solid');
    const x = ys({ y: relu.x } as never);
    expect([x[0], Math.round(x.at(-1)! * 1e9) / 1e9]).toEqual([-10, 10]);
    expect(Math.max(...ys(sig))).toBeLessThan(1);
    expect(ys(relu).at(-1)).toBeCloseTo(10, 9);
  });

  it("prints sigmoid's slope at x = 10 (≈ 4.5e-5) next to ReLU's 1", async () => {
    const run = await runDemo('sigmoid-vs-relu');
    const [x, sigmoidOut, sigmoidSlope, reluOut, reluSlope] = numbersIn(run.logs[0]);
    expect([x, sigmoidOut]).toEqual([10, 0.99995]);
    expect(sigmoidSlope).toBeCloseTo(4.5e-5, 6);
    expect([reluOut, reluSlope]).toEqual([10, 1]);
  });
});

describe('#speed', () => {
  it('measures sigmoid at least 2× slower than ReLU per element (papers.md 2; the whole-network ratio is shown, not asserted)', async () => {
    const run = await runDemo('speed');
    const [perElement, wholeNet] = numbersIn(logLine(run, '单看激活函数'));
    expect(perElement).toBeGreaterThanOrEqual(2);
    expect(wholeNet).toBeGreaterThan(0);
    expect(ys(finalPlot(run).traces[0])).toHaveLength(3);
  });
});

describe('#gradient-norms', () => {
  const ratioLog10 = (y: number[]) => Math.log10(y[0] / y.at(-1)!);

  it('at depth 20, width 64: first/last gradient log₁₀ ratio sigmoid + Glorot in [−14, −9], ReLU + He in [−1.5, 0.7] (papers.md 3b)', async () => {
    const run = await runDemo('gradient-norms');
    const [sig, relu] = finalPlot(run).traces;
    expect(ys(sig)).toHaveLength(20);
    expect(ratioLog10(ys(sig))).toBeGreaterThanOrEqual(-14);
    expect(ratioLog10(ys(sig))).toBeLessThanOrEqual(-9);
    expect(ratioLog10(ys(relu))).toBeGreaterThanOrEqual(-1.5);
    expect(ratioLog10(ys(relu))).toBeLessThanOrEqual(0.7);
    expect(finalPlot(run).layout?.yaxis?.type).toBe('log');
  });

  it('at depth 10 the sigmoid ratio is ~1e-7–1e-5 (papers.md 3b: log₁₀ −6.1 at width 32)', async () => {
    const run = await runDemo('gradient-norms', { depth: 10 });
    const sig = ratioLog10(ys(finalPlot(run).traces[0]));
    expect(sig).toBeGreaterThanOrEqual(-7.5);
    expect(sig).toBeLessThanOrEqual(-4.5);
  });
});

describe('#deep-training', () => {
  it('trains 8 × 12 on circles for 400 steps: ReLU reaches accuracy ≥ 0.95, sigmoid stays at loss > 0.68 (≈ ln 2), tanh trains (papers.md 3d)', async () => {
    const run = await runDemo('deep-training');
    expect(run.plots.length).toBe(21);
    const [relu, sig, tanh] = finalPlot(run).traces;
    const accuracy = (name?: string) => numbersIn(String(name))[0];
    expect(ys(relu)).toHaveLength(400);
    expect(accuracy(relu.name)).toBeGreaterThanOrEqual(0.95);
    expect(ys(relu).at(-1)).toBeLessThan(0.05);
    expect(ys(sig).at(-1)).toBeGreaterThan(0.68);
    expect(accuracy(sig.name)).toBeLessThan(0.6);
    expect(accuracy(tanh.name)).toBeGreaterThanOrEqual(0.95);
  });
});

describe('#sparse-init', () => {
  it('prints exact-zero shares at init: layer 1 at 0.50 ± 0.01, deeper layers 0.50 ± 0.10 (papers.md 4a)', async () => {
    const run = await runDemo('sparse-init');
    const [layers, zero, ...shares] = numbersIn(logLine(run, '恰好为 0'));
    expect([layers, zero]).toEqual([5, 0]);
    expect(shares).toHaveLength(5);
    expect(Math.abs(shares[0] - 0.5)).toBeLessThanOrEqual(0.01);
    for (const share of shares.slice(1)) expect(Math.abs(share - 0.5)).toBeLessThanOrEqual(0.1);
  });

  it('draws a histogram of layer 1 whose zeros are about half of its values', async () => {
    const run = await runDemo('sparse-init');
    const [hist] = finalPlot(run).traces;
    expect(hist.type).toBe('histogram');
    const values = ys({ y: hist.x } as never);
    expect(values).toHaveLength(20000);
    expect(Math.abs(values.filter((v) => v === 0).length / values.length - 0.5)).toBeLessThanOrEqual(0.02);
  });
});

describe('#sparse-trained', () => {
  it('plain training (no L1) does not raise sparsity: ≈ 0.50 before, ≤ 0.55 after, accuracy 1 (papers.md 4b, λ = 0)', async () => {
    const run = await runDemo('sparse-trained');
    const { traces, layout } = finalPlot(run);
    const share = ys(traces[0]);
    expect(share).toHaveLength(13); // before, then every 50 of 600 steps
    expect(Math.abs(share[0] - 0.5)).toBeLessThanOrEqual(0.05);
    expect(share.at(-1)).toBeLessThanOrEqual(0.55);
    expect(numbersIn(String(layout?.title)).at(-1)).toBeGreaterThanOrEqual(0.95);
  });
});

describe('#sparse-l1', () => {
  it('λ = 0.001: about half zeros at init, no more after plain training (≤ 0.55), 0.6–0.8 with L1 (papers.md 4b), accuracy 1', async () => {
    const run = await runDemo('sparse-l1');
    const [init, plain, l1] = ys(finalPlot(run).traces[0]);
    expect(Math.abs(init - 0.5)).toBeLessThanOrEqual(0.05);
    expect(plain).toBeLessThanOrEqual(0.55);
    expect(l1).toBeGreaterThanOrEqual(0.6);
    expect(l1).toBeLessThanOrEqual(0.8);
    expect(numbersIn(run.logs[0]).slice(5, 7)).toEqual([1, 1]); // accuracy of both ("L1" is a number too)
  }, 40_000);

  it('λ = 0.01: ≥ 0.85 zeros and many dead units (papers.md 4b: 43–55 %); λ = 0 is plain training', async () => {
    const strong = await runDemo('sparse-l1', { lambda: 0.01 });
    expect(ys(finalPlot(strong).traces[0])[2]).toBeGreaterThanOrEqual(0.85);
    expect(numbersIn(strong.logs[0]).at(-1)).toBeGreaterThanOrEqual(35);
    const none = ys(finalPlot(await runDemo('sparse-l1', { lambda: 0 })).traces[0]);
    expect(none[2]).toBe(none[1]);
  }, 40_000);
});
