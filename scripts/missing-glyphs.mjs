// Finds the characters a page shows as boxes ("tofu"): for every visible text node, each
// character is drawn on a canvas in that node's own font (family stack, weight, style) and
// compared, pixel for pixel, with a code point no font has (U+0378, unassigned). A character
// that draws exactly like it has no glyph in any font the page can use — web fonts (loaded
// first) or the system's. `npm run pdf` fails on any; the browser tests use it directly.

/** Code point with no glyph anywhere (unassigned in Unicode): what a box looks like. */
const NO_GLYPH = 0x378;

/**
 * `{ checked, missing }` for the page's visible text under `selector`: `checked` is the
 * number of distinct characters tested, `missing` those drawn as boxes, with their fonts.
 */
export async function findMissingGlyphs(page, selector = 'body') {
  return page.evaluate(
    async ({ selector, noGlyph }) => {
      const skip = /[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
      const byFont = new Map();
      const root = document.querySelector(selector) ?? document.body;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || element.closest('script, style, noscript, template') || !element.checkVisibility()) continue;
        const style = getComputedStyle(element);
        const font = `${style.fontStyle} ${style.fontWeight} 40px ${style.fontFamily}`;
        const chars = byFont.get(font) ?? byFont.set(font, new Set()).get(font);
        for (const char of node.data) if (!skip.test(char)) chars.add(char);
      }
      const canvas = document.createElement('canvas');
      canvas.width = 96;
      canvas.height = 72;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      const draw = (char) => {
        context.clearRect(0, 0, canvas.width, canvas.height);
        context.fillText(char, 16, 52);
        return context.getImageData(0, 0, canvas.width, canvas.height).data;
      };
      const same = (a, b) => a.length === b.length && a.every((value, i) => value === b[i]);
      const missing = new Map();
      const checked = new Set();
      for (const [font, chars] of byFont) {
        const text = [...chars].join('');
        // Web fonts (the CJK fallback among them) load on demand: make sure they are in.
        await document.fonts.load(font, text).catch(() => undefined);
        context.font = font;
        const box = draw(String.fromCodePoint(noGlyph));
        for (const char of chars) {
          checked.add(char);
          if (!same(draw(char), box)) continue;
          const entry = missing.get(char) ?? {
            char,
            codePoint: `U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
            fonts: [],
          };
          entry.fonts.push(font);
          missing.set(char, entry);
        }
      }
      return { checked: checked.size, missing: [...missing.values()] };
    },
    { selector, noGlyph: NO_GLYPH },
  );
}

/** One line naming the missing characters, for an error message. */
export function describeMissingGlyphs(missing) {
  return missing.map(({ char, codePoint }) => `${char} (${codePoint})`).join(', ');
}
