import { defineConfig } from 'vite';
import { sandboxRunnerPlugin } from './src/sandbox/vite-plugin.ts';
import { fallbackFontPlugin, isFallbackFontFile } from './scripts/fallback-font.mjs';
import { singleFilePlugins } from './scripts/single-file.mjs';
import { precomputedOutputsPlugin } from './scripts/precomputed-outputs-plugin.mjs';
import { offlinePlugin } from './scripts/offline-plugin.mjs';
import { prerenderedSlidesPlugin } from './scripts/prerendered-slides-plugin.mjs';

// `base: './'` makes dist/ work from any sub-path (a USB stick, a GitHub Pages folder).
// Mode `single` (`npm run build:single`) packs the same deck into one HTML file for `file://`
// (see scripts/single-file.mjs); its plugins override the build settings below where it must.
export default defineConfig(({ mode }) => ({
  base: './',
  // The sandbox's runner and shell reach its opaque-origin iframe as strings (see src/sandbox).
  // The CJK fallback font is subset from the slides at build time (see scripts/fallback-font.mjs).
  // Every live block's original snippet is run at build time for its output before Run (scripts/precomputed-outputs-plugin.mjs).
  // A build converts the slides' Markdown to HTML ahead (scripts/prerendered-slides-plugin.mjs).
  // The served deck works offline after one visit (scripts/offline-plugin.mjs; off in mode `single`).
  plugins: [
    sandboxRunnerPlugin(),
    fallbackFontPlugin(),
    precomputedOutputsPlugin(),
    prerenderedSlidesPlugin(),
    ...offlinePlugin(mode),
    ...(mode === 'single' ? singleFilePlugins() : []),
  ],
  build: {
    target: 'es2022',
    // The fallback font's small files stay files: inlined, every visitor would download them
    // inside the CSS, when only a machine without a CJK font should fetch them.
    assetsInlineLimit: (file) => (isFallbackFontFile(file) ? false : undefined),
    // Monaco and Plotly are big by nature and load lazily; don't warn about them.
    chunkSizeWarningLimit: 8000,
  },
  // Dependencies reached only from workers or lazy chunks: pre-bundle them up front so the
  // dev server does not reload the page mid-talk when they are first seen.
  optimizeDeps: { include: ['sucrase', 'plotly.js-cartesian-dist-min', 'katex', 'highlight.js/lib/core'] },
  server: { port: 5173 },
  preview: { port: 4173 },
}));
