// How a snippet body becomes a script the worker can load, and how positions map back.
// Shared by the host (which prepares the body) and the runner (which wraps and loads it).

/** The one module name snippets import from. */
export const MODULE_NAME = 'rectify';

/** Names snippets may import from (for "available modules" messages). */
export const MODULE_NAMES: readonly string[] = [MODULE_NAME];

/** Global the wrapped script assigns the snippet function to. */
export const SNIPPET_GLOBAL = '__rectifySnippet';

/** Lines the loaded script has above the body's line 1: the wrapper's header. */
export const SNIPPET_LINE_OFFSET = 1;

/**
 * Wrap a snippet body into a classic script that defines an async function, so top-level
 * `await` works and imports resolve through `require`. The body keeps its lines and columns.
 */
export function wrapSnippet(body: string): string {
  return `self.${SNIPPET_GLOBAL} = async function (require, exports, module, console) {\n${body}\n};`;
}

/** Position (1-based) in the body of a position in the wrapped script, or undefined if outside the body. */
export function bodyPosition(scriptLine: number, scriptColumn: number): { line: number; column: number } | undefined {
  const line = scriptLine - SNIPPET_LINE_OFFSET;
  return line >= 1 ? { line, column: scriptColumn } : undefined;
}
