/**
 * The CJK fallback font, built from the slides by scripts/fallback-font.mjs: one `@font-face`
 * per slice of Noto Sans SC, last in the theme's stacks, so machines with a CJK font never
 * fetch it. On a machine without one, Chromium fetches a slice only while shaping a character
 * of it, and headings laid out before their slices arrived stayed boxes (seen on the title
 * slide). So when the system draws Chinese as boxes, every slice is loaded before the slides
 * are rendered: the entry awaits `loadFallbackFontIfNeeded()` (at most LOAD_LIMIT_MS).
 */
import 'virtual:fallback-font.css';

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
  const faces = [...document.fonts].filter((face) => face.family.replace(/["']/g, '') === FAMILY);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise((resolve) => (timer = setTimeout(resolve, LOAD_LIMIT_MS)));
  await Promise.race([Promise.all(faces.map((face) => face.load().catch(() => undefined))), limit]);
  clearTimeout(timer);
}
