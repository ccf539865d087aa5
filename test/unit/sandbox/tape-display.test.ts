// showTape's display options (issue 13's scrubber): which views and which edges a tape asks for,
// checked by the schema at the snippet and again at the shell and host.
import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../../src/sandbox/plot-schema';
import { rebuildTapeDisplay } from '../../../src/sandbox/tape-schema';

describe('rebuildTapeDisplay', () => {
  it('keeps known views in their order and the edge mode; nothing given gives nothing', () => {
    expect(rebuildTapeDisplay(['loss', 'network'], 'gradient')).toEqual({ views: ['loss', 'network'], edges: 'gradient' });
    expect(rebuildTapeDisplay(undefined, undefined)).toEqual({});
  });

  it('refuses unknown, repeated, empty or non-list views and unknown edge modes, naming the field', () => {
    for (const views of [['map'], ['loss', 'loss'], [], 'loss', [{ toString: () => 'loss' }], Array(5).fill('loss')]) {
      expect(() => rebuildTapeDisplay(views, undefined)).toThrow(SchemaError);
    }
    expect(() => rebuildTapeDisplay(undefined, 'both')).toThrow(/edges must be 'weight' or 'gradient'/);
    expect(() => rebuildTapeDisplay(['heatmap'], undefined)).toThrow(/views\[0\] must be one of network, loss, output, gradients/);
  });
});
