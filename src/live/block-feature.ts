/**
 * The seam every live-block feature goes through. A feature is one file: saved edits, code from
 * a shared link, the window mirror, parameter sliders — and whatever comes next — implement
 * this, and the live-code instance hands its list to each block. A block never learns which
 * features exist; a new feature is a new file, not a new constructor argument.
 */
import type { LiveBlock } from './live-block';

/** What a block is before it is built: enough for a feature to say what code it starts from. */
export interface BlockPlan {
  /** Language-independent id (block-id.ts), e.g. `02-relu#1`. */
  id: string;
  /** Its slide file, e.g. `slides/en/02-relu.md`. */
  file: string;
  /** Its position, 1-based, among that file's live blocks. */
  index: number;
  /** The code as the slide has it. */
  original: string;
}

/** Code (and parameter values) a feature offers to start from, and where it came from. */
export interface StartingCode {
  code: string;
  params: Record<string, number>;
  /** `link` is shown marked "from a link" and never autoruns; `saved` is the viewer's own edit. */
  from: 'link' | 'saved';
}

export interface BlockFeature {
  /**
   * The code to start from, if this feature has some. The instance asks its features in order
   * and the first answer wins: a shared link before a saved edit, a saved edit before the slide.
   */
  initial?(plan: BlockPlan): StartingCode | undefined;
  /** Connects the feature to a built block; returns what disconnects it (called at dispose). */
  attach?(block: LiveBlock): () => void;
}

/** The code a block starts from: the first feature's offer, or the slide's code. */
export function startingCode(plan: BlockPlan, features: readonly BlockFeature[]): StartingCode | undefined {
  for (const feature of features) {
    const offer = feature.initial?.(plan);
    if (offer) return offer;
  }
  return undefined;
}
