import type { RevealApi } from 'reveal.js';

declare global {
  interface Window {
    /** The deck instance, for automation and the console (DESIGN.md's contract). */
    Reveal: RevealApi;
  }
}
