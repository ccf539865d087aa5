/**
 * A plot's numbers as an HTML table, for readers who cannot see the figure or want the exact
 * values (issue 14.4). Traces that share their x values become one table with a column per
 * trace (the ReLU-vs-sigmoid curves read across); anything else is one row per point, named
 * by its trace; heatmaps and contours list x, y and the value. Long data is capped, with a
 * note: a 10 000-point curve as a table helps nobody, and the first rows show its shape.
 * Words come from the caller (this folder does not know the deck's language).
 */
import type { PlotLayout, PlotTrace } from '../sandbox/protocol';

/** The rows a table shows at most; the note says how many there were. */
export const MAX_TABLE_ROWS = 100;

/** The caller's words, in the deck's language. */
export interface TableWords {
  /** Caption (the plot's title, or a generic name). */
  caption: string;
  /** Name of an unnamed trace, by its 1-based position. */
  trace(index: number): string;
  /** Header of the column naming a row's trace. */
  traceColumn: string;
  /** Header of a heatmap's value column. */
  value: string;
  /** The note under a capped table. */
  capped(shown: number, total: number): string;
}

type Cell = string | number | null | undefined;

/** The table as data: headers and rows (before capping), so it can be tested without a DOM. */
export interface TableData {
  columns: string[];
  rows: Cell[][];
}

/** A value of a series at `i` (numbers, category labels, or nothing). */
const at = (series: PlotTrace['x'], i: number): Cell => (series ? (series[i] as Cell) : undefined);
const length = (series: PlotTrace['x']) => series?.length ?? 0;

function sameValues(a: PlotTrace['x'], b: PlotTrace['x']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Lays out a plot's traces as table columns and rows (see the file comment for the shapes). */
export function tableData(traces: readonly PlotTrace[], layout: PlotLayout | undefined, words: TableWords): TableData {
  const x = layout?.xaxis?.title || 'x';
  const y = layout?.yaxis?.title || 'y';
  const name = (trace: PlotTrace, i: number) => trace.name || words.trace(i + 1);
  const grids = traces.filter((trace) => trace.z);
  const lines = traces.filter((trace) => !trace.z);
  const rows: Cell[][] = [];

  // Curves over one shared x (each with its y): one row per x, a column per curve.
  const shared =
    grids.length === 0 &&
    lines.length > 0 &&
    lines.every((trace) => trace.y && length(trace.y) === length(lines[0].y) && sameValues(trace.x, lines[0].x));
  if (shared) {
    const first = lines[0];
    for (let i = 0; i < length(first.y); i++) rows.push([first.x ? at(first.x, i) : i, ...lines.map((trace) => at(trace.y, i))]);
    return { columns: [first.x ? x : '#', ...lines.map((trace) => name(trace, traces.indexOf(trace)))], rows };
  }
  if (grids.length > 0) {
    for (const trace of grids) {
      const label = name(trace, traces.indexOf(trace));
      trace.z!.forEach((row, r) => {
        for (let c = 0; c < row.length; c++) rows.push([label, trace.x ? at(trace.x, c) : c, trace.y ? at(trace.y, r) : r, row[c]]);
      });
    }
    return { columns: [words.traceColumn, x, y, words.value], rows };
  }
  // Anything else (different x per curve, histograms of raw values): one row per point.
  for (const trace of lines) {
    const label = name(trace, traces.indexOf(trace));
    const count = Math.max(length(trace.x), length(trace.y));
    for (let i = 0; i < count; i++) rows.push([label, at(trace.x, i), at(trace.y, i)]);
  }
  return { columns: [words.traceColumn, x, y], rows };
}

/** A cell as text: numbers to four significant digits (what a reader compares), gaps empty. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
  return value;
}

/** Builds the table (at most {@link MAX_TABLE_ROWS} rows, then a note) for a plot's traces. */
export function renderDataTable(traces: readonly PlotTrace[], layout: PlotLayout | undefined, words: TableWords): HTMLElement {
  const { columns, rows } = tableData(traces, layout, words);
  const box = document.createElement('div');
  const table = document.createElement('table');
  const caption = table.createCaption();
  caption.textContent = words.caption;
  const head = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of rows.slice(0, MAX_TABLE_ROWS)) {
    const tr = body.insertRow();
    for (const cell of row) tr.insertCell().textContent = cellText(cell);
  }
  box.append(table);
  if (rows.length > MAX_TABLE_ROWS) {
    const note = document.createElement('p');
    note.className = 'plot-table-note';
    note.textContent = words.capped(MAX_TABLE_ROWS, rows.length);
    box.append(note);
  }
  return box;
}
