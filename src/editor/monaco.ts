/**
 * The one place that sets up Monaco: which parts of it we load, its web workers, and the
 * TypeScript service that checks snippets against the snippet API's real declarations.
 * Imported only through `import()` (by mount-editor.ts, which the deck loads lazily): Monaco is ~1 MB gzip.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import * as ts from 'monaco-editor/languages/features/typescript/register';
import { createEditorWorker } from './editor-workers';
import coreDts from '../core/generated/core.d.ts.txt?raw';
import snippetApiDts from '../sandbox/generated/snippet-api.d.ts.txt?raw';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => createEditorWorker(label),
};

ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ES2020,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  lib: ['es2022'],
});
/** Diagnostics that are not errors here: top-level await and `import … from 'rectify'` are fine in snippets. */
export const IGNORED_DIAGNOSTICS: readonly number[] = [1375, 1378];
ts.typescriptDefaults.setDiagnosticsOptions({
  noSemanticValidation: false,
  noSyntaxValidation: false,
  diagnosticCodesToIgnore: [...IGNORED_DIAGNOSTICS],
});
// `import { relu } from 'rectify'` resolves to the snippet API's declarations, which re-export
// the core's; both are generated from the real modules (scripts/core-dts.mjs), so IntelliSense
// shows their own doc comments.
ts.typescriptDefaults.addExtraLib(coreDts, 'file:///node_modules/core/index.d.ts');
ts.typescriptDefaults.addExtraLib(snippetApiDts, 'file:///node_modules/rectify/index.d.ts');
// The sandbox's console (lib es2022 has none: no DOM in a snippet).
ts.typescriptDefaults.addExtraLib(
  `/** Prints to the output panel; numbers, arrays, typed arrays, objects and Maps are pretty-printed. */
declare const console: { log(...values: unknown[]): void; info(...values: unknown[]): void; warn(...values: unknown[]): void; error(...values: unknown[]): void };`,
  'file:///node_modules/@types/rectify-console/index.d.ts',
);

/**
 * Monaco's dark theme with comments in VS Code's Dark+ green: vs-dark's #608b4e reads 4.2:1 on
 * its background, below WCAG's 4.5:1 (axe, issue 14.4); #6a9955 reads 5:1.
 */
export const EDITOR_THEME = 'rectify-dark';
monaco.editor.defineTheme(EDITOR_THEME, {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '6a9955' }],
  colors: {},
});

export { monaco, ts };
