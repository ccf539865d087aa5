import type { Plugin } from 'vite';

/** One generated `@font-face`: its woff2 file and the code points its cmap maps. */
export interface FallbackFace {
  file: string;
  codePoints: number[];
}

export interface FallbackFont {
  faces: FallbackFace[];
  /** Every code point some face covers, sorted. */
  covered: number[];
  /** Wanted code points Noto Sans SC does not have (left to system fonts). */
  uncovered: number[];
}

export declare const FALLBACK_FAMILY: string;
export declare const FALLBACK_CSS_ID: string;
export declare const FALLBACK_CSS_FILE: string;
export declare const TEXT_SOURCES: ({ dir: string; ext: string[] } | { file: string })[];
export declare function isTextSource(path: string, root?: string): boolean;
export declare function readDeckText(root?: string): string;
export declare function glyphSet(text: string): number[];
export declare function toUnicodeRange(codePoints: Iterable<number>): string;
export declare function parseUnicodeRange(range: string): [number, number][];
export declare function buildFallbackFont(codePoints: number[], options?: { cacheDir?: string }): Promise<FallbackFont>;
export declare function defaultCacheDir(root?: string): string;
export declare function isFallbackFontFile(path: string): boolean;
export declare function fallbackCss(faces: FallbackFace[], cssDir: string): string;
export declare function fontLicence(): string;
export declare function fallbackFontPlugin(options?: { root?: string; cacheDir?: string }): Plugin;
