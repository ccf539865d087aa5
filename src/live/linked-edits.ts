/**
 * Code that arrived in a shared link (tools/share-edits.ts reads and checks it), as a block
 * feature: it wins over a saved edit, and is shown marked "from a link", never run unasked.
 */
import type { BlockFeature } from './block-feature';

/** Code (and parameter values) a link carried for one block. */
export interface LinkedCode {
  code: string;
  params?: Record<string, number>;
}

/** The feature offering `edits` (by block id) as the blocks' starting code. */
export function linkedEditsFeature(edits: Record<string, LinkedCode>): BlockFeature {
  return {
    initial({ id }) {
      if (!Object.hasOwn(edits, id)) return undefined;
      return { code: edits[id].code, params: edits[id].params ?? {}, from: 'link' };
    },
  };
}
