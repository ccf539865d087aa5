/**
 * A live code block: the toolbar (Run / Stop / Reset), the code (static and highlighted
 * until its slide is near, then a Monaco editor), and the output panel. It owns one
 * snippet's lifecycle: mount, run, stop, reset, dispose. DOM contract (DESIGN.md):
 * `[data-live]` with a stable id, `[data-action]` buttons, `[data-output]`, `data-status`.
 */
import type { RunEnd, RunMessage } from '../sandbox/protocol';
import type { LiveEditor } from '../editor/mount-editor';
import { createOutputPanel } from './output-panel';
import { parseLiveOptions, type LiveOptions } from '../slides/live-options';
import { clearEdit, editKey, loadEdit, saveEdit } from './saved-edits';
import { renderParamControls } from './param-controls';
import { clampParams, findParams, readParamValues } from './snippet-params';
import type { SandboxClient } from './sandbox-client';
import { t } from '../i18n/ui-text';
import { editorLabels } from './editor-labels';
import { fitOutputToSlide } from './output-room';

/** DOM event a block fires (bubbling) when its code or parameter values change. */
export const LIVE_EDITED = 'live-edited';

/** A block's state, mirrored in its `data-status` attribute. */
export type LiveStatus = 'idle' | 'running' | 'remote' | 'done' | 'error' | 'killed';

const LINE_HEIGHT_PX = 20;
const loadEditorModule = () => import('../editor/mount-editor');

/** Where a block sits (its slide file and its position, 1-based, among that file's live blocks) and what it runs with. */
export interface BlockPlace {
  file: string;
  index: number;
  /** The live-code instance's sandbox. */
  sandbox: SandboxClient;
  /** True when the block should get the plain textarea editor rather than Monaco. */
  plainEditor: () => boolean;
}

/** Code (and parameter values) that arrived in a shared link: shown, marked, never run unasked. */
export interface LinkedCode {
  code: string;
  params?: Record<string, number>;
}

/** What a block tells the other windows of the deck (see live-mirror.ts). */
export interface BlockEvents {
  /** The code or parameter values changed here. */
  edited(code: string, params: Record<string, number>): void;
  /** A run started here. */
  runStarted(): void;
  /** One message of the run here, already validated by the sandbox host. */
  runMessage(message: RunMessage): void;
}

/** Builds a live block in place of a ```ts live fence's `<pre>`. */
export function createLiveBlock(pre: HTMLElement, place: BlockPlace, events?: BlockEvents, linked?: LinkedCode) {
  const code = pre.querySelector('code')!;
  const original = (code.textContent ?? '').replace(/\n$/, '');
  const options: LiveOptions = parseLiveOptions(code.className);
  const key = editKey(place.file, place.index);
  const saved = loadEdit(key, original);
  let current = linked?.code ?? (saved.kind === 'edited' ? saved.edit.code : original);
  // Values set on the snippet's parameter controls; the code's defaults until the viewer moves one.
  // Stored and linked values were checked when read; here they are kept within the controls' ranges.
  let params = clampParams(linked ? (linked.params ?? {}) : saved.kind === 'edited' ? (saved.edit.params ?? {}) : {}, findParams(current));

  const root = document.createElement('div');
  root.className = 'live-block';
  root.id = `live-${place.file.replace(/^.*\//, '').replace(/\.md$/, '')}-${place.index}`;
  root.dataset.live = '';
  root.dataset.editKey = key;
  root.dataset.status = 'idle';
  root.innerHTML = `
    <div class="live-toolbar" role="toolbar" aria-label="${t('liveToolbar')}">
      <button type="button" data-action="run" title="${t('runTitle')}">${t('run')}</button>
      <button type="button" data-action="stop" title="${t('stopTitle')}" disabled>${t('stop')}</button>
      <button type="button" data-action="reset" title="${t('resetTitle')}">${t('reset')}</button>
      <span class="live-modified" hidden>${t('modified')}</span>
      <span class="live-linked" hidden>${t('fromLink')}</span>
      <span class="live-state" aria-live="polite"></span>
    </div>
    <div class="live-notice" hidden></div>
    <div class="live-params" hidden></div>
    <div class="live-code"><pre class="live-static"><code class="ts"></code></pre></div>
    <div class="live-output" data-output aria-live="polite"></div>`;
  const button = (action: string) => root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  const codeBox = root.querySelector<HTMLElement>('.live-code')!;
  const staticCode = root.querySelector<HTMLElement>('.live-static code')!;
  const stateText = root.querySelector<HTMLElement>('.live-state')!;
  const modifiedMark = root.querySelector<HTMLElement>('.live-modified')!;
  const notice = root.querySelector<HTMLElement>('.live-notice')!;
  const paramsBox = root.querySelector<HTMLElement>('.live-params')!;
  const outputPanel = root.querySelector<HTMLElement>('[data-output]')!;
  const output = createOutputPanel(outputPanel);
  const height = options.height ?? Math.min(420, Math.max(110, (original.split('\n').length + 1) * LINE_HEIGHT_PX));
  codeBox.style.minHeight = `${height}px`;
  staticCode.textContent = current;

  let editor: LiveEditor | undefined;
  let mounting: Promise<void> | undefined;
  let runTimer: ReturnType<typeof setInterval> | undefined;
  let runToken = 0;
  let autoran = false;
  // Set by dispose(): async work that resumes afterwards (an editor load, a run) must not touch the block.
  let disposed = false;
  // The block's state; `data-status` mirrors it. `remote`: a run in another window (Stop cannot end it here).
  let status: LiveStatus = 'idle';

  const setStatus = (next: LiveStatus) => {
    status = next;
    root.dataset.status = next;
    button('stop').disabled = next !== 'running';
  };
  const showModified = () => {
    modifiedMark.hidden = current === original && Object.keys(params).length === 0;
    root.dispatchEvent(new Event(LIVE_EDITED, { bubbles: true }));
  };
  // Set while showing another window's change, so it is not sent back.
  let applyingRemote = false;
  let rerun: ReturnType<typeof setTimeout> | undefined;
  let redrawParams: ReturnType<typeof setTimeout> | undefined;
  const showParams = () =>
    renderParamControls(paramsBox, current, params, (name, value) => {
      params = { ...params, [name]: value };
      saveEdit(key, original, { code: current, params });
      showModified();
      events?.edited(current, params);
      // Moving a slider re-runs the snippet once it comes to rest.
      clearTimeout(rerun);
      rerun = setTimeout(() => void block.run(), 250);
    });
  const codeChanged = (text: string) => {
    if (text === current && !applyingRemote) return;
    current = text;
    saveEdit(key, original, { code: text, params });
    showModified();
    if (!applyingRemote) events?.edited(text, params);
    clearTimeout(redrawParams);
    redrawParams = setTimeout(showParams, 400);
  };
  showModified();
  showParams();
  if (linked) root.querySelector<HTMLElement>('.live-linked')!.hidden = false;

  if (saved.kind === 'unreadable') {
    notice.hidden = false;
    notice.textContent = t('savedEditDropped');
  }
  if (saved.kind === 'stale') {
    // The slide's original changed since this edit was made: keep the edit out of the way, offer both.
    notice.hidden = false;
    notice.innerHTML = `<span>${t('staleNotice')}</span> <button type="button" data-choice="mine">${t('useMine')}</button> <button type="button" data-choice="new">${t('useNew')}</button>`;
    notice.querySelector('[data-choice="mine"]')!.addEventListener('click', () => {
      setCode(saved.edit.code);
      notice.hidden = true;
    });
    notice.querySelector('[data-choice="new"]')!.addEventListener('click', () => {
      clearEdit(key);
      notice.hidden = true;
    });
  }

  function setCode(text: string): void {
    if (editor) editor.replaceAll(text);
    else {
      staticCode.textContent = text;
      staticCode.removeAttribute('data-highlighted');
    }
    codeChanged(text);
  }

  function finish(end: RunEnd, startedAt: number): void {
    clearInterval(runTimer);
    output.end(end);
    // Lines logged after a plot take room from it: fit the plots again to what is there now.
    void output.resize();
    if (end.kind === 'done') {
      setStatus('done');
      stateText.textContent = `✓ ${formatMs(end.ms || performance.now() - startedAt)}`;
    } else if (end.kind === 'error') {
      setStatus('error');
      stateText.textContent = end.phase === 'compile' ? t('compileError') : t('runError');
      if (end.line) editor?.markError(end.message, end.line, end.column);
    } else {
      setStatus('killed');
      stateText.textContent = t(end.reason === 'stopped' ? 'stopped' : end.reason === 'timeout' ? 'timedOut' : 'ended');
    }
  }

  const block = {
    /** The block's element. */
    element: root,
    /** Its options from the fence. */
    options,

    /** Swaps the static code for a Monaco editor (loads Monaco on the first call). */
    mountEditor(): Promise<void> {
      // Phones and tablets get a plain textarea: Monaco does not support touch (src/tools/device.ts).
      const load = () =>
        place.plainEditor() ? import('../editor/plain-editor').then((m) => ({ mountEditor: m.mountPlainEditor })) : loadEditorModule();
      mounting ??= load().then(({ mountEditor }) => {
        if (disposed) return;
        const mount = document.createElement('div');
        mount.className = 'live-editor';
        mount.dataset.editor = '';
        codeBox.replaceChildren(mount);
        editor = mountEditor(mount, {
          code: current,
          name: root.id,
          height,
          onRun: () => void block.run(),
          onChange: codeChanged,
          labels: editorLabels(),
        });
        root.dataset.editorReady = 'true';
      });
      return mounting;
    },

    /** Runs the code as it is now; resolves when the run has ended. */
    async run(): Promise<RunEnd> {
      const token = ++runToken;
      const source = editor?.getValue() ?? current;
      const startedAt = performance.now();
      output.clear();
      fitOutputToSlide(outputPanel, root);
      events?.runStarted();
      setStatus('running');
      stateText.textContent = `${t('running')}…`;
      let progress = '';
      clearInterval(runTimer);
      runTimer = setInterval(() => {
        stateText.textContent = `${t('running')} ${formatMs(performance.now() - startedAt)}${progress}`;
      }, 100);
      // Type errors never block Run: they are listed above the output while the code runs anyway.
      void editor?.typeErrors().then(
        (errors) => token === runToken && output.showTypeErrors(errors),
        () => undefined,
      );
      const host = await place.sandbox.sandbox();
      if (disposed || token !== runToken) return { kind: 'killed', reason: 'stopped', message: '' };
      const end = await host.run(source, {
        timeoutMs: options.timeoutMs,
        params,
        onMessage: (message: RunMessage) => {
          if (disposed || token !== runToken) return;
          events?.runMessage(message);
          if (message.kind === 'progress') {
            progress = [
              message.epoch !== undefined ? t('progressEpoch', { epoch: message.epoch }) : '',
              message.loss !== undefined ? t('progressLoss', { loss: message.loss.toPrecision(3) }) : '',
            ].join('');
          } else if (message.kind !== 'done' && message.kind !== 'error' && message.kind !== 'killed') {
            output.show(message);
          }
        },
      });
      if (!disposed && token === runToken) finish(end, startedAt);
      return end;
    },

    /** Ends the running snippet at once. */
    async stop(): Promise<void> {
      if (status !== 'running') return;
      (await place.sandbox.sandbox()).stop();
    },

    /** Puts the original code back (one undoable edit in the editor) and forgets the saved edit. */
    reset(): void {
      params = {};
      setCode(original);
      clearEdit(key);
      showParams();
      notice.hidden = true;
      // The old output came from other code: it goes with it (a running snippet is stopped).
      if (status === 'running') void block.stop();
      runToken++;
      clearInterval(runTimer);
      output.clear();
      stateText.textContent = '';
      setStatus('idle');
    },

    /** Whether the code draws plots (so Plotly is worth loading ahead). */
    mayPlot: (): boolean => /\bplot\s*\(/.test(current),

    /** Runs once when the slide is first shown, if the fence says `autorun` (never code from a link). */
    autorun(): void {
      if (options.autorun && !autoran && !linked) {
        autoran = true;
        void block.run();
      }
    },

    /** The storage key of this block's edits (slide file and position): also its name across windows. */
    key,

    /** The code and parameter values as they are now, and whether they differ from the slide's. */
    snapshot: () => ({
      key,
      code: editor?.getValue() ?? current,
      params: { ...params },
      modified: current !== original || Object.keys(params).length > 0,
    }),

    /** Shows an edit made in another window of the deck. */
    showRemoteEdit(code: string, remoteParams: Record<string, number>): void {
      applyingRemote = true;
      try {
        params = clampParams(readParamValues(remoteParams), findParams(code));
        if (code !== current) setCode(code);
        else codeChanged(code);
        showParams();
      } finally {
        applyingRemote = false;
      }
    },

    /** Shows another window's run: its output appears here too. */
    showRemoteMessage(message: RunMessage | { kind: 'start' }): void {
      if (message.kind === 'start') {
        runToken++;
        clearInterval(runTimer);
        output.clear();
        setStatus('remote');
        stateText.textContent = t('runningElsewhere');
      } else if (message.kind === 'done' || message.kind === 'error' || message.kind === 'killed') {
        finish(message, performance.now());
      } else if (message.kind !== 'progress') {
        output.show(message);
      }
    },

    /** Re-fits the output to the slide, and its plots to the output, when the slide is shown. */
    shown(): void {
      fitOutputToSlide(outputPanel, root);
      void output.resize();
    },

    /** The block's state (what `data-status` shows). */
    status: (): LiveStatus => status,

    dispose(): void {
      disposed = true;
      runToken++;
      clearInterval(runTimer);
      clearTimeout(rerun);
      clearTimeout(redrawParams);
      editor?.dispose();
    },
  };

  // In the page only once it is whole: a block that fails to build leaves the slide's code as it was.
  pre.replaceWith(root);
  button('run').addEventListener('click', () => void block.run());
  button('stop').addEventListener('click', () => void block.stop());
  button('reset').addEventListener('click', () => block.reset());
  return block;
}

/** The live block type, derived from its factory. */
export type LiveBlock = ReturnType<typeof createLiveBlock>;

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
