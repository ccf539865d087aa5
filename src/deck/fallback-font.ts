/**
 * The CJK fallback font, built from the slides by scripts/fallback-font.mjs: one `@font-face`
 * per slice of Noto Sans SC, last in the theme's stacks, so machines with a CJK font never
 * fetch it. On a machine without one, Chromium fetches a slice only while shaping a character
 * of it, and headings laid out before their slices arrived stayed boxes (seen on the title
 * slide). So when the system draws Chinese as boxes, every slice is loaded before the slides
 * are rendered: this module's top-level await holds the entry until then (at most LOAD_LIMIT_MS).
 */
import 'virtual:fallback-font.css';

const FAMILY = 'Rectify CJK Fallback';
/** A common Han character, and a code point no font has (unassigned): what a box looks like. */
const PROBE = '中';
const NO_GLYPH = '\u0378';
/** A slow or broken server must not keep the talk from starting. */
const LOAD_LIMIT_MS = 5000;

/** Whether the system's own fonts (the web fallback aside) draw {@link PROBE} as a box. */
function systemLacksCjk(): boolean {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 64;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return false;
  // A generic family: the browser's system fallback then tries every installed font.
  context.font = '40px sans-serif';
  const draw = (text: string) => {
    context.clearRect(0, 0, 64, 64);
    context.fillText(text, 8, 48);
    return context.getImageData(0, 0, 64, 64).data;
  };
  const box = draw(NO_GLYPH);
  return draw(PROBE).every((value, i) => value === box[i]);
}

if (systemLacksCjk()) {
  const faces = [...document.fonts].filter((face) => face.family.replace(/["']/g, '') === FAMILY);
  const loaded = Promise.all(faces.map((face) => face.load().catch(() => undefined)));
  await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, LOAD_LIMIT_MS))]);
}
