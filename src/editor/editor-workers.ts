/**
 * Monaco's two web workers in the served deck: bundled by Vite as files next to the deck and
 * started as classic workers. The one-file build swaps this module for
 * editor-workers-single.ts (see scripts/single-file.mjs), where no worker can come from a file.
 */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

/** The worker Monaco asks for by `label`: the TypeScript service, or the editor's own. */
export function createEditorWorker(label: string): Worker | Promise<Worker> {
  return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
}
