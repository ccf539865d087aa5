// The editor's IntelliSense reads src/core/generated/core.d.ts.txt: it must be current, compile
// as the module 'core', and give every export a doc comment.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from '../../../src/core/index';

const root = join(import.meta.dirname, '../../..');
const DTS = join(root, 'src/core/generated/core.d.ts.txt');
const text = readFileSync(DTS, 'utf8');

describe('core.d.ts.txt', () => {
  it('is up to date with src/core (else run `node scripts/core-dts.mjs`)', () => {
    const r = spawnSync(process.execPath, [join(root, 'scripts/core-dts.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr + r.stdout).toContain('up to date');
    expect(r.status).toBe(0);
  }, 30_000);

  it("type-checks a snippet that imports from 'core' the way a live slide does, and rejects a wrong call", () => {
    const dir = mkdtempSync(join(tmpdir(), 'core-dts-test-'));
    try {
      mkdirSync(join(dir, 'node_modules/core'), { recursive: true });
      writeFileSync(join(dir, 'node_modules/core/index.d.ts'), text);
      writeFileSync(
        join(dir, 'ok.ts'),
        [
          "import { relu, createRng, mlp, train, datasets, describe, adam, DivergenceError, type Network } from 'core';",
          'const y: number = relu(5) + relu.derivative(-1);',
          'const rng = createRng(42);',
          "const net: Network = mlp([2, 16, 1], { activation: 'relu', output: 'sigmoid', rng });",
          "const r = train(net, datasets.moons({ n: 100, seed: 1 }), { loss: 'bce', optimizer: adam(0.01), epochs: 5, onEpoch: ({ loss }) => void loss });",
          'const text: string = describe(net) + r.loss + y;',
          'const e: Error = new DivergenceError(1, 1, NaN, 0.1);',
          'export { text, e };',
        ].join('\n'),
      );
      writeFileSync(join(dir, 'bad.ts'), "import { relu, mlp } from 'core';\nrelu('5');\nmlp([2, 1], { activation: 'rectifier' });\n");
      const tsc = (file: string) =>
        spawnSync(
          process.execPath,
          [
            join(root, 'node_modules/typescript/bin/tsc'),
            join(dir, file),
            '--ignoreConfig',
            '--noEmit',
            '--strict',
            '--target',
            'es2022',
            '--lib',
            'es2023',
            '--module',
            'esnext',
            '--moduleResolution',
            'bundler',
            '--types',
            '',
          ],
          { encoding: 'utf8', cwd: dir },
        );
      const ok = tsc('ok.ts');
      expect(ok.stdout + ok.stderr).toBe('');
      const bad = tsc('bad.ts');
      expect(bad.stdout).toMatch(/bad\.ts\(2,\d+\): error TS2345/);
      expect(bad.stdout).toMatch(/bad\.ts\(3,\d+\): error TS2322.*rectifier/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('declares every runtime export of src/core/index.ts', () => {
    for (const name of Object.keys(core))
      expect(text).toMatch(new RegExp(`^export (declare )?(function|const|class|namespace) ${name}\\b`, 'm'));
  });

  it('gives every exported declaration a one-line doc comment (the audience sees it on hover)', () => {
    const lines = text.split('\n');
    const undocumented = lines.flatMap((line, i) => {
      if (!/^\s*export (declare )?(function|const|class|interface|type|namespace) /.test(line)) return [];
      return /\*\/\s*$/.test(lines[i - 1] ?? '') ? [] : [line.trim()];
    });
    expect(undocumented).toEqual([]);
  });
});
