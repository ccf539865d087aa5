import type { PluginOption } from 'vite';
/** Where the service worker's precache keeps the built index.html (never matched by a navigation). */
export declare const OFFLINE_PAGE: string;
/** vite-plugin-pwa for the served deck; disabled in mode `single`. */
export declare function offlinePlugin(mode: string): PluginOption[];
