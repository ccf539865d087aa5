/**
 * The one place that sets up Monaco: which parts of it we load, its web workers, and the
 * TypeScript service that checks snippets against the snippet API's real declarations.
 * Imported only through `import()` (see load-editor.ts): Monaco is ~1 MB gzip.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import * as ts from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { SNIPPET_API_DTS } from './snippet-api-dts';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker(),
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
// Top-level await and `import … from 'rectify'` are fine in snippets: no "module" complaints.
ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: [1375, 1378] });
// Resolves `import { relu } from 'rectify'` to the generated declarations, doc comments included.
ts.typescriptDefaults.addExtraLib(SNIPPET_API_DTS, 'file:///node_modules/rectify/index.d.ts');

export { monaco };
