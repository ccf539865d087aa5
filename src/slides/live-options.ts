/**
 * What a live fence's info string asks for: ```ts live autorun timeout=10000 height=320.
 * Pure, so the rules are unit-tested.
 */

/** Options of one live block. */
export interface LiveOptions {
  /** Run as soon as the block's slide is shown (once per page load). */
  autorun: boolean;
  /** Time limit of a run in ms; the sandbox's default (3 s) when absent. */
  timeoutMs?: number;
  /** Editor height in px (the code's own height, within limits, when absent). */
  height?: number;
}

/** True for the class list reveal's markdown gives a ```ts live fence (the whole info string). */
export function isLiveFence(info: string): boolean {
  const words = info.trim().split(/\s+/);
  return words.includes('live') && ['ts', 'typescript'].includes(words[0]);
}

/** Parses the words after ```ts live; unknown words are ignored, bad numbers fall back to defaults. */
export function parseLiveOptions(info: string): LiveOptions {
  const options: LiveOptions = { autorun: false };
  for (const word of info.trim().split(/\s+/)) {
    const [key, value] = word.split('=');
    if (key === 'autorun') options.autorun = true;
    const n = Number(value);
    if (key === 'timeout' && Number.isFinite(n) && n > 0) options.timeoutMs = n;
    if (key === 'height' && Number.isFinite(n) && n > 0) options.height = n;
  }
  return options;
}

/** A short, stable fingerprint of a text (FNV-1a, 32 bits, hex): "has the original changed?". */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
