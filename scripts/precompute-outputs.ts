// Build-time half of "outputs before Run": runs every live block's original snippet of the
// deck in Node (src/sandbox/precompute.ts: the worker's own snippet module) and serves the
// results to the deck, per language, as `virtual:precomputed-outputs/zh` and `/en` (the Vite
// plugin is scripts/precomputed-outputs-plugin.mjs, which loads this file with Vite's runner):
//   export default { '02-relu#1': { fingerprint, status: 'ok', outputs, end }, … }
// (src/sandbox/precomputed.ts loads them). Both builds embed them (the one file packs the
// modules like any chunk); a figure's numbers, the same in both languages, are stored once. Runs are cached on
// disk by snippet and by the code that runs it (core + sandbox), so a rebuild or a dev start
// only runs what changed; a changed snippet gets a new fingerprint and is run again.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, isLiveFence, parseLiveOptions } from '../src/slides/live-options';
import { splitSlides } from '../src/slides/split-slides';
import { precomputeBlock } from '../src/sandbox/precompute';
import type { PrecomputedBlock, PrecomputedOutputs } from '../src/sandbox/precomputed';
import { DEFAULT_TIMEOUT_MS } from '../src/sandbox/limits';

/** The deck's languages and where their slide files are. */
export const SLIDE_DIRS = { zh: 'slides', en: 'slides/en' } as const;
export type DeckLanguage = keyof typeof SLIDE_DIRS;

/** One live block of a slide file, named as the deck names it (src/live/block-id.ts). */
export interface LiveFence {
  /** `02-relu#1`: file name without `.md`, `#`, 1-based position among the file's live fences. */
  id: string;
  /** The fence's info string, e.g. `ts live autorun`. */
  info: string;
  /** The code as the deck shows it (the fence's text without its last newline). */
  code: string;
}

/** The live fences of one slide file's text, in order (fences inside other fences never split, see split-slides.ts). */
export function liveFencesOf(fileName: string, text: string): LiveFence[] {
  const split = splitSlides(text);
  if (!split.ok) return []; // a broken file is an error slide: no blocks
  const base = fileName.replace(/^.*\//, '').replace(/\.md$/, '');
  const fences: LiveFence[] = [];
  for (const slide of split.stacks.flat()) {
    const pattern = /^```(.*)\n([\s\S]*?)^```\s*$/gm;
    for (let m = pattern.exec(slide.markdown); m; m = pattern.exec(slide.markdown)) {
      if (isLiveFence(m[1])) fences.push({ id: `${base}#${fences.length + 1}`, info: m[1], code: m[2].replace(/\n$/, '') });
    }
  }
  return fences;
}

/** Every live fence of a language's slide files, in deck order. */
export function deckFences(language: DeckLanguage, root = process.cwd()): LiveFence[] {
  const dir = join(root, SLIDE_DIRS[language]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) => liveFencesOf(f, readFileSync(join(dir, f), 'utf8')));
}

const BUILD_LIMIT_FACTOR = 10;

/** Precomputes one fence: its run in Node, or machine-dependent. */
export function precomputeFence(fence: LiveFence): Promise<PrecomputedBlock> {
  // Ten times the block's own limit: the build machine may be busy (a loaded 2-core CI box ran a
  // 3 s demo past twice its limit), and a run that is merely slow still has one answer.
  const limitMs = BUILD_LIMIT_FACTOR * (parseLiveOptions(fence.info).timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return precomputeBlock(fence.code, fence.info, fingerprint(fence.code), limitMs);
}

/** A hash of the code that runs snippets (the core and the sandbox): when it changes, cached runs are stale. */
export function engineHash(root = process.cwd()): string {
  const hash = createHash('sha256');
  for (const dir of ['src/core', 'src/sandbox']) {
    for (const name of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).sort()) {
      if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(root, dir, name)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** A language's precomputed outputs, run in Node (or read from the cache when snippet and engine are unchanged). */
export async function precomputeDeck(
  language: DeckLanguage,
  options: { root?: string; cacheDir?: string } = {},
): Promise<PrecomputedOutputs> {
  const root = options.root ?? process.cwd();
  const cacheDir = options.cacheDir ?? join(root, 'node_modules/.cache/rectify-precomputed');
  mkdirSync(cacheDir, { recursive: true });
  const engine = engineHash(root);
  const table: PrecomputedOutputs = {};
  for (const fence of deckFences(language, root)) {
    const key = createHash('sha256').update(`${engine}\n${fence.info}\n${fence.code}`).digest('hex').slice(0, 24);
    const file = join(cacheDir, `${key}.json`);
    if (existsSync(file)) {
      try {
        table[fence.id] = JSON.parse(readFileSync(file, 'utf8')) as PrecomputedBlock;
        continue;
      } catch {
        // a damaged cache entry is run again
      }
    }
    const block = await precomputeFence(fence);
    if (block.status !== 'unavailable') writeFileSync(file, JSON.stringify(block));
    table[fence.id] = block;
  }
  return table;
}

/** Numeric arrays at least this long go to the shared pool (plots are the same in both languages). */
const POOL_MIN_LENGTH = 32;

/** Both languages' tables, their long numeric arrays moved to one pool both refer to as `{ "$n": index }`. */
export interface PooledTables {
  numbers: number[][];
  tables: Record<DeckLanguage, unknown>;
}

/** Moves every long numeric array of `tables` into a pool, once per distinct array. */
export function poolNumbers(tables: Record<DeckLanguage, PrecomputedOutputs>): PooledTables {
  const numbers: number[][] = [];
  const index = new Map<string, number>();
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value) && value.length >= POOL_MIN_LENGTH && value.every((v) => typeof v === 'number')) {
      const key = JSON.stringify(value);
      if (!index.has(key)) index.set(key, numbers.push(value as number[]) - 1);
      return { $n: index.get(key) };
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return { numbers, tables: { zh: walk(tables.zh), en: walk(tables.en) } };
}

/** Puts the pooled arrays back (what the generated modules do in the page). */
export function unpoolNumbers(table: unknown, numbers: number[][]): PrecomputedOutputs {
  return JSON.parse(JSON.stringify(table), (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value) && typeof value.$n === 'number' && Object.keys(value).length === 1
      ? numbers[value.$n]
      : value,
  ) as PrecomputedOutputs;
}

/** What changes the tables: the slide files and the engine (dev re-runs only then). */
export function deckStamp(root = process.cwd()): string {
  const files = Object.values(SLIDE_DIRS).flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `${dir}/${f}:${readFileSync(join(root, dir, f), 'utf8').length}:${statSync(join(root, dir, f)).mtimeMs}`),
  );
  return `${engineHash(root)}|${files.join('|')}`;
}

/** Every slide file of every language (absolute paths): what the tables are made from. */
export function slideFilePaths(root = process.cwd()): string[] {
  return Object.values(SLIDE_DIRS).flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(root, dir, f)),
  );
}

/** Both languages' tables, run (or read from the cache) and pooled: what the Vite plugin serves. */
export async function pooledTables(root = process.cwd()): Promise<PooledTables> {
  return poolNumbers({ zh: await precomputeDeck('zh', { root }), en: await precomputeDeck('en', { root }) });
}
