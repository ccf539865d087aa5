/**
 * A validated network view (sandbox/plot-spec.ts: NetworkView) as a figure in Plotly's terms,
 * which network-canvas.ts paints: edges as NaN-separated lines bucketed by width (one per bucket
 * and colour), units as one marker trace for the living and one for the dead, wide layers as
 * one labelled block, and each layer's name and ‖dL/dW‖ as annotations. Every text it shows goes through plainText; the
 * words come from the caller (the deck's t()), or are maths-only when none are given.
 */
import { NETWORK_CAPS } from '../sandbox/plot-spec';
import type { NetworkLayerView, NetworkView } from '../sandbox/protocol';
import { plainText } from './plain-text';

/** The words a network view shows, by key (the deck passes its t(); see networkText). */
export type NetworkTextKey =
  | 'netUnit'
  | 'netDead'
  | 'netInactive'
  | 'netRange'
  | 'netWeightNorm'
  | 'netMean'
  | 'netGradNorm'
  | 'netBlock'
  | 'netSummary'
  | 'netSummaryLayer';

/** A phrase for a key, its `{name}` slots filled. */
export type NetworkText = (key: NetworkTextKey, values: Record<string, string | number>) => string;

// Language-free wording (maths and symbols) for when no words are passed, e.g. in Node.
const MATHS: Record<NetworkTextKey, string> = {
  netUnit: '{layer} #{unit}',
  netDead: '✕ z ≤ 0, ∂ = 0',
  netInactive: 'z ≤ 0',
  netRange: 'z ∈ [{min}, {max}]',
  netWeightNorm: '‖w‖ = {norm}',
  netMean: 'ā = {mean}',
  netGradNorm: '‖∇W‖ = {norm}',
  netBlock: '{units} · ✕ {dead}',
  netSummary: '{sizes}: {layers}',
  netSummaryLayer: '{layer} {units} ✕ {dead} ‖∇W‖ {norm}',
};

/** `template` with its `{name}` slots filled from `values` (a slot without a value stays as it is). */
export function fillSlots(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : slot));
}

/** The maths-only wording. */
export const mathsText: NetworkText = (key, values) => fillSlots(MATHS[key], values);

/** How many decimals a figure in a label gets: 3 significant digits, scientific when tiny or huge. */
export function figure(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e-2 && a < 1e4 ? String(Number(v.toPrecision(3))) : v.toExponential(1);
}

const BLUE = '#1f5fbf';
const RED = '#c0392b';
const ORANGE = '#d68910';
const GREY = '#b9b6ae';
const WIDTHS = [0.5, 1.2, 2.4, 4];
/** Space between the outermost units and their layer's labels, and one more line of 12 px labels (px). */
const LABEL_GAP_PX = 3;
const LABEL_LINE_PX = 15;
/** Units' colours by mean activation: Plotly's YlGnBu stops (0 navy … 1 pale yellow), given as stops so a painter needs no names. */
export const UNIT_COLORSCALE: readonly (readonly [number, string])[] = [
  [0, 'rgb(8,29,88)'],
  [0.125, 'rgb(37,52,148)'],
  [0.25, 'rgb(34,94,168)'],
  [0.375, 'rgb(29,145,192)'],
  [0.5, 'rgb(65,182,196)'],
  [0.625, 'rgb(127,205,187)'],
  [0.75, 'rgb(199,233,180)'],
  [0.875, 'rgb(237,248,217)'],
  [1, 'rgb(255,255,217)'],
];
/** Smallest unit marker (px): still a dot with a visible ring or cross. */
const MIN_UNIT_PX = 5;

/**
 * Plotly data and the layout parts a network view needs (axes hidden, annotations). Given the
 * plot area's height in pixels, units are drawn no larger than their spacing, so a tall column
 * in a short plot shows each unit (and each dead one's cross) instead of a solid bar.
 */
export function networkFigure(
  view: NetworkView,
  text: NetworkText = mathsText,
  plotHeightPx = Infinity,
): { data: Record<string, unknown>[]; layout: Record<string, unknown> } {
  const { layers } = view;
  const tallest = Math.max(...layers.map((l) => (drawn(l) ? l.units : 1)));
  const y = (layer: NetworkLayerView, j: number) =>
    (layer.units === 1 || !drawn(layer) ? 0 : 1 - (2 * j) / (layer.units - 1)) *
    (drawn(layer) ? Math.min(1, (layer.units - 1) / Math.max(1, tallest - 1)) : 1);
  const data: Record<string, unknown>[] = [...edgeTraces(view, y)];
  const yRange = layers.length > 3 ? 1.6 : 1.4;
  // A column spans 2 of the y axis's 2·yRange.
  const spacingPx = tallest > 1 ? plotHeightPx / yRange / (tallest - 1) : Infinity;
  const size = Math.max(MIN_UNIT_PX, Math.min(18, 220 / tallest, 0.9 * spacingPx));
  // The dead and the inactive are what the eye looks for: at least 8 px where their spacing allows.
  const markedSize = Math.max(size, Math.min(8, spacingPx));
  const alive = { x: [] as number[], y: [] as number[], color: [] as number[], text: [] as string[] };
  const dead = { x: [] as number[], y: [] as number[], text: [] as string[] };
  const blocks = { x: [] as number[], y: [] as number[], text: [] as string[] };
  const plain = { x: [] as number[], y: [] as number[], text: [] as string[] };
  const inactive = { x: [] as number[], y: [] as number[], color: [] as number[], text: [] as string[] };
  const annotations: Record<string, unknown>[] = [];
  layers.forEach((layer, l) => {
    const name = plainText(layer.name);
    // The outer labels lean inwards: centred on the first or last column they ran off a narrow (phone) plot.
    const xanchor = l === 0 ? 'left' : l === layers.length - 1 ? 'right' : 'center';
    // Names above the columns, gradient norms below, clear of the outermost units by pixels (a
    // plot's height in axis units varies); with many layers, every other name (odd layers) and
    // every other norm (even layers) is a line further out, or neighbours would run together.
    const clear = (outerRow: boolean) => size / 2 + LABEL_GAP_PX + (layers.length > 3 && outerRow ? LABEL_LINE_PX : 0);
    annotations.push({
      x: l,
      y: 1,
      yshift: clear(l % 2 === 1),
      text: `${name} · ${layer.units}`,
      showarrow: false,
      xanchor,
      yanchor: 'bottom',
      font: { size: 12 },
    });
    if (layer.gradNorm !== undefined) {
      annotations.push({
        x: l,
        y: -1,
        yshift: -clear(l % 2 === 0),
        font: { size: 12 },
        text: plainText(text('netGradNorm', { norm: figure(layer.gradNorm) })),
        showarrow: false,
        xanchor,
        yanchor: 'top',
      });
    }
    if (!drawn(layer)) {
      blocks.x.push(l);
      blocks.y.push(0);
      blocks.text.push(plainText(text('netBlock', { units: layer.units, dead: layer.deadCount ?? 0 })));
      return;
    }
    for (let j = 0; j < layer.units; j++) {
      const lines = [plainText(text('netUnit', { layer: name, unit: j + 1 }))];
      if (layer.mean) lines.push(plainText(text('netMean', { mean: figure(layer.mean[j] as number) })));
      if (layer.zMin && layer.zMax)
        lines.push(plainText(text('netRange', { min: figure(layer.zMin[j] as number), max: figure(layer.zMax[j] as number) })));
      const isDead = layer.dead?.[j] === 1;
      if (isDead) lines.push(plainText(text(layer.stuck ? 'netDead' : 'netInactive', {})));
      if (layer.weightNorm) lines.push(plainText(text('netWeightNorm', { norm: figure(layer.weightNorm[j] as number) })));
      // Negative everywhere but not stuck (Leaky ReLU): coloured like the living, ringed in orange.
      const into: { x: number[]; y: number[]; text: string[]; color?: number[] } = !layer.mean
        ? plain
        : isDead && layer.stuck
          ? dead
          : isDead
            ? inactive
            : alive;
      into.x.push(l);
      into.y.push(y(layer, j));
      into.text.push(lines.join('<br>'));
      into.color?.push((layer.mean?.[j] as number | undefined) ?? 0);
    }
  });
  const [cmin, cmax] = [Math.min(0, ...alive.color, ...inactive.color), Math.max(1e-9, ...alive.color, ...inactive.color)];
  const scale = { colorscale: UNIT_COLORSCALE, reversescale: true, cmin, cmax };
  const hover = { hovertemplate: '%{text}<extra></extra>', showlegend: false };
  data.push({
    type: 'scatter',
    mode: 'markers',
    ...alive,
    ...hover,
    // In a tall column outlines would merge into one dark bar and hide the dead among them.
    marker: { size, color: alive.color, ...scale, line: { color: '#1b1d22', width: tallest > 32 ? 0 : 1 } },
  });
  data.push({
    type: 'scatter',
    mode: 'markers',
    ...inactive,
    ...hover,
    marker: { size: markedSize, color: inactive.color, ...scale, line: { color: ORANGE, width: 2 } },
  });
  data.push({
    type: 'scatter',
    mode: 'markers',
    ...plain,
    ...hover,
    marker: { size, color: '#ffffff', line: { color: '#1b1d22', width: 1 } },
  });
  data.push({
    type: 'scatter',
    mode: 'markers',
    ...dead,
    ...hover,
    marker: { size: markedSize, color: GREY, symbol: 'circle-x', line: { color: '#5b6270', width: 1.5 } },
  });
  if (blocks.x.length) {
    data.push({
      type: 'scatter',
      mode: 'markers+text',
      ...blocks,
      ...hover,
      textposition: 'middle right',
      marker: { size: 40, symbol: 'square', color: '#e3e0d8', line: { color: '#5b6270', width: 1 } },
    });
  }
  const axis = { visible: false, fixedrange: true, zeroline: false, showgrid: false };
  return {
    data,
    layout: {
      xaxis: { ...axis, range: [-0.5, layers.length - 0.5] },
      yaxis: { ...axis, range: [-yRange, yRange] },
      annotations,
      hovermode: 'closest',
      showlegend: false,
    },
  };
}

function drawn(layer: NetworkLayerView): boolean {
  return layer.units <= NETWORK_CAPS.maxUnitsDrawn;
}

// One line trace per (width bucket, colour): segments joined with NaN gaps.
function edgeTraces(view: NetworkView, y: (layer: NetworkLayerView, j: number) => number): Record<string, unknown>[] {
  const n = view.edgeValue.length;
  let max = 0;
  for (let e = 0; e < n; e++) max = Math.max(max, Math.abs(view.edgeValue[e] as number));
  const buckets = new Map<string, { x: number[]; y: number[]; width: number; color: string }>();
  for (let e = 0; e < n; e++) {
    const v = view.edgeValue[e] as number;
    const l = view.edgeLayer[e] as number;
    const share = max > 0 ? Math.abs(v) / max : 0;
    // Weights: linear in |w|; gradients: by decade, so a gradient fading layer by layer shows as thinning edges.
    const b =
      view.edgeMode === 'weight'
        ? Math.min(3, Math.floor(share * 4))
        : share <= 0
          ? 0
          : Math.max(0, Math.min(3, 3 + Math.floor(Math.log10(share) + 0.5)));
    const color = view.edgeMode === 'gradient' ? ORANGE : v >= 0 ? BLUE : RED;
    const key = `${b}${color}`;
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { x: [], y: [], width: WIDTHS[b], color }));
    bucket.x.push(l - 1, l, NaN);
    bucket.y.push(y(view.layers[l - 1], view.edgeFrom[e] as number), y(view.layers[l], view.edgeTo[e] as number), NaN);
  }
  return [...buckets.values()]
    .sort((a, b) => a.width - b.width)
    .map((b) => ({
      type: 'scatter',
      mode: 'lines',
      x: b.x,
      y: b.y,
      hoverinfo: 'skip',
      showlegend: false,
      opacity: b.width < 1 ? 0.35 : 0.7,
      line: { color: b.color, width: b.width },
    }));
}

/** A one-paragraph text summary of a network view for screen readers: each layer's units, dead units and gradient norm. */
export function networkSummary(view: NetworkView, text: NetworkText = mathsText): string {
  const layers = view.layers
    .slice(1)
    .map((layer) =>
      text('netSummaryLayer', { layer: layer.name, units: layer.units, dead: layer.deadCount ?? 0, norm: figure(layer.gradNorm ?? 0) }),
    );
  return text('netSummary', { sizes: view.layers.map((l) => l.units).join('-'), layers: layers.join('; ') });
}
