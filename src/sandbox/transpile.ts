// Host side: TypeScript snippet → JS body for the sandbox, with line numbers kept.
// sucrase strips types and turns imports into `require` calls, keeping every line where it
// was; it puts its prelude ("use strict", helpers) on the first line, so we prepend a blank
// line for it: source line n is body line n + 1. Columns move where sucrase rewrites code
// (type annotations, `relu(x)` → `_rectify.relu.call(void 0, x)`), so run-time positions are
// mapped back through sucrase's token-level source map.
import { getFormattedTokens, transform } from 'sucrase';
import { decodeMappings, originalPosition } from './source-map';
import { MODULE_NAMES } from './wrap';

/** Maps a 1-based position in the body to the 1-based position in the source, if it has one. */
export type PositionMap = (line: number, column: number) => { line: number; column: number } | undefined;

/** Result of `transpile`: a JS body to run and its position map, or a compile error at a source position. */
export type TranspileResult = { ok: true; js: string; map: PositionMap } | { ok: false; message: string; line?: number; column?: number };

const OPTIONS = { transforms: ['typescript', 'imports'] as ('typescript' | 'imports')[], disableESTransforms: true };

/** Transpile a TypeScript snippet; syntax errors and unknown imports come back with their 1-based line:column. */
export function transpile(source: string): TranspileResult {
  const padded = '\n' + source;
  let js: string;
  let mappings: string;
  try {
    const out = transform(padded, { ...OPTIONS, filePath: 'snippet.ts', sourceMapOptions: { compiledFilename: 'snippet.js' } });
    js = out.code;
    mappings = out.sourceMap?.mappings ?? '';
  } catch (e) {
    return syntaxError(e, padded);
  }
  const bad = /\bimport\b|\bexport\b/.test(source) ? findUnknownImport(padded) : undefined;
  if (bad) {
    const list = MODULE_NAMES.map((n) => `'${n}'`).join(', ');
    return {
      ok: false,
      message: `Cannot import '${bad.name}': snippets can only import from ${list} (e.g. import { relu, plot } from '${MODULE_NAMES[0]}').`,
      line: bad.line - 1,
      column: bad.column,
    };
  }
  let decoded: ReturnType<typeof decodeMappings> | undefined;
  const map: PositionMap = (line, column) => {
    decoded ??= decodeMappings(mappings);
    const p = originalPosition(decoded, line, column);
    return p && p.line >= 2 ? { line: p.line - 1, column: p.column } : undefined;
  };
  return { ok: true, js, map };
}

/** Prepare already-JavaScript code the same way (for tests and trusted callers): the blank first line and its map. */
export function prepareJs(js: string): { js: string; map: PositionMap } {
  return { js: '\n' + js, map: (line, column) => (line >= 2 ? { line: line - 1, column } : undefined) };
}

function syntaxError(e: unknown, padded: string): TranspileResult {
  const err = e as { message?: unknown; pos?: unknown };
  const raw = typeof err.message === 'string' ? err.message : String(e);
  const message = 'SyntaxError: ' + raw.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)\s*$/, '');
  if (typeof err.pos !== 'number') return { ok: false, message };
  const before = padded.slice(0, err.pos);
  const line = before.split('\n').length - 1; // minus the blank line we prepended
  const column = err.pos - (before.lastIndexOf('\n') + 1) + 1;
  return { ok: false, message, line: Math.max(1, line), column };
}

interface Token {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  label: string;
  raw: string;
  isType: boolean;
}

/** The first module specifier (import, dynamic import, export-from) that is not one of ours. */
function findUnknownImport(padded: string): { name: string; line: number; column: number } | undefined {
  const tokens = tokenize(padded);
  const next = (i: number) => tokens[i] ?? { label: 'eof', raw: '' };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.isType) continue;
    let spec: Token | undefined;
    if (t.label === 'import') {
      const a = next(i + 1);
      if (a.label === '(' && next(i + 2).label === 'string') spec = tokens[i + 2];
      else if (a.label === 'string') spec = tokens[i + 1];
      else if (a.label === 'name' && a.raw === 'type' && !['from', ','].includes(next(i + 2).raw)) continue;
      else if (a.label !== '.') spec = specAfterFrom(tokens, i + 1);
    } else if (t.label === 'export' && ['{', '*'].includes(next(i + 1).label)) {
      spec = specAfterFrom(tokens, i + 1);
    }
    if (!spec) continue;
    const name = stringValue(padded, spec);
    if (!MODULE_NAMES.includes(name)) return { name, line: spec.line, column: spec.column };
  }
  return undefined;
}

function specAfterFrom(tokens: Token[], start: number): Token | undefined {
  for (let j = start; j < tokens.length - 1 && j < start + 500; j++) {
    const t = tokens[j];
    if (t.label === ';' || t.label === 'eof') return undefined;
    if (t.label === 'name' && t.raw === 'from' && tokens[j + 1].label === 'string') return tokens[j + 1];
  }
  return undefined;
}

function stringValue(src: string, t: Token): string {
  const lines = src.split('\n');
  const text = lines[t.line - 1].slice(t.column - 1, t.endLine === t.line ? t.endColumn - 1 : undefined);
  return text.slice(1, -1);
}

/** sucrase's public token dump, parsed: location, label, raw text and whether it is type-only. */
function tokenize(src: string): Token[] {
  const rows = getFormattedTokens(src, OPTIONS).split('\n');
  const typeCol = rows[0].indexOf('isType');
  const out: Token[] = [];
  for (const row of rows.slice(1)) {
    const m = /^(\d+):(\d+)-(\d+):(\d+)\s+(\S+)\s+(\S*)/.exec(row);
    if (!m) continue;
    out.push({
      line: +m[1],
      column: +m[2],
      endLine: +m[3],
      endColumn: +m[4],
      label: m[5],
      raw: m[6],
      isType: typeCol > 0 && row.slice(typeCol, typeCol + 6) === 'isType',
    });
  }
  return out;
}
