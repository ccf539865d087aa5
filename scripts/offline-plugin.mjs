// The served deck as an installable app that opens offline after one visit (vite-plugin-pwa,
// Workbox's generateSW): a web manifest and a service worker that precaches the whole build.
// Registration is src/tools/offline.ts. In mode `single` the plugin is disabled (no worker, no
// manifest; `virtual:pwa-register` becomes the plugin's no-op) and public/ is not copied: the
// one file needs none of it. The dev server never has a worker (devOptions stay off).
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The precache's copy of the built index.html, written beside it. The page itself is not
 * precached, so that no navigation ever matches the precache: `npm run present` marks the page it
 * serves as the room's (<meta name="rectify-room">), and a cached page would keep followers out of
 * the room. Navigations go to the network; this copy answers only when the network fails. (A copy
 * under another name, not `index.html?x`: present would mark that too, and the offline deck would
 * look for a room.)
 */
export const OFFLINE_PAGE = 'offline.html';

export function offlinePlugin(mode) {
  const single = mode === 'single';
  return [
    VitePWA({
      disable: single,
      // A new build's worker takes over at once; the page says so (src/tools/offline.ts).
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'ReLU 激活函数 · Rectify',
        short_name: 'Rectify',
        description: 'A live, interactive talk about the ReLU activation function.',
        lang: 'zh-CN',
        start_url: './',
        scope: './',
        display: 'standalone',
        // assets/theme.css: --relu-color and --r-background-color.
        theme_color: '#1f5fbf',
        background_color: '#fbfaf6',
        // Drawn from public/icons/icon.svg by scripts/make-icons.mjs.
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // The plugin adds the manifest to the precache; the icons come with the glob below.
      includeManifestIcons: false,
      workbox: {
        // Everything the deck loads, Monaco's and Plotly's lazy chunks and both fonts included
        // (the CJK fallback's slices too, so a machine without a CJK font reads Chinese offline).
        // KaTeX's .woff and .ttf copies are left out: every browser that runs the deck reads woff2.
        globPatterns: ['**/*.{js,css,html,woff2,ttf,png,svg}'],
        globIgnores: ['index.html', '**/KaTeX_*.ttf'],
        // Monaco's TypeScript worker alone is 7 MB.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: null,
        runtimeCaching: [
          {
            // Pages from the network, the precached copy when it fails (see OFFLINE_PAGE). Nothing is
            // stored per URL: a page `npm run present` marked must not come back from a cache.
            urlPattern: ({ request }) => request.mode === 'navigate',
            handler: 'NetworkOnly',
            options: { precacheFallback: { fallbackURL: OFFLINE_PAGE } },
          },
        ],
        cleanupOutdatedCaches: true,
        // With `injectRegister: false` the plugin leaves these to us: what 'autoUpdate' means.
        skipWaiting: true,
        clientsClaim: true,
      },
    }),
    {
      name: 'rectify:offline-page',
      config: () => (single ? { build: { copyPublicDir: false } } : undefined),
      generateBundle: {
        order: 'post',
        handler(_options, bundle) {
          const page = bundle['index.html'];
          if (single || page?.type !== 'asset') return;
          this.emitFile({ type: 'asset', fileName: OFFLINE_PAGE, source: page.source });
        },
      },
    },
  ];
}
