import type { Page } from 'playwright-core';

/** A character drawn as a box, and the fonts (canvas shorthand) it was drawn in. */
export interface MissingGlyph {
  char: string;
  /** `U+4E2D` */
  codePoint: string;
  fonts: string[];
}

export declare function findMissingGlyphs(page: Page, selector?: string): Promise<{ checked: number; missing: MissingGlyph[] }>;
export declare function describeMissingGlyphs(missing: MissingGlyph[]): string;
