/**
 * The output panel under a live block: log lines as text (never HTML), plots drawn with
 * Plotly (loaded on the first plot), streaming plot updates coalesced to one redraw per
 * animation frame (a few a second for readers who ask for reduced motion), each plot with a
 * text summary and a button that shows its numbers as a table, and the run's ending said
 * plainly — in the deck's language: the sandbox sends reason codes and numbers, and only an
 * engine's own error text is shown as it came.
 */
import { RUNNER_LIMITS } from '../sandbox/limits';
import type { KillReason, PlotLayout, PlotTrace, RunEnd, SnippetOutput } from '../sandbox/protocol';
import type { TypeErrorNote } from '../editor/mount-editor';
import { errorPlace, t, type TextKey } from '../i18n/ui-text';

type PlotSpec = { traces: PlotTrace[]; layout?: PlotLayout };

/** Which phrase says each kill reason (`killText` picks others when a time limit is or is not known). */
const KILL_TEXT = {
  timeout: 'killTimeout',
  stopped: 'killStopped',
  limit: 'killLimit',
  unresponsive: 'killUnresponsive',
  unavailable: 'killUnavailable',
  superseded: 'killSuperseded',
  disposed: 'killDisposed',
} as const satisfies Record<KillReason, TextKey>;

const drawing = () => import('../plot/draw-plot');
const tables = () => import('../plot/data-table');

/** Streaming redraws for readers who ask for reduced motion: at most one per this many ms (instead of one per frame). */
export const REDUCED_MOTION_REDRAW_MS = 500;

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Creates the panel's behaviour over its element (`[data-output]`). */
export function createOutputPanel(element: HTMLElement) {
  const plots = new Map<string, HTMLElement>();
  // The last run's plot elements, kept through a clear(): the next run's plot of the same id is
  // drawn into its old element, so Plotly diffs the figure (Plotly.react) instead of building it
  // from nothing — the first fresh output after Run shows sooner, most of all on a slow phone.
  let spare = new Map<string, HTMLElement>();
  const pendingUpdates = new Map<string, PlotSpec>();
  // An update without a layout keeps the figure's last one (its title and height).
  const layouts = new Map<string, PlotSpec['layout']>();
  // The last spec drawn per plot, and the plots whose data table is open (redrawn with the plot).
  const specs = new Map<string, PlotSpec>();
  const openTables = new Map<string, HTMLElement>();
  let frame = 0;
  let throttle: ReturnType<typeof setTimeout> | undefined;
  let logs = 0;
  // Scrollable, so it takes the keyboard focus (a reader scrolls it with the arrows), and named.
  element.tabIndex = 0;
  element.setAttribute('role', 'log');
  element.setAttribute('aria-label', t('outputLabel'));

  const makeLine = (className: string, text: string) => {
    const div = document.createElement('div');
    div.className = className;
    div.textContent = text;
    return div;
  };
  const line = (className: string, text: string) => {
    element.append(makeLine(className, text));
    element.scrollTop = element.scrollHeight;
  };

  const draw = async (id: string, spec: PlotSpec) => {
    const target = plots.get(id);
    if (!target) return;
    specs.set(id, spec);
    const table = openTables.get(id);
    if (table) void fillTable(table, spec);
    const { drawPlot, networkLabel } = await drawing();
    await drawPlot(target, spec, t);
    target.setAttribute('aria-label', networkLabel(spec.traces, t) ?? plotSummary(spec));
  };

  const flushUpdates = () => {
    frame = 0;
    throttle = undefined;
    for (const [id, spec] of pendingUpdates) void draw(id, spec);
    pendingUpdates.clear();
  };
  const scheduleFlush = () => {
    if (frame || throttle) return;
    if (reducedMotion()) throttle = setTimeout(flushUpdates, REDUCED_MOTION_REDRAW_MS);
    else frame = requestAnimationFrame(flushUpdates);
  };

  /** The last run's element of this plot, if it was drawn the same way (Plotly, or a network view's canvas). */
  const reusable = (output: PlotSpec & { id: string }): HTMLElement | undefined => {
    const old = spare.get(output.id);
    spare.delete(output.id);
    const canvas = output.traces[0]?.type === 'network';
    return old && (old.dataset.canvasPlot === 'network') === canvas ? old : undefined;
  };

  /** A button under a plot that shows and hides its numbers as a table (built when first shown). */
  const addTableToggle = (id: string) => {
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'plot-table-toggle';
    toggle.textContent = t('plotShowTable');
    toggle.setAttribute('aria-expanded', 'false');
    const table = document.createElement('div');
    table.className = 'plot-table';
    table.hidden = true;
    toggle.addEventListener('click', () => {
      const open = table.hidden;
      table.hidden = !open;
      toggle.textContent = t(open ? 'plotHideTable' : 'plotShowTable');
      toggle.setAttribute('aria-expanded', String(open));
      const spec = specs.get(id);
      if (open) openTables.set(id, table);
      else openTables.delete(id);
      if (open && spec) void fillTable(table, spec);
    });
    element.append(toggle, table);
  };

  return {
    /** Empties the panel for a new run. */
    clear(): void {
      element.replaceChildren();
      delete element.dataset.typeChecked;
      spare = new Map(plots);
      plots.clear();
      layouts.clear();
      specs.clear();
      openTables.clear();
      pendingUpdates.clear();
      clearTimeout(throttle);
      throttle = undefined;
      logs = 0;
    },

    /**
     * Puts the type-checker's complaints above the run's output (the code runs anyway), and
     * marks the panel `data-type-checked` once the check has answered, errors or not.
     */
    showTypeErrors(errors: readonly TypeErrorNote[]): void {
      const lines = errors.map(({ line: at, message }) =>
        makeLine('log log-warn type-error', `${t('typeError')}${t('atLine', { line: at })}${message}`),
      );
      element.prepend(...lines);
      element.dataset.typeChecked = 'true';
    },

    /** Shows one message of a running snippet. */
    show(output: SnippetOutput): void {
      switch (output.kind) {
        case 'log':
          // The runner sends its cap's notice as one more log line (in English): word it here.
          if (++logs <= RUNNER_LIMITS.maxLogs) line(`log log-${output.level}`, output.parts.join(' '));
          else if (logs === RUNNER_LIMITS.maxLogs + 1) line('log log-warn', t('logsCapped', { count: RUNNER_LIMITS.maxLogs }));
          break;
        case 'plot': {
          const div = reusable(output) ?? document.createElement('div');
          div.className = 'live-plot';
          div.dataset.plotId = output.id;
          div.setAttribute('role', 'img');
          // Named from the start: the drawing (which renames it) may still be loading Plotly.
          div.setAttribute('aria-label', plotSummary(output));
          element.append(div);
          // A table of what? Only plots with x, y or z values get one.
          if (output.traces.some((trace) => trace.x || trace.y || trace.z)) addTableToggle(output.id);
          plots.set(output.id, div);
          layouts.set(output.id, output.layout);
          void draw(output.id, output);
          break;
        }
        case 'plot-update': {
          const layout = output.layout ?? layouts.get(output.id);
          layouts.set(output.id, layout);
          pendingUpdates.set(output.id, { traces: output.traces, layout });
          scheduleFlush();
          break;
        }
        case 'progress':
          break; // shown in the toolbar's status, not as lines
      }
    },

    /** Says how the run ended, when that needs words (errors, kills). */
    end(end: RunEnd): void {
      if (end.kind === 'error') line('log log-error run-error', `${errorPlace(end.line, end.column)}${end.message}`);
      else if (end.kind === 'killed') line('log log-killed', killText(end));
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

/** Why a run was ended, as a sentence in the deck's language (with the time limit when one was passed). */
export function killText(end: Extract<RunEnd, { kind: 'killed' }>): string {
  if (end.limitMs === undefined) return t(end.reason === 'timeout' ? 'killTimeoutNoLimit' : KILL_TEXT[end.reason]);
  const seconds = (end.limitMs / 1000).toFixed(1);
  return t(end.reason === 'unresponsive' ? 'killUnresponsiveAfterLimit' : KILL_TEXT[end.reason], { seconds });
}

/** Puts a plot's numbers into `box` as a table, in the deck's language (the table module loads on first use). */
async function fillTable(box: HTMLElement, spec: PlotSpec): Promise<void> {
  const { renderDataTable } = await tables();
  const title = spec.layout?.title ?? t('plot');
  box.replaceChildren(
    renderDataTable(spec.traces, spec.layout, {
      caption: t('plotTableCaption', { title }),
      trace: (index) => t('plotTrace', { index }),
      traceColumn: t('plotTableTrace'),
      value: t('plotTableValue'),
      capped: (shown, total) => t('plotTableCapped', { shown, total }),
    }),
  );
}

/** A one-line text summary of a plot for screen readers: title, traces and their sizes. */
export function plotSummary(spec: PlotSpec): string {
  const traces = spec.traces.map((trace, i) => {
    const count = trace.y?.length ?? trace.x?.length ?? trace.z?.length ?? 0;
    return t('plotPoints', { name: trace.name ?? t('plotTrace', { index: i + 1 }), count });
  });
  const title = spec.layout?.title ?? t('plot');
  return traces.length === 0 ? title : t('plotSummary', { title, traces: traces.join(t('listSeparator')) });
}
