// The Vite plugin serving the outputs every live block's original snippet produces, run at
// build time (scripts/precompute-outputs.ts; the deck loads them with src/sandbox/precomputed.ts):
//   virtual:precomputed-outputs/zh, virtual:precomputed-outputs/en — a table each, a lazy chunk each
//   virtual:precomputed-outputs/numbers — the figures' numbers, the same in both languages, stored once
// In dev and build alike; dev re-runs only when a slide file or the core/sandbox changed.
// The TypeScript side is loaded with Vite's module runner when first needed, so the config
// itself stays plain JavaScript (it runs the sandbox's snippet module and the core).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const MODULE_PREFIX = 'virtual:precomputed-outputs/';
const NAMES = ['zh', 'en', 'numbers'];
const TOOLS = fileURLToPath(new URL('./precompute-outputs.ts', import.meta.url));

/** The plugin; `root` is the repository (default: the working directory). */
export function precomputedOutputsPlugin(options = {}) {
  const root = resolve(options.root ?? process.cwd());
  let tools;
  let memo;
  const load = () => (tools ??= runnerImport(TOOLS, { configFile: false, logLevel: 'error' }).then((r) => r.module));
  const pooled = async () => {
    const { deckStamp, pooledTables } = await load();
    const key = deckStamp(root);
    if (memo?.key !== key) memo = { key, pooled: pooledTables(root) };
    return memo.pooled;
  };
  return {
    name: 'rectify:precomputed-outputs',
    resolveId: (id) => (id.startsWith(MODULE_PREFIX) && NAMES.includes(id.slice(MODULE_PREFIX.length)) ? '\0' + id : undefined),
    async load(id) {
      if (!id.startsWith('\0' + MODULE_PREFIX)) return undefined;
      const name = id.slice(1 + MODULE_PREFIX.length);
      const { SLIDE_DIRS, slideFilePaths } = await load();
      // Editing a slide file re-runs what changed.
      for (const file of slideFilePaths(root)) this.addWatchFile(file);
      const { numbers, tables } = await pooled();
      // JSON.parse of a string literal: faster to load than the same data as an object literal.
      if (name === 'numbers') return `export default JSON.parse(${JSON.stringify(JSON.stringify(numbers))});`;
      if (!(name in SLIDE_DIRS)) return undefined;
      return [
        `import numbers from '${MODULE_PREFIX}numbers';`,
        `export default JSON.parse(${JSON.stringify(JSON.stringify(tables[name]))}, (_key, value) =>`,
        `  value && typeof value === 'object' && !Array.isArray(value) && typeof value.$n === 'number' && Object.keys(value).length === 1 ? numbers[value.$n] : value);`,
      ].join('\n');
    },
  };
}
