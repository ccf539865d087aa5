/**
 * The benchmarks' reference: plain reveal.js + its markdown plugin built from the same slide
 * files (bench/reference/), what a careful author gets from reveal.js alone. Loads of the deck
 * are measured against it in the same run, so a slower or busier machine moves both.
 */
import { build } from 'vite';

/** Where the reference is built. */
export const REFERENCE_DIR = 'dist-bench-reference';

/** Builds the reference deck into {@link REFERENCE_DIR}. */
export async function buildReferenceDeck(): Promise<void> {
  await build({ root: 'bench/reference', base: './', build: { outDir: `../../${REFERENCE_DIR}`, emptyOutDir: true }, logLevel: 'silent' });
}
