// The Vite plugin behind build-time Markdown (scripts/prerender-slides.ts): a slide file imported
// as `…/02-relu.md?slides-html=zh` (src/slides/slide-files.ts) is, in a build, a module whose
// default export is that file's slides converted to HTML, error slides worded in the language
// named by the query. The dev server exports `undefined` instead: there the page converts the
// Markdown itself, so a saved file shows without a conversion in Node first.
// The TypeScript side is loaded with Vite's module runner when first needed, so the config
// itself stays plain JavaScript.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const QUERY = /\?slides-html=(zh|en)$/;
const TOOLS = fileURLToPath(new URL('./prerender-slides.ts', import.meta.url));

/** The plugin; `root` is the repository (default: the working directory), which names files as authors see them. */
export function prerenderedSlidesPlugin(options = {}) {
  const root = resolve(options.root ?? process.cwd());
  let building = false;
  let tools;
  const load = () => (tools ??= runnerImport(TOOLS, { configFile: false, logLevel: 'error' }).then((r) => r.module));
  return {
    name: 'rectify:prerendered-slides',
    // Before Vite's own loaders, which would read a `.md` file as JavaScript.
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build';
    },
    async load(id) {
      const match = QUERY.exec(id);
      if (!match) return undefined;
      if (!building) return 'export default undefined;';
      const path = id.slice(0, match.index);
      this.addWatchFile(path);
      const file = relative(root, path).split('\\').join('/');
      const { prerenderSlideFile } = await load();
      const html = await prerenderSlideFile(file, await readFile(path, 'utf8'), match[1]);
      return `export default ${JSON.stringify(html)};`;
    },
  };
}
