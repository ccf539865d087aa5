// The editor's IntelliSense reads the generated declarations (src/core/generated/core.d.ts.txt
// and src/sandbox/generated/snippet-api.d.ts.txt): they must be current, compile as the
// modules 'core' and 'rectify', and give every export a doc comment.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from '../../../src/core/index';
import { EDITOR_DTS, typeCheck, undocumentedExports } from '../support/type-check';

const root = join(import.meta.dirname, '../../..');
const text = readFileSync(EDITOR_DTS.core, 'utf8');

describe('core.d.ts.txt', () => {
  it('is up to date with src/core, as is snippet-api.d.ts.txt with its source (else run `node scripts/core-dts.mjs`)', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/core-dts.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stdout).toContain('src/core/generated/core.d.ts.txt is up to date');
    expect(r.stdout).toContain('src/sandbox/generated/snippet-api.d.ts.txt is up to date');
    expect(r.status).toBe(0);
  }, 30_000);

  it("type-checks a snippet that imports from 'core' the way a live slide does, and rejects a wrong call", () => {
    const result = typeCheck(
      { core: text },
      {
        'ok.ts': [
          "import { relu, createRng, mlp, train, datasets, describe, adam, DivergenceError, type Network } from 'core';",
          'const y: number = relu(5) + relu.derivative(-1);',
          'const rng = createRng(42);',
          "const net: Network = mlp([2, 16, 1], { activation: 'relu', output: 'sigmoid', rng });",
          "const r = train(net, datasets.moons({ n: 100, seed: 1 }), { loss: 'bce', optimizer: adam(0.01), epochs: 5, onEpoch: ({ loss }) => void loss });",
          'const text: string = describe(net) + r.loss + y;',
          'const e: Error = new DivergenceError(1, 1, NaN, 0.1);',
          'export { text, e };',
        ].join('\n'),
        'bad.ts': "import { relu, mlp } from 'core';\nrelu('5');\nmlp([2, 1], { activation: 'rectifier' });\n",
      },
    );
    expect(result['ok.ts']).toBe('');
    expect(result['bad.ts']).toMatch(/bad\.ts\(2,\d+\): error TS2345/);
    expect(result['bad.ts']).toMatch(/bad\.ts\(3,\d+\): error TS2322.*rectifier/);
  }, 30_000);

  it('declares every runtime export of src/core/index.ts', () => {
    for (const name of Object.keys(core))
      expect(text).toMatch(new RegExp(`^export (declare )?(function|const|class|namespace) ${name}\\b`, 'm'));
  });

  it('gives every exported declaration a one-line doc comment (the audience sees it on hover)', () => {
    expect(undocumentedExports(text)).toEqual([]);
  });
});
