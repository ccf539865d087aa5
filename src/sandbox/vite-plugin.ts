// Build-time only (runs in Node inside Vite): bundles the sandbox's runner (with the core)
// and shell as self-contained classic scripts and serves them to the host as strings,
// the same way in dev and in build — the sandbox has an opaque origin and loads nothing by URL.
//   virtual:sandbox-runner → export default <runner IIFE source>
//   virtual:sandbox-shell  → export default <shell IIFE source>; export const hash = <its sha256, base64>
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

const MODULES: Record<string, string> = {
  'virtual:sandbox-runner': 'runner.ts',
  'virtual:sandbox-shell': 'shell.ts',
};

/** The Vite plugin providing `virtual:sandbox-runner` and `virtual:sandbox-shell`. */
export function sandboxRunnerPlugin(): Plugin {
  let minify = true;
  return {
    name: 'rectify:sandbox-runner',
    configResolved(config) {
      minify = config.command === 'build';
    },
    resolveId(id) {
      return id in MODULES ? '\0' + id : undefined;
    },
    async load(id) {
      if (!id.startsWith('\0virtual:sandbox-')) return undefined;
      const name = id.slice(1);
      const entry = fileURLToPath(new URL(`./${MODULES[name]}`, import.meta.url));
      const { code, files } = await bundleIife(entry, minify);
      for (const f of files) this.addWatchFile(f);
      if (name === 'virtual:sandbox-runner') return `export default ${JSON.stringify(code)};`;
      return `export default ${JSON.stringify(code)};\nexport const hash = ${JSON.stringify(await sha256(code))};`;
    },
  };
}

/** Bundle `entry` into one classic script; also returns the files it was built from (to watch). */
export async function bundleIife(entry: string, minify = true): Promise<{ code: string; files: string[] }> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify,
      target: 'es2022',
      sourcemap: false,
      emptyOutDir: false,
      lib: { entry, formats: ['iife'], name: '__rectifySandbox', fileName: 'sandbox' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if (!('output' in out)) continue;
    const chunk = out.output.find((o) => o.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') continue;
    // An inline script ends at the first `</script`; a bundle containing it must not be inlined.
    if (/<\/script|<!--/i.test(chunk.code)) throw new Error(`${entry}: bundle contains "</script" or "<!--"`);
    return { code: chunk.code, files: chunk.moduleIds.filter((m) => !m.startsWith('\0')) };
  }
  throw new Error(`${entry}: the build produced no chunk`);
}

/** Base64 SHA-256 of `text`, as CSP `'sha256-…'` sources expect. */
export async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest));
}
