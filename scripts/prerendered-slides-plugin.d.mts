import type { Plugin } from 'vite';

export declare function prerenderedSlidesPlugin(options?: { root?: string }): Plugin;
