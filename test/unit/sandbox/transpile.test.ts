// transpile(): TypeScript → sandbox JS body, with line numbers kept, imports checked and
// positions that map back through the worker's wrapper (checked by running it in node:vm).
import { Script, createContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { transpile, prepareJs } from '../../../src/sandbox/transpile';
import { SNIPPET_GLOBAL, bodyPosition, wrapSnippet } from '../../../src/sandbox/wrap';

function compile(src: string) {
  const r = transpile(src);
  if (!r.ok) throw new Error(r.message);
  return r;
}
const body = (src: string) => compile(src).js;

/** Where an error thrown by running `src` is reported, mapped like the runner + host do. */
async function errorPosition(src: string) {
  const { js, map } = compile(src);
  const err = await runBody(js).catch((e: Error) => e);
  const m = /snippet\.js:(\d+):(\d+)/.exec((err as Error).stack ?? '');
  if (!m) throw new Error('no snippet frame in ' + (err as Error).stack);
  const p = bodyPosition(+m[1], +m[2]);
  return p && map(p.line, p.column);
}

/** Run a body the way the runner does (wrapped script, injected require/console) in a fresh VM context. */
async function runBody(js: string, modules: Record<string, unknown> = { rectify: { relu: (x: number) => Math.max(0, x) } }) {
  const logs: unknown[][] = [];
  const context = createContext({ self: {} as Record<string, unknown>, Promise });
  (context as { self: unknown }).self = context;
  new Script(wrapSnippet(js), { filename: 'snippet.js' }).runInContext(context);
  const fn = (context as Record<string, unknown>)[SNIPPET_GLOBAL] as (...a: unknown[]) => Promise<void>;
  const require = (n: string) => {
    if (n in modules) return modules[n];
    throw new Error(`Cannot import '${n}'`);
  };
  await fn(require, {}, {}, { log: (...a: unknown[]) => logs.push(a) });
  return logs;
}

describe('transpile', () => {
  it('keeps every source line on the same line (after the one prelude line)', () => {
    const src = [
      "import { relu } from 'rectify';",
      'interface Point { x: number; y: number }',
      'type Id = string;',
      'const p: Point = { x: 1, y: 2 };',
      'enum Dir { Up, Down }',
      'const marker5 = relu(p.x) satisfies number;',
      'function f<T>(a: T): T { return a; }',
      'const marker8 = f<number>(3);',
    ].join('\n');
    const lines = body(src).split('\n');
    expect(lines).toHaveLength(src.split('\n').length + 1);
    expect(lines[6]).toContain('const marker5');
    expect(lines[8]).toContain('const marker8');
  });

  it('turns imports from rectify into require calls and runs with top-level await', async () => {
    const js = body("import { relu } from 'rectify';\nconst v = await Promise.resolve(-3);\nconsole.log(relu(v), relu(2));");
    expect(js).toContain("require('rectify')");
    expect(await runBody(js)).toEqual([[0, 2]]);
  });

  it('supports default, namespace and dynamic imports of rectify', async () => {
    const js = body(
      "import r from 'rectify';\nimport * as ns from 'rectify';\nconst d = await import('rectify');\nconsole.log(r.relu(1), ns.relu(2), d.relu(3));",
    );
    expect(await runBody(js)).toEqual([[1, 2, 3]]);
  });

  it('rejects an unknown import with the available module names and the position of its name', () => {
    expect(transpile("const a = 1;\nimport { readFile } from 'fs';")).toEqual({
      ok: false,
      message: "Cannot import 'fs': snippets can only import from 'rectify' (e.g. import { relu, plot } from 'rectify').",
      line: 2,
      column: 26,
    });
    expect(transpile("await import('https://evil.example/x.js');")).toMatchObject({ ok: false, line: 1, column: 14 });
    expect(transpile("export { relu } from 'core';")).toMatchObject({ ok: false, line: 1 });
    expect(transpile("import 'side-effect';")).toMatchObject({ ok: false, line: 1, column: 8 });
    expect(transpile("import { unused } from 'lodash';")).toMatchObject({ ok: false }); // even when elided
  });

  it('does not mistake strings, comments or type-only imports for imports', () => {
    expect(transpile("const s = \"import x from 'fs'\";\n// import y from 'os'\nconst from = 'z';").ok).toBe(true);
    expect(transpile("import type { Foo } from 'elsewhere';\nconst a = 1;").ok).toBe(true);
  });

  it('reports syntax errors with their line and column', () => {
    expect(transpile('const a = 1;\nconst b = (;')).toEqual({ ok: false, message: 'SyntaxError: Unexpected token', line: 2, column: 12 });
    expect(transpile('let x = {')).toMatchObject({ ok: false, line: 1 });
  });

  it('maps run-time error positions back to the TS line:column, through rewritten calls and removed types', async () => {
    expect(await errorPosition("import { relu } from 'rectify';\nconst n: number = 2;\nif (n > 1) throw new Error('boom');")).toEqual({
      line: 3,
      column: 18,
    });
    const failing = {
      rectify: {
        fail: () => {
          throw new Error('in core');
        },
      },
    };
    const { js, map } = compile("import { fail } from 'rectify';\nconst a: number[] = [1], b: Map<string, number> = new Map(); fail();");
    const err = await runBody(js, failing).catch((e: Error) => e);
    const m = /snippet\.js:(\d+):(\d+)/.exec((err as Error).stack ?? '')!;
    const p = bodyPosition(+m[1], +m[2])!;
    expect(map(p.line, p.column)).toEqual({ line: 2, column: 62 }); // `fail` after two annotations
  });

  it('prepares raw JS with the same line shift', () => {
    const { js, map } = prepareJs('a\nb');
    expect(js.split('\n')).toEqual(['', 'a', 'b']);
    expect(map(3, 4)).toEqual({ line: 2, column: 4 });
    expect(map(1, 1)).toBeUndefined();
  });
});
