// The 'rectify' module as the editor declares it (generated from src/sandbox/snippet-api.ts) and
// as snippets get it (src/sandbox/snippet-module.ts): the same functions, none shadowing the
// core, and declarations that accept what slides write and refuse what the sandbox refuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from '../../../src/core/index';
import { RUNNER_LIMITS } from '../../../src/sandbox/limits';
import { createSnippetModule } from '../../../src/sandbox/snippet-module';
import { MODULE_NAME } from '../../../src/sandbox/wrap';
import { EDITOR_DTS, typeCheck, undocumentedExports } from '../support/type-check';

const dts = readFileSync(EDITOR_DTS.rectify, 'utf8');
const coreDts = readFileSync(EDITOR_DTS.core, 'utf8');
const runtimeModule = createSnippetModule({ limits: RUNNER_LIMITS, params: {}, post: () => {} }).require(MODULE_NAME) as object;
const extras = Object.keys(runtimeModule).filter((name) => !Object.hasOwn(core, name));

describe("the 'rectify' module", () => {
  it('is the core plus the snippet API, which shadows nothing the core exports', () => {
    expect(extras.sort()).toEqual(['networkViewAt', 'param', 'plot', 'progress', 'showTape', 'sleep']);
    for (const name of Object.keys(core)) expect(runtimeModule).toHaveProperty(name, core[name as keyof typeof core]);
  });

  it("is declared for the editor as the core ('core') plus exactly the functions it adds", () => {
    expect(dts).toMatch(/^export \* from 'core';$/m);
    const declared = [...new Set([...dts.matchAll(/^export declare function (\w+)/gm)].map((m) => m[1]))];
    expect(declared.sort()).toEqual(extras.sort());
  });

  it('declares its plot types, documented, and no run-time lists (the module has none)', () => {
    for (const type of ['PlotTrace', 'PlotAxis', 'PlotLayout', 'PlotHandle', 'ParamOptions', 'Series'])
      expect(dts).toMatch(new RegExp(`^export (interface|type) ${type}\\b`, 'm'));
    expect(dts).not.toMatch(/^export declare const/m);
    expect(undocumentedExports(dts)).toEqual([]);
  });

  it('type-checks what the slides write, and rejects what the sandbox would refuse', () => {
    const result = typeCheck(
      { core: coreDts, rectify: dts },
      {
        'ok.ts': [
          "import { relu, plot, progress, sleep, param, type PlotTrace } from 'rectify';",
          "const shift: number = param('shift', 0, { min: -5, max: 5, step: 0.5, label: 'shift' });",
          "const show: boolean = param('derivative', false, { label: 'show f′' });",
          'const xs = Float64Array.from({ length: 11 }, (_, i) => i - 5);',
          "const traces: PlotTrace[] = [{ x: xs, y: Array.from(xs, (x) => relu(x - shift)), name: 'relu', xaxis: 'x2', yaxis: 'y2' }];",
          "const fig = plot(traces, { title: 'ReLU', xaxis2: { domain: [0.55, 1], anchor: 'y2' }, yaxis: { type: 'log' } }, { id: 'f' });",
          "fig.update([{ z: [[1, 2], [3, 4]], type: 'heatmap', zmin: 0, zmax: 4 }]);",
          'plot([1, 4, 9]);',
          'progress({ step: 1, loss: 0.5 });',
          'await sleep(0);',
          'export const id: string = fig.id + show;',
        ].join('\n'),
        'bad.ts': [
          "import { plot, param } from 'rectify';",
          "plot([{ type: 'pie', y: [1] }]);",
          "param('on', true, { min: 0 });",
          "const n: number = param('on', true);",
          "plot([1], { xaxis: { anchor: 'x3' } });",
        ].join('\n'),
      },
    );
    expect(result['ok.ts']).toBe('');
    for (const line of [2, 3, 4, 5]) expect(result['bad.ts']).toMatch(new RegExp(`bad\\.ts\\(${line},\\d+\\): error`));
  }, 30_000);
});
