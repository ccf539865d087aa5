/**
 * Outputs before Run, build-time half: every live block's precomputed output equals a separate
 * Node run of its snippet (test/unit/slides/run-snippets.ts, the path the snippet tests use),
 * blocks that time themselves are machine-dependent, and a changed snippet's precomputed
 * output is no longer offered (its fingerprint differs) and is run again at the next build.
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deckFences, poolNumbers, precomputeDeck, unpoolNumbers, type DeckLanguage } from '../../../scripts/precompute-outputs';
import { finalOutputs, isMachineDependent } from '../../../src/sandbox/precompute';
import { precomputedFor, type PrecomputedOutputs } from '../../../src/sandbox/precomputed';
import { fingerprint } from '../../../src/slides/live-options';
import { liveSnippets, runSnippet } from '../slides/run-snippets';

const scratch = mkdtempSync(join(tmpdir(), 'rectify-precompute-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tables = new Map<DeckLanguage, Promise<PrecomputedOutputs>>();
/** A language's table, computed once per test file into an empty cache (so nothing is read from an old build). */
const tableFor = (language: DeckLanguage) => {
  if (!tables.has(language)) tables.set(language, precomputeDeck(language, { cacheDir: join(scratch, `cache-${language}`) }));
  return tables.get(language)!;
};

describe.each(['zh', 'en'] as const)('precomputed outputs (%s)', (language) => {
  const dir = language === 'zh' ? 'slides' : 'slides/en';

  it('has one entry per live block, named file#n as the deck names blocks', async () => {
    const table = await tableFor(language);
    const perFile = new Map<string, number>();
    const expected = liveSnippets(dir).map((s) => {
      const base = s.file.replace(/^.*\//, '').replace(/\.md$/, '');
      perFile.set(base, (perFile.get(base) ?? 0) + 1);
      return `${base}#${perFile.get(base)}`;
    });
    expect(Object.keys(table)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(10);
  }, 180_000);

  it('equals a separate Node run of each snippet, and every block but the timed one has output', async () => {
    const table = await tableFor(language);
    for (const fence of deckFences(language)) {
      const entry = table[fence.id];
      expect(entry.fingerprint, fence.id).toBe(fingerprint(fence.code));
      if (isMachineDependent(fence.code, fence.info)) {
        expect(entry.status, fence.id).toBe('machine-dependent');
        continue;
      }
      expect(entry.status, fence.id).toBe('ok');
      if (entry.status !== 'ok') continue;
      const run = await runSnippet({ file: dir, line: 0, info: fence.info, code: fence.code });
      expect(entry, fence.id).toEqual({ fingerprint: entry.fingerprint, status: 'ok', ...finalOutputs(run.messages) });
      expect(entry.end, fence.id).toEqual({ kind: 'done' });
      expect(entry.outputs.length, fence.id).toBeGreaterThan(0);
    }
  }, 240_000);

  it('records the speed demo as machine-dependent, not as the build machine numbers', async () => {
    const table = await tableFor(language);
    const speed = deckFences(language).find((f) => /msPerRun/.test(f.code));
    expect(speed).toBeDefined();
    expect(table[speed!.id]).toEqual({ fingerprint: fingerprint(speed!.code), status: 'machine-dependent' });
    // Control: the detector does not flag a plain block.
    expect(isMachineDependent("import { relu } from 'rectify';\nconsole.log(relu(-1));", 'ts live')).toBe(false);
    expect(isMachineDependent('console.log(1);', 'ts live machine')).toBe(true);
  }, 180_000);
});

describe('the embedded form', () => {
  it('stores each figure’s numbers once for both languages and gives back the same tables', async () => {
    const tables = { zh: await tableFor('zh'), en: await tableFor('en') };
    const { numbers, tables: pooled } = poolNumbers(tables);
    expect(unpoolNumbers(pooled.zh, numbers)).toEqual(tables.zh);
    expect(unpoolNumbers(pooled.en, numbers)).toEqual(tables.en);
    // Shared: the pool is smaller than the two languages' arrays together (control: it holds some).
    const arrays = JSON.stringify(tables).length;
    expect(numbers.length).toBeGreaterThan(0);
    expect(JSON.stringify(numbers).length).toBeLessThan(arrays / 2);
  }, 240_000);
});

describe('a changed snippet', () => {
  const root = join(scratch, 'deck');
  const write = (code: string) => {
    for (const dir of ['slides', 'slides/en']) {
      mkdirSync(join(root, dir), { recursive: true });
      writeFileSync(join(root, dir, '01-x.md'), `## A\n\n\`\`\`ts live\n${code}\n\`\`\`\n`);
    }
  };

  it('is not offered its old output, and the next build runs it again', async () => {
    mkdirSync(root, { recursive: true });
    symlinkSync(resolve('src'), join(root, 'src'));
    const cacheDir = join(scratch, 'cache-changed');
    const before = "import { relu } from 'rectify';\nconsole.log('relu', relu(2));";
    const after = "import { relu } from 'rectify';\nconsole.log('relu', relu(3));";
    write(before);
    const old = await precomputeDeck('zh', { root, cacheDir });
    expect(precomputedFor(old, '01-x#1', fingerprint(before))).toMatchObject({
      status: 'ok',
      outputs: [{ kind: 'log', parts: ['relu', '2'] }],
    });
    expect(precomputedFor(old, '01-x#1', fingerprint(after))).toBeUndefined();
    write(after);
    const fresh = await precomputeDeck('zh', { root, cacheDir });
    expect(precomputedFor(fresh, '01-x#1', fingerprint(after))).toMatchObject({
      status: 'ok',
      outputs: [{ kind: 'log', parts: ['relu', '3'] }],
    });
  });
});
