// subset-font ships no types; the test reads the built woff2 files back through it.
declare module 'subset-font' {
  export default function subsetFont(
    font: Uint8Array,
    text: string | null,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2'; keepAllGlyphs?: boolean },
  ): Promise<Buffer>;
}
