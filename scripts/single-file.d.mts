import type { Plugin } from 'vite';

export declare const SINGLE_FILE_NAME: string;
export declare const PACK_SCHEME: string;
export declare const LOADER_QUERY: { readonly reader: string; readonly readHere: string };
export declare function singleFilePlugins(): Plugin[];
