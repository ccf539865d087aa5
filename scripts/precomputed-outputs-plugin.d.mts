import type { Plugin } from 'vite';

export declare function precomputedOutputsPlugin(options?: { root?: string }): Plugin;
