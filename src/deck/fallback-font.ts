/**
 * The CJK fallback font, built from the slides by scripts/fallback-font.mjs: one `@font-face`
 * per slice of Noto Sans SC, last in the theme's stacks. On a machine without a CJK font,
 * Chromium fetches a slice only while shaping a character of it, and headings laid out before
 * their slices arrived stayed boxes (seen on the title slide). So when the system draws
 * Chinese as boxes, the font's stylesheet is added and every slice loaded before the slides
 * are rendered: the entry awaits `loadFallbackFontIfNeeded()` (at most LOAD_LIMIT_MS).
 * Elsewhere the stylesheet is never added: in the one-file build its slices are inline, and
 * 350 KB of CSS in the page's head delayed every first slide (by about 0.1 s).
 */

const FAMILY = 'Rectify CJK Fallback';
/**
 * Two common Han characters: any CJK font draws them differently, a system without one draws
 * both as the same box. (Comparing with a code point no font has also tells boxes apart, but
 * the browser then searches every installed font for it: 10–25 ms at start on a desktop.)
 */
const PROBES = ['中', '国'] as const;
/** A slow or broken server must not keep the talk from starting. */
const LOAD_LIMIT_MS = 5000;

/** Whether the system's own fonts (the web fallback aside) draw Chinese as boxes. */
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
  const first = draw(PROBES[0]);
  return draw(PROBES[1]).every((value, i) => value === first[i]);
}

/**
 * When the system draws Chinese as boxes, loads every slice of the fallback font (at most
 * LOAD_LIMIT_MS); elsewhere returns at once. The entry awaits it before rendering the slides.
 */
export async function loadFallbackFontIfNeeded(): Promise<void> {
  if (!systemLacksCjk()) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise((resolve) => (timer = setTimeout(resolve, LOAD_LIMIT_MS)));
  await Promise.race([loadFallbackFont().catch((error) => console.error('Rectify: the CJK fallback font did not load.', error)), limit]);
  clearTimeout(timer);
}

/** Adds the fallback font's stylesheet, then loads every slice it declares. */
async function loadFallbackFont(): Promise<void> {
  await import('virtual:fallback-font.css');
  const faces = [...document.fonts].filter((face) => face.family.replace(/["']/g, '') === FAMILY);
  await Promise.all(faces.map((face) => face.load().catch(() => undefined)));
}
