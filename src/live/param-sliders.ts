/**
 * Parameter sliders as a block feature: the controls of the code's `param(…)` calls above the
 * output (param-controls.ts draws them). Moving one sets the block's values and re-runs the
 * snippet once the slider comes to rest; typing redraws the controls once the typing pauses.
 */
import type { BlockFeature } from './block-feature';
import { renderParamControls } from './param-controls';

const RERUN_AFTER_MS = 250;
const REDRAW_AFTER_MS = 400;

export function paramSlidersFeature(): BlockFeature {
  return {
    attach(block) {
      const box = block.part('params');
      let rerun: ReturnType<typeof setTimeout> | undefined;
      let redraw: ReturnType<typeof setTimeout> | undefined;
      // What the controls show: a change that matches needs no redraw (the slider being dragged keeps its grip).
      let shownCode = '';
      let shownValues = '';
      const draw = () => {
        shownCode = block.code();
        shownValues = JSON.stringify(block.params());
        renderParamControls(box, shownCode, block.params(), (name, value) => {
          const values = { ...block.params(), [name]: value };
          shownValues = JSON.stringify(values);
          block.setParams(values);
          clearTimeout(rerun);
          rerun = setTimeout(() => void block.run(), RERUN_AFTER_MS);
        });
      };
      draw();
      const off = block.on('edited', ({ code, params }) => {
        clearTimeout(redraw);
        if (code !== shownCode) redraw = setTimeout(draw, REDRAW_AFTER_MS);
        else if (JSON.stringify(params) !== shownValues) draw();
      });
      // Reset puts the slide's values back at once, not after a typing pause.
      const offReset = block.on('reset', draw);
      return () => {
        off();
        offReset();
        clearTimeout(rerun);
        clearTimeout(redraw);
      };
    },
  };
}
