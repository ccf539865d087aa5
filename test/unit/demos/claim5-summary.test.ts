// Claim 5 (slides/05-summary.md): the ReLU family in one plot, and the four guests through each.
import { describe, expect, it } from 'vitest';
import { elu, gelu, makeLeakyRelu, relu, softplus } from '../../../src/core/index';
import { finalPlot, numbersIn, runDemo, ys } from './demo-run';

describe('#relu-family', () => {
  it('draws ReLU (blue, solid), Leaky ReLU 0.1, ELU, GELU and softplus, each equal to its core function', async () => {
    const { traces } = finalPlot(await runDemo('relu-family'));
    const expected = [relu, makeLeakyRelu(0.1), elu, gelu, softplus];
    expect(traces).toHaveLength(5);
    expect(traces[0].line).toMatchObject({ color: '#1f5fbf', dash: 'solid' });
    traces.forEach((trace, i) => {
      const x = ys({ y: trace.x } as never);
      expect(ys(trace)).toEqual(x.map((v) => expected[i](v)));
    });
  });
});

describe('#four-guests', () => {
  it('prints A 100, B 5, C 0, D −50 through ReLU, Leaky, ELU, GELU, softplus (ReLU column = the bouncer: 100, 5, 0, 0)', async () => {
    const run = await runDemo('four-guests');
    const rows = run.logs.map((line) => numbersIn(line));
    expect(rows).toEqual([
      [100, 100, 100, 100, 100, 100],
      [5, 5, 5, 5, 5, 5.007],
      [0, 0, 0, 0, 0, 0.693],
      [-50, 0, -0.5, -1, 0, 0],
    ]);
  });
});
