// Claim 1 (slides/01-activation.md): without a nonlinearity stacked linear layers collapse to one
// affine map (papers.md 1a), so a deep linear net cannot fit XOR while the same net with ReLU can (1b).
import { describe, expect, it } from 'vitest';
import { finalPlot, logLine, numbersIn, runDemo, ys } from './demo-run';

describe('#linear-collapse', () => {
  it('prints a max |stack − one matrix| below 1e-12 (float64, papers.md 1a)', async () => {
    const run = await runDemo('linear-collapse');
    const [difference] = numbersIn(logLine(run, '最大差异'));
    expect(difference).toBeGreaterThanOrEqual(0);
    expect(difference).toBeLessThan(1e-12);
  });
});

describe('#xor-linear-vs-relu', () => {
  it('ends with the deep linear 2-8-8-1 net at MSE 0.25 ± 1e-3 and the ReLU net below 0.01 (papers.md 1b)', async () => {
    const run = await runDemo('xor-linear-vs-relu');
    const [linear, relu, steps] = numbersIn(String(finalPlot(run).layout?.title));
    expect(steps).toBe(2000);
    expect(Math.abs(linear - 0.25)).toBeLessThanOrEqual(1e-3);
    expect(relu).toBeLessThan(0.01);
  });

  it('streams the two decision maps as training goes (one update per 100 steps)', async () => {
    const run = await runDemo('xor-linear-vs-relu');
    expect(run.plots.length).toBe(21);
  });

  it('draws the linear map flat at ≈ 0.5 and the ReLU map spanning 0 to 1, side by side on one colour scale', async () => {
    const run = await runDemo('xor-linear-vs-relu');
    const [linearMap, reluMap] = finalPlot(run).traces;
    const values = (map: typeof linearMap) => map.z!.flatMap((row) => Array.from(row) as number[]);
    const linear = values(linearMap);
    const relu = values(reluMap);
    expect(Math.max(...linear) - Math.min(...linear)).toBeLessThan(0.05);
    expect(Math.abs(linear[0] - 0.5)).toBeLessThan(0.02);
    expect(Math.min(...relu)).toBeLessThan(0.1);
    expect(Math.max(...relu)).toBeGreaterThan(0.9);
    // Two panels, each on its own x axis (named by its title), one fixed colour scale.
    expect([linearMap.xaxis ?? 'x', reluMap.xaxis]).toEqual(['x', 'x2']);
    expect([linearMap.zmin, linearMap.zmax, reluMap.zmin, reluMap.zmax]).toEqual([0, 1, 0, 1]);
    expect(finalPlot(run).layout?.xaxis2?.title).toBe('ReLU');
  });
});

describe('#moons-linear-vs-relu', () => {
  it('a 4-layer linear net ends at the accuracy of one straight line (logistic regression, ±0.01) while one ReLU layer separates the moons (≥ 0.98)', async () => {
    const run = await runDemo('moons-linear-vs-relu');
    const [line, deepLinear, relu] = run.logs.map((l) => numbersIn(l).at(-1)!);
    expect(line).toBeGreaterThan(0.8);
    expect(line).toBeLessThan(0.95); // the moons are not linearly separable
    expect(Math.abs(deepLinear - line)).toBeLessThanOrEqual(0.01);
    expect(relu).toBeGreaterThanOrEqual(0.98);
  });

  it('draws the linear net’s boundary as a straight line, the ReLU regions as 0/1 and all 200 points', async () => {
    const [regions, boundary, points] = finalPlot(await runDemo('moons-linear-vs-relu')).traces;
    const x = ys({ y: boundary.x } as never);
    const y = ys(boundary);
    const slope = (y[1] - y[0]) / (x[1] - x[0]);
    x.forEach((xi, i) => expect(y[i]).toBeCloseTo(y[0] + slope * (xi - x[0]), 6));
    expect(new Set(regions.z!.flat())).toEqual(new Set([0, 1]));
    expect(ys(points)).toHaveLength(200);
  });
});
