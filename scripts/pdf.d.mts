import type { Browser } from 'playwright-core';

export interface PdfOptions {
  /** Where to write the PDF (default `rectify-handout.pdf` in the working directory). */
  out?: string;
  /** The built deck (default `dist`, relative to the repository). */
  dist?: string;
  /** true: always build; false: never; default: only when the deck is not built. */
  build?: boolean;
  /** `'en'` for the English deck. */
  lang?: string;
  /** Longest wait for every live block's output, in ms (default 300 000). */
  timeoutMs?: number;
  /** A browser to reuse (it is left open). */
  browser?: Browser;
  /** Receives progress lines. */
  log?: (line: string) => void;
}

export interface PdfResult {
  path: string;
  bytes: number;
  pdf: Buffer;
  /** `.pdf-page`s in the print view. */
  pages: number;
  /** reveal's total slide count. */
  slides: number;
  blocks: number;
  plotBlocks: string[];
  plots: number;
  blocksWithPlots: string[];
  imageSizes: [number, number][];
  undrawnPlots: number;
  statuses: Record<string, string>;
  editors: number;
  scaled: number;
  overflowing: string[];
  problems: string[];
  /** Distinct printed characters checked for a glyph (none missing, or makePdf rejects). */
  glyphsChecked: number;
}

export declare function makePdf(options?: PdfOptions): Promise<PdfResult>;
export declare function pdfImages(pdf: Uint8Array): { width: number; height: number }[];
export declare function pdfPageCount(pdf: Uint8Array): number;
