// The one-file build (`npm run build:single` → dist-single/rectify.html), as Vite plugins used
// in mode `single` only. The file must open by double-click (`file://`), where the page may
// load nothing by URL: no module chunks, no workers from files, no fonts.
//
// How it is packed:
// - The entry's CSS is inlined in a <style> by vite-plugin-singlefile's `replaceCss`; a lazy
//   chunk's CSS (Monaco's, KaTeX's) is packed like the chunk and added when it is imported.
//   Fonts and images are data: URIs inside the CSS.
// - The entry and the chunks it imports statically are plain text inside the loader's script,
//   linked the moment it runs. Every other JS chunk and worker is stored gzip + base64 in
//   <script type="text/plain"> elements (parts of PART_CHARS) and unpacked with
//   DecompressionStream only when first imported, so Monaco, Plotly and KaTeX cost nothing
//   until a slide needs them. The page's own parser never reads those elements: the loader
//   stops it (window.stop()) and a hidden sandboxed frame opens the file again, reads them off
//   the main thread and posts them over; a browser that will not frame the file reloads it with
//   `?rectify-read-here`, where the page reads them itself. The CJK fallback font's stylesheet
//   is the one packed file before the loader, read by the page (see `inPage` below).
// - The small classic loader (`packLoader` below) turns a chunk into a blob: module URL after
//   its static imports, whose specifiers were replaced by placeholders here, are turned into
//   theirs; a dynamic `import("./x.js")` becomes `__rectifyPack.import("assets/x.js")`.
// - `import.meta.url` of a chunk becomes `rectify-single:/<its file name>`, so `new URL(x,
//   import.meta.url)` still resolves (to a name the loader knows) instead of throwing on a
//   blob: base. Monaco's workers are asked for by that name (src/editor/editor-workers-single.ts)
//   and start as classic workers from blob: URLs (module workers from blob: fail under file://).
import { gzipSync } from 'node:zlib';
import { replaceCss } from 'vite-plugin-singlefile';
import { FALLBACK_CSS_FILE } from './fallback-font.mjs';

/** The name the one file is written as. */
export const SINGLE_FILE_NAME = 'rectify.html';
/** The scheme chunk URLs get in the one file (never fetched: nothing can load from it). */
export const PACK_SCHEME = 'rectify-single:/';
const DEP_MARK = 'rectify-pack-dep:';
const ELEMENT_PREFIX = 'rectify-pack:';
/**
 * Query parameters of the loader: `reader` marks the hidden frame that reads the packed parts,
 * `readHere` a page that reads them itself (see packLoader).
 */
export const LOADER_QUERY = { reader: 'rectify-pack-reader', readHere: 'rectify-read-here' };

const PRELOAD_HELPER = '\0vite/preload-helper.js';
/** Stands in for Vite's preload helper: `deps` are the CSS files of the chunk `load` imports. */
const PACKED_PRELOAD_HELPER = `export const __vitePreload = (load, deps, importerUrl) => {
  const styles = (deps || []).filter((d) => d.endsWith('.css'));
  const pack = globalThis.__rectifyPack;
  return Promise.all(styles.map((d) => pack.style(pack.fileOf(new URL(d, importerUrl).href)))).then(() => load());
};`;

/** The plugins of mode `single`, in the order Vite should run them. */
export function singleFilePlugins() {
  return [singleFileConfig(), singleFilePack()];
}

/** Build settings, module redirects and CSS trims of the one-file build. */
function singleFileConfig() {
  return {
    name: 'rectify:single-file-config',
    // Before Vite's own resolver and CSS plugin: the redirect and the font trim act on sources.
    enforce: 'pre',
    config() {
      return {
        build: {
          // Everything the CSS names (fonts, icons) goes inside it: the file loads nothing by URL.
          assetsInlineLimit: () => true,
          // No <link rel=modulepreload>: the chunks are not files. A lazy chunk's CSS is packed
          // like the chunk and put in a <style> when the chunk is first imported (see load below).
          modulePreload: false,
          // Monaco's workers and TypeScript lib texts are big by nature; they are packed compressed.
          chunkSizeWarningLimit: 100000,
        },
        worker: { plugins: () => [trimTypeScriptLibs()] },
      };
    },
    async resolveId(source, importer) {
      // Monaco's workers come from the pack, not from files (see editor-workers-single.ts).
      if (source === './editor-workers' && importer && /[\\/]src[\\/]editor[\\/]/.test(importer)) {
        return this.resolve('./editor-workers-single.ts', importer, { skipSelf: true });
      }
      return undefined;
    },
    load(id) {
      // Vite's preload helper adds a lazy chunk's CSS as <link> tags; here the CSS is in the pack.
      if (id === PRELOAD_HELPER) return PACKED_PRELOAD_HELPER;
      return undefined;
    },
    transform(code, id) {
      // KaTeX lists each font three times (woff2, woff, ttf); every engine that runs this deck
      // reads woff2, so the other two would only make the file bigger once inlined.
      if (/[\\/]katex[\\/].*\.css$/.test(id.split('?')[0])) {
        return { code: code.replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, ''), map: null };
      }
      return undefined;
    },
  };
}

/** TypeScript lib files the editor never reads: snippets are checked with `lib: ['es2022']` (src/editor/monaco.ts), no DOM. */
const UNUSED_TS_LIBS = /^lib\.(?:dom|webworker|scripthost)[\w.]*\.d\.ts$/;

/**
 * Empties the DOM and web-worker declarations (2.6 MB of the TypeScript worker's 6.9 MB) in the
 * one file: snippets run in a worker with no DOM and are checked against ES2022 only. The
 * served deck keeps Monaco whole.
 */
function trimTypeScriptLibs() {
  return {
    name: 'rectify:single-file-ts-libs',
    transform(code, id) {
      if (!/monaco-editor[\\/].*[\\/]typescript[\\/]lib[\\/]lib\.js$/.test(id.split('?')[0])) return undefined;
      const starts = [...code.matchAll(/libFileMap\["([^"]+)"\] = /g)];
      if (starts.length < 20) throw new Error("single file: Monaco's TypeScript lib table has changed shape");
      let out = code.slice(0, starts[0].index);
      starts.forEach((m, i) => {
        const end = i + 1 < starts.length ? starts[i + 1].index : code.lastIndexOf('export');
        out += UNUSED_TS_LIBS.test(m[1]) ? `libFileMap[${JSON.stringify(m[1])}] = "";\n` : code.slice(m.index, end);
      });
      return { code: out + code.slice(code.lastIndexOf('export')), map: null };
    },
  };
}

/** Packs the build into one HTML file (see the top of this file). */
function singleFilePack() {
  return {
    name: 'rectify:single-file-pack',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const htmlName = Object.keys(bundle).find((name) => name.endsWith('.html'));
        if (!htmlName) throw new Error('single file: the build has no HTML page');
        const html = bundle[htmlName];
        let page = String(html.source);
        const manifest = {};
        const packed = [];
        // Packed files whose parts come before the loader, read by the page itself: the CJK
        // fallback font's stylesheet, which a machine without a CJK font needs before the first
        // slide (waiting for the reader frame there held the title back by seconds on a busy
        // machine). As text never parsed as CSS where it is not needed, it costs others little.
        const inPage = [];
        let entry;
        for (const item of Object.values(bundle)) {
          if (item.type === 'chunk') {
            if (item.isEntry) entry = item.fileName;
            const { code, deps } = relinkChunk(item, bundle);
            manifest[item.fileName] = deps;
            packed.push([item.fileName, code]);
          } else if (item.fileName.endsWith('.js')) {
            manifest[item.fileName] = []; // a worker: one classic script, no imports
            packed.push([item.fileName, String(item.source)]);
          } else if (item.fileName.endsWith('.css')) {
            // The entry's CSS goes in a <style>; a lazy chunk's is packed for pack.style().
            const inlined = replaceCss(page, item.fileName, String(item.source));
            if (inlined !== page) page = inlined;
            else {
              manifest[item.fileName] = [];
              packed.push([item.fileName, String(item.source)]);
              if (item.names?.includes(FALLBACK_CSS_FILE)) inPage.push(item.fileName);
            }
          }
        }
        if (!entry) throw new Error('single file: the build has no entry chunk');
        assertNoCycles(manifest);
        page = page
          .replace(/<script type="module"[^>]*src="[^"]*"[^>]*><\/script>\s*/g, '')
          .replace(/<link rel="modulepreload"[^>]*>\s*/g, '');
        if (/<(?:script|link)\b[^>]*\b(?:src|href)="(?!data:)/i.test(page)) {
          throw new Error('single file: the page still loads something by URL');
        }
        // The entry and what it imports are plain text in the loader itself, linked as soon as it
        // runs: unpacking them (a chain of tasks) waited behind the parser, which takes a while
        // over the heavy parts that follow; those are only needed after the deck is up.
        const eager = closure(entry, manifest);
        const eagerCode = Object.fromEntries(packed.filter(([name]) => eager.has(name)));
        const parts = {};
        const elementsOf = ([name, code]) => {
          const texts = packedParts(code);
          parts[name] = texts.length;
          return texts.map((text, i) => `<script type="text/plain" id="${ELEMENT_PREFIX}${name}#${i}">${text}</script>`);
        };
        if (inPage.length !== 1) throw new Error(`single file: expected one CJK fallback stylesheet, found ${inPage.length}`);
        const lazy = packed.filter(([name]) => !eager.has(name));
        // Elements first: making them counts each file's parts, which the loader is given.
        const before = lazy.filter(([name]) => inPage.includes(name)).flatMap(elementsOf);
        const after = lazy.filter(([name]) => !inPage.includes(name)).flatMap(elementsOf);
        const args = [manifest, entry, PACK_SCHEME, DEP_MARK, ELEMENT_PREFIX, eagerCode, parts, inPage, LOADER_QUERY].map(scriptJson);
        const body = [...before, `<script>(${packLoader})(${args.join(', ')});</script>`, ...after].join('\n');
        // A function, not a string: the code holds `$'` and the like, which a replacement string expands.
        page = page.replace('</body>', () => `${body}\n</body>`);
        for (const name of Object.keys(bundle)) if (name !== htmlName) delete bundle[name];
        html.fileName = SINGLE_FILE_NAME;
        html.source = page;
      },
    },
  };
}

/** A chunk's code with its imports pointed at the pack, and the chunks it imports statically. */
function relinkChunk(chunk, bundle) {
  let code = chunk.code.replaceAll('import.meta.url', JSON.stringify(PACK_SCHEME + chunk.fileName));
  const dir = chunk.fileName.includes('/') ? chunk.fileName.slice(0, chunk.fileName.lastIndexOf('/') + 1) : '';
  const spec = (file) => escapeRegExp(`./${file.startsWith(dir) ? file.slice(dir.length) : file}`);
  for (const file of chunk.imports) {
    const pattern = new RegExp(`(\\bfrom\\s*|\\bimport\\s*)(["'\`])${spec(file)}\\2`, 'g');
    const before = code;
    code = code.replace(pattern, (_, keyword) => `${keyword}"${DEP_MARK}${file}"`);
    if (code === before) throw new Error(`single file: ${chunk.fileName} imports ${file}, but the import was not found`);
  }
  for (const file of chunk.dynamicImports) {
    if (!(file in bundle) || bundle[file].type !== 'chunk') continue; // e.g. an empty CSS-only chunk
    const pattern = new RegExp(`\\bimport\\(\\s*(["'\`])${spec(file)}\\1\\s*\\)`, 'g');
    const before = code;
    code = code.replace(pattern, `globalThis.__rectifyPack.import(${JSON.stringify(file)})`);
    if (code === before) throw new Error(`single file: ${chunk.fileName} imports ${file} lazily, but the import was not found`);
  }
  const left = /\b(?:from\s*|import\s*\(?\s*)(["'`])\.\.?\/[^"'`]+\1/.exec(code);
  if (left) throw new Error(`single file: ${chunk.fileName} still imports by URL: ${left[0]}`);
  return { code, deps: [...chunk.imports] };
}

/** `value` as JSON that is safe inside an inline <script>: no `<` can close or comment it. */
function scriptJson(value) {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/**
 * Characters of base64 per script element. Chromium's HTML parser takes about twice as long
 * over one element of megabytes as over the same text in elements of this size (measured on
 * a page of 4.6 MB of base64 and nothing else, at 1×: in one element 500 ms, in parts of
 * 64–230 KB 270 ms).
 */
const PART_CHARS = 128 * 1024;

/** One packed file as the texts of its script elements (which the browser never runs): gzip, base64, cut in parts. */
function packedParts(code) {
  const data = gzipSync(Buffer.from(code, 'utf8'), { level: 9 }).toString('base64');
  const texts = [];
  for (let at = 0; at < data.length; at += PART_CHARS) texts.push(data.slice(at, at + PART_CHARS));
  return texts;
}

/** `name` and every chunk it imports statically, transitively. */
function closure(name, manifest, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const dep of manifest[name] ?? []) closure(dep, manifest, seen);
  return seen;
}

/** The loader links a chunk after its imports, so static imports between chunks must not loop. */
function assertNoCycles(manifest) {
  const state = new Map();
  const visit = (name, path) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'open') throw new Error(`single file: chunks import each other: ${[...path, name].join(' → ')}`);
    state.set(name, 'open');
    for (const dep of manifest[name] ?? []) visit(dep, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(manifest)) visit(name, []);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Runs in the page as a classic script (its source is inlined, so plain browser JavaScript
 * only): unpacks chunks on demand, links them as blob: modules, imports the entry.
 */
function packLoader(manifest, entry, scheme, depMark, elementPrefix, eagerCode, parts, inPageNames, query) {
  const params = new URLSearchParams(location.search);
  /** A packed file's text as the parser read it into this document, if it did. */
  const textIn = (name) => {
    const found = Array.from({ length: parts[name] ?? 0 }, (_, i) => document.getElementById(`${elementPrefix}${name}#${i}`));
    return found.length === 0 || found.includes(null) ? undefined : found.map((element) => element.textContent).join('');
  };
  /** The texts of the files after the loader (the frame's part, or a reading page's). */
  const textsIn = () =>
    Object.fromEntries(
      Object.keys(parts)
        .filter((name) => !inPageNames.includes(name))
        .map((name) => [name, textIn(name)]),
    );
  if (window !== window.top && params.has(query.reader)) {
    // The reader: this same file in the deck's hidden frame (below). It hands the packed texts over.
    document.addEventListener('DOMContentLoaded', () => window.parent.postMessage({ [query.reader]: textsIn() }, '*'), {
      once: true,
    });
    return;
  }
  performance.mark('rectify-pack:start');
  // As opened: the deck soon takes a shared link's edits out of the address (src/deck/main.ts).
  const openedAs = location.href;
  const readHere = params.has(query.readHere);
  // The parser stops here, before the packed parts: going through their megabytes on the main
  // thread held the first slide back by about 0.3 s. A frame in its own process (a
  // sandboxed one) reads them instead, once the deck has shown its first frames.
  if (!readHere) window.stop();
  /** Where a browser keeps the frame from handing the texts over: read them here, on a reload. */
  const reloadReadingHere = () => {
    console.warn('Rectify: the frame that reads the packed parts did not answer; reloading to read them in the page.');
    const next = new URL(openedAs);
    next.searchParams.set(query.readHere, '');
    location.replace(next.href);
  };
  const fromFrame = () =>
    new Promise((resolve) => {
      const frame = Object.assign(document.createElement('iframe'), { hidden: true });
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.setAttribute('aria-hidden', 'true');
      const src = new URL(location.href);
      src.hash = '';
      src.searchParams.set(query.reader, '');
      frame.src = src.href;
      let answered = false;
      const onMessage = (event) => {
        const texts = event.data?.[query.reader];
        if (event.source !== frame.contentWindow || typeof texts !== 'object' || texts === null) return;
        answered = true;
        window.removeEventListener('message', onMessage);
        frame.remove();
        resolve(texts);
      };
      window.addEventListener('message', onMessage);
      // The reader posts when its parser is done, before its load event; a frame that loads
      // without a word was blocked or failed (an engine that forbids framing local files).
      frame.addEventListener('load', () => setTimeout(() => answered || reloadReadingHere(), 3000), { once: true });
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => document.body.append(frame))));
    });
  const readInPage = () =>
    new Promise((resolve) =>
      document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', resolve, { once: true }) : resolve(),
    ).then(textsIn);
  let texts;
  /** The base64 text of a packed file (those after the loader are all read the first time one is asked for). */
  const packedText = async (name) => {
    const text = inPageNames.includes(name) ? textIn(name) : (await (texts ??= readHere ? readInPage() : fromFrame()))[name];
    if (typeof text !== 'string') throw new Error(`Rectify: ${name} is missing from this file.`);
    return text;
  };
  const urls = new Map();
  const bytes = (base64) =>
    typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(base64) : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const unpack = (base64) => new Response(new Blob([bytes(base64)]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  /** `code` with its placeholders for `deps` replaced by their `depUrls`. */
  const placeholders = new RegExp(`${depMark}[^"]+`, 'g'); // one pass: the entry is 300 KB
  const linked = (code, deps, depUrls) => code.replace(placeholders, (mark) => depUrls[deps.indexOf(mark.slice(depMark.length))] ?? mark);
  /** A blob: module URL for `code`, whose placeholders for `deps` are replaced by their `depUrls`. */
  const moduleUrl = (code, deps, depUrls) => URL.createObjectURL(new Blob([linked(code, deps, depUrls)], { type: 'text/javascript' }));
  const link = async (name) => {
    const deps = manifest[name];
    if (!deps) throw new Error(`Rectify: ${name} is not part of this file.`);
    const [text, depUrls] = await Promise.all([packedText(name).then(unpack), Promise.all(deps.map(url))]);
    return moduleUrl(text, deps, depUrls);
  };
  const styles = new Map();
  /** Adds a packed stylesheet to the page (once); resolves when it is in. */
  const style = (name) => {
    if (!styles.has(name)) {
      const added = packedText(name)
        .then(unpack)
        .then((css) => document.head.append(Object.assign(document.createElement('style'), { textContent: css })));
      styles.set(name, added);
    }
    return styles.get(name);
  };
  /** The blob: URL of a chunk the entry needs, linked now: its code and its imports' are at hand. */
  const eagerUrls = new Map();
  const linkNow = (name) => {
    if (!eagerUrls.has(name)) eagerUrls.set(name, moduleUrl(eagerCode[name], manifest[name], manifest[name].map(linkNow)));
    return eagerUrls.get(name);
  };
  /** The blob: URL of a packed chunk or worker (made once). */
  const url = (name) => {
    if (name in eagerCode) return Promise.resolve(linkNow(name));
    if (!urls.has(name)) urls.set(name, link(name));
    return urls.get(name);
  };
  const pack = Object.freeze({
    url,
    style,
    import: (name) => url(name).then((href) => import(href)),
    /** The packed file a `rectify-single:/…` URL names (as `new URL(x, import.meta.url)` made it). */
    fileOf: (href) => (String(href).startsWith(scheme) ? String(href).slice(scheme.length) : String(href)),
  });
  Object.defineProperty(window, '__rectifyPack', { value: pack });
  pack.import(entry).catch((error) => {
    console.error('Rectify: the deck could not start.', error);
    document.body.append(Object.assign(document.createElement('pre'), { textContent: String(error) }));
  });
}
