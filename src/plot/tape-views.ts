/**
 * Every figure the time machine shows for one moment of a block's tapes (issue 13): per view
 * the snippet asked for (showTape's `views`), one figure per tape — the network diagram, the
 * model's output, the gradient norms through time — and one loss chart for all tapes. Pure:
 * specs and their text summaries, drawn by the caller with drawPlot (one Plotly.react each, or a
 * canvas for a network view).
 */
import type { PlotLayout, PlotTrace, TapeData, TapeView } from '../sandbox/protocol';
import { viewOrder } from '../sandbox/tape-time';
import { DEFAULT_MAX_EDGES, networkViewAt } from '../sandbox/network-view';
import { networkSummary, type NetworkText } from './network-figure';
import { canShowOutput, gradientFigure, lossFigure, outputFigure, type MomentMark, type TapeText } from './tape-figures';

/** A tape as the scrubber holds it. */
export interface ShownTape {
  id: string;
  name: string;
  tape: TapeData;
  views: readonly TapeView[];
  edges: 'weight' | 'gradient';
}

/** One figure: a stable key (its place in the page), the spec, and what a screen reader hears. */
export interface TapeFigure {
  key: string;
  traces: PlotTrace[];
  layout: PlotLayout;
  /** The chart's "now" (loss and gradient charts), drawn over it. */
  mark?: MomentMark;
  summary: string;
}

/** Words for both the charts and the network view (the deck passes its t()). */
export type TapeWords = TapeText &
  NetworkText &
  ((key: 'tmNetwork' | 'tmLayerInput' | 'tmLayerOutput' | 'tmLayerLinear', values: Record<string, string | number>) => string);

/** Activations by the spelling the slides use (a name, the same in both languages). */
const ACTIVATION_LABELS: Readonly<Record<string, string>> = {
  relu: 'ReLU',
  leakyRelu: 'Leaky ReLU',
  sigmoid: 'Sigmoid',
  tanh: 'tanh',
  elu: 'ELU',
  gelu: 'GELU',
  softplus: 'Softplus',
  silu: 'SiLU',
  swish: 'Swish',
};

/** Layer `l` of a diagram as the audience reads it: the input, the output, or its activation (the tape says 'input', 'leakyRelu'…). */
function layerLabel(l: number, layers: number, activation: string | undefined, words: TapeWords): string {
  if (l === 0) return words('tmLayerInput', {});
  if (activation === 'linear' || activation === 'identity' || activation === undefined)
    return words(l === layers - 1 ? 'tmLayerOutput' : 'tmLayerLinear', {});
  return ACTIVATION_LABELS[activation] ?? activation;
}

/** The figures at snapshot `index` (each tape clamps it to its own length), in the order the tapes ask for them. */
export function tapeFigures(tapes: readonly ShownTape[], index: number, words: TapeWords, height = 230): TapeFigure[] {
  const figures: TapeFigure[] = [];
  // Two diagrams side by side share the edge budget, so a scrub step stays one frame (issue 13's 300 edges ≈ 20 ms).
  const diagrams = tapes.filter((s) => s.views.includes('network')).length;
  const maxEdges = Math.floor(DEFAULT_MAX_EDGES / Math.max(1, diagrams)) + (diagrams > 1 ? 50 : 0);
  for (const view of viewOrder(tapes)) {
    if (view === 'loss') {
      const named = tapes.filter((s) => s.views.includes('loss')).map(({ name, tape }) => ({ name, tape }));
      const spec = lossFigure(named, index, words, height);
      figures.push({ key: 'loss', ...spec, summary: lossSummary(named, index, words) });
      continue;
    }
    for (const shown of tapes) {
      if (!shown.views.includes(view)) continue;
      const at = Math.min(index, shown.tape.count - 1);
      const key = `${view}:${shown.id}`;
      if (view === 'network') {
        const spec = networkViewAt(shown.tape, at, {
          edges: shown.edges,
          maxEdges,
          height,
          title: words('tmNetwork', { name: shown.name }),
        });
        const network = spec.traces[0].network!;
        network.layers.forEach((layer, l) => (layer.name = layerLabel(l, network.layers.length, shown.tape.activations[l - 1], words)));
        figures.push({ key, ...spec, summary: `${spec.layout.title}: ${networkSummary(network, words)}` });
      } else if (view === 'gradients') {
        const spec = gradientFigure(shown, at, words, height);
        figures.push({ key, ...spec, summary: String(spec.layout.title) });
      } else if (view === 'output' && canShowOutput(shown.tape)) {
        const spec = outputFigure(shown, at, words, height);
        figures.push({ key, ...spec, summary: String(spec.layout.title) });
      }
    }
  }
  return figures;
}

function lossSummary(tapes: readonly { name: string; tape: TapeData }[], index: number, words: TapeText): string {
  const parts = tapes.map(({ name, tape }) => `${name} ${tape.loss[Math.min(index, tape.count - 1)].toPrecision(3)}`);
  return `${words('tmLossTitle', {})}: ${parts.join(', ')}`;
}
