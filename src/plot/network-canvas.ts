/**
 * A network view on a canvas of its own. Issue 13 measured Plotly.react at 25–31 ms per network
 * diagram here (a dozen traces, ~300 edges), so a scrub step with two of them could not reach
 * 30 frames per second (bench/scrub.bench.ts: ~95 ms a step with Plotly, ~30 ms painted). The
 * picture is still networkFigure's (the one figure builder): its Plotly traces and layout are
 * turned into a scene of pixel shapes (sceneOf, pure, tested in Node) and painted here; hover
 * shows a unit's lines as Plotly did. Only traces networkFigure makes are understood.
 */

/** The figure plotlyFigure builds for a network view: Plotly-shaped traces and styled layout. */
export interface NetworkFigure {
  data: readonly Record<string, unknown>[];
  layout: Record<string, unknown>;
}

interface Line {
  kind: 'line';
  points: number[]; // x0, y0, x1, y1, … in px; a NaN pair breaks the path
  color: string;
  width: number;
  opacity: number;
}
interface Unit {
  kind: 'unit';
  x: number;
  y: number;
  size: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
  symbol: 'circle' | 'circle-x' | 'square';
  /** Hover text, lines joined by <br> as in the Plotly trace. */
  text: string;
}
interface Label {
  kind: 'label';
  x: number;
  y: number;
  text: string;
  size: number;
  align: CanvasTextAlign;
  baseline: CanvasTextBaseline;
}
export type SceneItem = Line | Unit | Label;

/** The figure as shapes in CSS pixels of a width × height canvas, back to front. */
export function sceneOf(figure: NetworkFigure, width: number, height: number): SceneItem[] {
  const layout = figure.layout as {
    margin: { l: number; r: number; t: number; b: number };
    xaxis: { range: [number, number] };
    yaxis: { range: [number, number] };
    annotations?: Record<string, unknown>[];
    title?: { text?: string; font?: { size?: number } };
  };
  const { l, r, t, b } = layout.margin;
  const [x0, x1] = layout.xaxis.range;
  const [y0, y1] = layout.yaxis.range;
  const px = (x: number) => l + ((x - x0) / (x1 - x0)) * (width - l - r);
  const py = (y: number) => t + ((y1 - y) / (y1 - y0)) * (height - t - b);
  const scene: SceneItem[] = [];
  for (const trace of figure.data) {
    const xs = trace.x as number[];
    const ys = trace.y as number[];
    if (trace.mode === 'lines') {
      const line = trace.line as { color: string; width: number };
      const points = xs.flatMap((x, i) => (Number.isNaN(x) ? [NaN, NaN] : [px(x), py(ys[i])]));
      scene.push({ kind: 'line', points, color: line.color, width: line.width, opacity: (trace.opacity as number) ?? 1 });
      continue;
    }
    const marker = trace.marker as MarkerSpec;
    const texts = (trace.text as string[] | undefined) ?? [];
    xs.forEach((x, i) => {
      const unit: Unit = {
        kind: 'unit',
        x: px(x),
        y: py(ys[i]),
        size: marker.size,
        fill: fillOf(marker, i),
        stroke: marker.line?.color ?? 'transparent',
        strokeWidth: marker.line?.width ?? 0,
        symbol: marker.symbol === 'circle-x' || marker.symbol === 'square' ? marker.symbol : 'circle',
        text: texts[i] ?? '',
      };
      scene.push(unit);
      // 'markers+text' (a wide layer's block): its text to the right of the marker.
      if (trace.mode === 'markers+text') {
        scene.push({
          kind: 'label',
          x: unit.x + unit.size / 2 + 4,
          y: unit.y,
          text: unit.text,
          size: 12,
          align: 'left',
          baseline: 'middle',
        });
      }
    });
  }
  for (const note of layout.annotations ?? []) {
    const yshift = (note.yshift as number | undefined) ?? 0;
    const xanchor = note.xanchor as 'left' | 'center' | 'right';
    scene.push({
      kind: 'label',
      x: px(note.x as number),
      y: py(note.y as number) - yshift,
      text: String(note.text),
      size: (note.font as { size?: number } | undefined)?.size ?? 12,
      align: xanchor,
      baseline: note.yanchor === 'top' ? 'top' : note.yanchor === 'bottom' ? 'bottom' : 'middle',
    });
  }
  if (layout.title?.text) {
    scene.push({
      kind: 'label',
      x: width / 2,
      y: t / 2,
      text: layout.title.text,
      size: layout.title.font?.size ?? 18,
      align: 'center',
      baseline: 'middle',
    });
  }
  return scene;
}

interface MarkerSpec {
  size: number;
  color: string | number[];
  /** Stops [position, 'rgb(r,g,b)'], as networkFigure gives them. */
  colorscale?: readonly (readonly [number, string])[];
  reversescale?: boolean;
  cmin?: number;
  cmax?: number;
  symbol?: string;
  line?: { color: string; width: number };
}

function fillOf(marker: MarkerSpec, i: number): string {
  if (typeof marker.color === 'string') return marker.color;
  const stops = marker.colorscale ?? [];
  if (stops.length < 2) return 'rgb(128,128,128)';
  const v = marker.color[i] ?? 0;
  const lo = marker.cmin ?? 0;
  const hi = marker.cmax ?? 1;
  let f = hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0;
  if (marker.reversescale) f = 1 - f;
  let k = 0;
  while (k < stops.length - 2 && stops[k + 1][0] < f) k++;
  const [[fa, ca], [fb, cb]] = [stops[k], stops[k + 1]];
  const [a, b] = [rgb(ca), rgb(cb)];
  const s = fb > fa ? (f - fa) / (fb - fa) : 0;
  const c = a.map((ch, n) => Math.round(ch + (b[n] - ch) * s));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

const rgb = (color: string) => (color.match(/\d+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);

/** The unit under (x, y) CSS px, if any: the nearest whose marker (or a 6 px target) holds the point. */
export function unitAt(scene: readonly SceneItem[], x: number, y: number): Unit | undefined {
  let best: Unit | undefined;
  let bestDistance = Infinity;
  for (const item of scene) {
    if (item.kind !== 'unit') continue;
    const d = Math.hypot(item.x - x, item.y - y);
    if (d <= Math.max(item.size / 2, 6) && d < bestDistance) [best, bestDistance] = [item, d];
  }
  return best;
}

/** What a painted element holds: its canvas, hover tip, the scene last painted and its font. */
interface Painted {
  canvas: HTMLCanvasElement;
  tip: HTMLElement;
  scene: SceneItem[];
  font: string;
}
const drawn = new WeakMap<HTMLElement, Painted>();

/** The network view painted in `element`, as a PNG data URL at `scale` × its CSS size (for print). */
export function networkImage(element: HTMLElement, scale: number): string {
  const state = drawn.get(element);
  if (!state) throw new Error('networkImage: nothing was painted in this element');
  const width = state.canvas.clientWidth;
  const height = state.canvas.clientHeight;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('networkImage: no 2D canvas');
  context.setTransform(scale, 0, 0, scale, 0, 0);
  for (const item of state.scene) paint(context, item, state.font);
  return canvas.toDataURL('image/png');
}

/**
 * Paints `figure` into `element` (a canvas and a hover tip made on first use) at width × height
 * CSS px, in `font` (a CSS font family). The element's other content is replaced once.
 */
export function drawNetworkCanvas(element: HTMLElement, figure: NetworkFigure, width: number, height: number, font: string): void {
  let state = drawn.get(element);
  if (!state) {
    const canvas = document.createElement('canvas');
    canvas.className = 'network-canvas';
    canvas.setAttribute('aria-hidden', 'true');
    const tip = document.createElement('div');
    tip.className = 'network-tip';
    tip.hidden = true;
    element.replaceChildren(canvas, tip);
    element.dataset.canvasPlot = 'network';
    state = { canvas, tip, scene: [], font };
    drawn.set(element, state);
    const live = state;
    canvas.addEventListener('pointermove', (event) => showTip(live, event));
    canvas.addEventListener('pointerleave', () => (live.tip.hidden = true));
  }
  const { canvas } = state;
  // Sharp on the screen: reveal scales the slide with a CSS transform, so count its scale in too.
  const shown = element.getBoundingClientRect().width / (element.offsetWidth || 1);
  const ratio = (window.devicePixelRatio || 1) * (shown > 0 ? shown : 1);
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  state.scene = sceneOf(figure, width, height);
  state.font = font;
  for (const item of state.scene) paint(context, item, font);
  element.dataset.canvasDrawn = String(Number(element.dataset.canvasDrawn ?? 0) + 1);
}

function paint(context: CanvasRenderingContext2D, item: SceneItem, font: string): void {
  if (item.kind === 'line') {
    context.globalAlpha = item.opacity;
    context.strokeStyle = item.color;
    context.lineWidth = item.width;
    context.beginPath();
    let pen = false;
    for (let i = 0; i < item.points.length; i += 2) {
      const [x, y] = [item.points[i], item.points[i + 1]];
      if (Number.isNaN(x)) pen = false;
      else if (pen) context.lineTo(x, y);
      else (context.moveTo(x, y), (pen = true));
    }
    context.stroke();
    context.globalAlpha = 1;
    return;
  }
  if (item.kind === 'label') {
    context.fillStyle = '#1b1d22';
    context.font = `${item.size}px ${font}`;
    context.textAlign = item.align;
    context.textBaseline = item.baseline;
    context.fillText(item.text, item.x, item.y);
    return;
  }
  const r = item.size / 2;
  context.beginPath();
  if (item.symbol === 'square') context.rect(item.x - r, item.y - r, item.size, item.size);
  else context.arc(item.x, item.y, r, 0, 2 * Math.PI);
  context.fillStyle = item.fill;
  context.fill();
  if (item.strokeWidth > 0) {
    context.strokeStyle = item.stroke;
    context.lineWidth = item.strokeWidth;
    context.stroke();
  }
  // The cross needs room: in a unit of a few pixels it would cover the grey that marks it dead.
  if (item.symbol === 'circle-x' && item.size >= 7) {
    const d = r * 0.7;
    context.beginPath();
    context.moveTo(item.x - d, item.y - d);
    context.lineTo(item.x + d, item.y + d);
    context.moveTo(item.x + d, item.y - d);
    context.lineTo(item.x - d, item.y + d);
    context.strokeStyle = item.stroke;
    context.lineWidth = Math.max(1, item.strokeWidth);
    context.stroke();
  }
}

function showTip(state: Painted, event: PointerEvent): void {
  // Reveal scales slides with a CSS transform: back from screen px to the canvas's CSS px.
  const box = state.canvas.getBoundingClientRect();
  const scale = box.width / (state.canvas.clientWidth || box.width);
  const x = (event.clientX - box.left) / scale;
  const y = (event.clientY - box.top) / scale;
  const unit = unitAt(state.scene, x, y);
  if (!unit) {
    state.tip.hidden = true;
    return;
  }
  const lines = unit.text.split('<br>');
  state.tip.replaceChildren(...lines.map((line) => Object.assign(document.createElement('div'), { textContent: line })));
  // Beside the unit, on the side with more room (the plot clips what runs over its edge).
  const offset = unit.size / 2 + 6;
  const onLeft = unit.x > state.canvas.clientWidth / 2;
  state.tip.style.left = onLeft ? '' : `${Math.round(unit.x + offset)}px`;
  state.tip.style.right = onLeft ? `${Math.round(state.canvas.clientWidth - unit.x + offset)}px` : '';
  state.tip.style.top = `${Math.round(Math.max(0, unit.y - 8))}px`;
  state.tip.hidden = false;
}
