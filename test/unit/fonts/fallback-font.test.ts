/**
 * The CJK fallback font (issue 9, item 11): built from the deck's own text at build time, it
 * must cover every character of every slide (zh and en, notes and code included) and of the
 * deck's UI strings, and say which characters it leaves to the system's fonts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFallbackFont,
  glyphSet,
  isTextSource,
  parseUnicodeRange,
  readDeckText,
  toUnicodeRange,
  type FallbackFont,
} from '../../../scripts/fallback-font.mjs';

const cacheDir = mkdtempSync(join(tmpdir(), 'rectify-font-'));
let font: FallbackFont;
let deck: number[];

beforeAll(async () => {
  deck = glyphSet(readDeckText());
  font = await buildFallbackFont(deck, { cacheDir });
}, 120_000);
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Every code point the woff2 files' cmaps really map (read back with harfbuzz, not from our own metadata). */
async function mappedByFiles(result: FallbackFont): Promise<Set<number>> {
  const { default: subsetFont } = await import('subset-font');
  const mapped = new Set<number>();
  for (const face of result.faces) {
    // harfbuzz reads sfnt, not woff2: let the subsetter unpack it, keeping every glyph.
    const sfnt = await subsetFont(readFileSync(face.file), null, { targetFormat: 'sfnt', keepAllGlyphs: true });
    for (const cp of new hb.Face(new hb.Blob(sfnt)).collectUnicodes()) mapped.add(cp);
  }
  return mapped;
}

describe('glyphSet', () => {
  it('returns the distinct visible characters, sorted, without whitespace or variation selectors', () => {
    expect(glyphSet('ReLU 保安 🕶️\n保')).toEqual([...'LRUe保安🕶'].map((c) => c.codePointAt(0)).sort((a, b) => a! - b!));
  });
});

describe('toUnicodeRange / parseUnicodeRange', () => {
  it('merges runs and round-trips', () => {
    const range = toUnicodeRange([0x4e09, 0x4e00, 0x4e01, 0x41]);
    expect(range).toBe('U+41, U+4E00-4E01, U+4E09');
    expect(parseUnicodeRange(range)).toEqual([
      [0x41, 0x41],
      [0x4e00, 0x4e01],
      [0x4e09, 0x4e09],
    ]);
  });
});

describe('the deck text it is built from', () => {
  it('holds every character of every slide file, zh and en, speaker notes included', () => {
    const text = new Set(readDeckText());
    for (const dir of ['slides', 'slides/en']) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
        const missing = [...new Set(readFileSync(join(dir, name), 'utf8'))].filter((c) => !text.has(c));
        expect({ file: `${dir}/${name}`, missing }).toEqual({ file: `${dir}/${name}`, missing: [] });
      }
    }
    expect(readFileSync('slides/00-title.md', 'utf8')).toContain('Note:');
  });

  it("reads the deck's UI strings and any src/ file, so new strings need no registration", () => {
    expect(isTextSource(join(process.cwd(), 'src/i18n/ui-text.ts'))).toBe(true);
    expect(isTextSource(join(process.cwd(), 'src/i18n/zh.json'))).toBe(true);
    expect(isTextSource(join(process.cwd(), 'slides/en/02-relu.md'))).toBe(true);
    expect(isTextSource(join(process.cwd(), 'test/unit/fonts/fallback-font.test.ts'))).toBe(false);
    const ui = readFileSync('src/i18n/ui-text.ts', 'utf8');
    const text = new Set(readDeckText());
    expect([...new Set(ui)].filter((c) => !text.has(c))).toEqual([]);
  });
});

describe('buildFallbackFont', () => {
  it('covers every Chinese character and CJK punctuation mark of the deck, as its files really map them', async () => {
    const cjk = deck.filter((cp) => /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(String.fromCodePoint(cp)));
    expect(cjk.length).toBeGreaterThan(500);
    const mapped = await mappedByFiles(font);
    expect(cjk.filter((cp) => !mapped.has(cp)).map((cp) => String.fromCodePoint(cp))).toEqual([]);
    expect(font.covered.filter((cp) => !mapped.has(cp))).toEqual([]);
    // The unicode-ranges name exactly the deck's characters (harfbuzz also maps the bidi mirror of
    // a mapped one, ∈ → ∋, which the page never asks these files for).
    const inDeck = new Set(deck);
    expect(font.faces.flatMap((face) => face.codePoints).filter((cp) => !inDeck.has(cp))).toEqual([]);
  });

  it('reports a character outside the font (and not in any face), leaving the rest covered', async () => {
    const outside = 0x13000; // 𓀀, an Egyptian hieroglyph: not in Noto Sans SC
    const result = await buildFallbackFont([0x4e2d, outside], { cacheDir });
    expect(result.uncovered).toEqual([outside]);
    expect(result.covered).toEqual([0x4e2d]);
    expect(result.faces.flatMap((f) => f.codePoints)).toEqual([0x4e2d]);
  });

  it('leaves only emoji and a few symbols of the deck to system fonts', () => {
    const notEmoji = font.uncovered.filter((cp) => !/\p{Extended_Pictographic}/u.test(String.fromCodePoint(cp)));
    expect(notEmoji.filter((cp) => /\p{Script=Han}/u.test(String.fromCodePoint(cp)))).toEqual([]);
  });

  it('takes an unchanged set from the cache', async () => {
    const started = performance.now();
    const again = await buildFallbackFont(deck, { cacheDir });
    expect(again).toEqual(font);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
