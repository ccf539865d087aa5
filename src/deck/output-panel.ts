/**
 * The output panel under a live block: log lines as text (never HTML), plots drawn with
 * Plotly (loaded on the first plot), streaming plot updates coalesced to one redraw per
 * animation frame, and the run's ending said plainly.
 */
import type { Layout, RunEnd, SnippetOutput, Trace } from '../sandbox/protocol';

type PlotSpec = { traces: Trace[]; layout?: Layout };

const drawing = () => import('../plot/draw-plot');

/** Creates the panel's behaviour over its element (`[data-output]`). */
export function createOutputPanel(element: HTMLElement) {
  const plots = new Map<string, HTMLElement>();
  const pendingUpdates = new Map<string, PlotSpec>();
  let frame = 0;

  const line = (className: string, text: string) => {
    const div = document.createElement('div');
    div.className = className;
    div.textContent = text;
    element.append(div);
    element.scrollTop = element.scrollHeight;
  };

  const draw = async (id: string, spec: PlotSpec) => {
    const target = plots.get(id);
    if (!target) return;
    const { drawPlot } = await drawing();
    await drawPlot(target, spec.traces, spec.layout);
    target.setAttribute('aria-label', plotSummary(spec));
  };

  const flushUpdates = () => {
    frame = 0;
    for (const [id, spec] of pendingUpdates) void draw(id, spec);
    pendingUpdates.clear();
  };

  return {
    /** Empties the panel for a new run. */
    clear(): void {
      element.replaceChildren();
      plots.clear();
      pendingUpdates.clear();
    },

    /** Shows one message of a running snippet. */
    show(output: SnippetOutput): void {
      switch (output.kind) {
        case 'log':
          line(`log log-${output.level}`, output.parts.join(' '));
          break;
        case 'plot': {
          const div = document.createElement('div');
          div.className = 'live-plot';
          div.dataset.plotId = output.id;
          div.setAttribute('role', 'img');
          element.append(div);
          plots.set(output.id, div);
          void draw(output.id, output);
          break;
        }
        case 'plot-update':
          pendingUpdates.set(output.id, output);
          frame ||= requestAnimationFrame(flushUpdates);
          break;
        case 'progress':
          break; // shown in the toolbar's status, not as lines
      }
    },

    /** Says how the run ended, when that needs words (errors, kills). */
    end(end: RunEnd): void {
      if (end.kind === 'error') {
        const where = end.line ? `line ${end.line}${end.column ? `:${end.column}` : ''}: ` : '';
        line('log log-error run-error', `${where}${end.message}`);
      } else if (end.kind === 'killed') {
        line('log log-killed', end.message);
      }
    },

    /** Re-fits the plots after their slide was hidden. */
    async resize(): Promise<void> {
      if (plots.size === 0) return;
      const { resizePlots } = await drawing();
      await resizePlots(element);
    },
  };
}

/** Output panel type, derived from its factory. */
export type OutputPanel = ReturnType<typeof createOutputPanel>;

/** A one-line text summary of a plot for screen readers: title, traces and their sizes. */
export function plotSummary(spec: PlotSpec): string {
  const traces = spec.traces.map((t) => {
    const n = t.y?.length ?? t.x?.length ?? t.z?.length ?? 0;
    return `${t.name ?? t.type ?? 'line'} (${n} points)`;
  });
  return `${spec.layout?.title ?? 'Plot'}: ${traces.join(', ')}`;
}
