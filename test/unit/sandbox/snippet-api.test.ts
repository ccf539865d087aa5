// The 'rectify' module = core + plot/progress/sleep: the extras must not shadow a core export,
// and the editor's declarations must declare each of them.
import { describe, expect, it } from 'vitest';
import * as core from '../../../src/core/index';
import { LAYOUT_FIELDS, TRACE_FIELDS } from '../../../src/sandbox/plot-schema';
import { SNIPPET_API_DTS, SNIPPET_EXTRAS } from '../../../src/sandbox/snippet-api';
import { MODULE_NAME } from '../../../src/sandbox/wrap';

describe("the 'rectify' snippet module", () => {
  it('is the one import name', () => {
    expect(MODULE_NAME).toBe('rectify');
  });
  it('adds plot, progress and sleep without shadowing anything the core exports', () => {
    for (const name of SNIPPET_EXTRAS) expect(Object.keys(core)).not.toContain(name);
  });
  it('declares every extra for the editor and re-exports the core', () => {
    expect(SNIPPET_API_DTS).toContain("export * from 'core';");
    for (const name of SNIPPET_EXTRAS) expect(SNIPPET_API_DTS).toMatch(new RegExp(`export declare function ${name}\\(`));
  });
  it('declares exactly the plot fields the schema keeps (the editor must not promise what the sandbox drops)', () => {
    const block = (name: string) => new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(SNIPPET_API_DTS)?.[1] ?? '';
    const fields = (body: string) => [...body.matchAll(/^\s{2}(\w+)\?:/gm)].map((m) => m[1]).sort();
    expect(fields(block('PlotTrace'))).toEqual([...TRACE_FIELDS].sort());
    expect(fields(block('PlotLayout'))).toEqual([...LAYOUT_FIELDS].sort());
  });
});
