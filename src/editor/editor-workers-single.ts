/**
 * Monaco's two web workers in the one-file build (`npm run build:single`): the workers are
 * packed inside the HTML file like every chunk, and started from blob: URLs as classic
 * workers — under `file://` a worker cannot load from a file, and a module worker cannot
 * start from a blob: URL. `?worker&url` gives each worker's packed name, which the page's
 * loader (`window.__rectifyPack`, scripts/single-file.mjs) turns into a blob: URL.
 */
import editorWorkerUrl from 'monaco-editor/editor/editor.worker?worker&url';
import tsWorkerUrl from 'monaco-editor/languages/features/typescript/ts.worker?worker&url';

/** What the one file's loader offers (scripts/single-file.mjs). */
interface Pack {
  url(name: string): Promise<string>;
  fileOf(href: string): string;
}

/** The worker Monaco asks for by `label`: the TypeScript service, or the editor's own. */
export function createEditorWorker(label: string): Worker | Promise<Worker> {
  const pack = (window as unknown as { __rectifyPack?: Pack }).__rectifyPack;
  if (!pack) throw new Error('Rectify: the one-file loader is missing.');
  const href = label === 'typescript' || label === 'javascript' ? tsWorkerUrl : editorWorkerUrl;
  return pack.url(pack.fileOf(href)).then((url) => new Worker(url, { name: label }));
}
