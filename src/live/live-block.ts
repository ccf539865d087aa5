/**
 * A live code block: the toolbar (Run / Stop / Reset), the code (static and highlighted until
 * its slide is near, then an editor), and the output panel. It owns one snippet's state — code,
 * parameter values, status — and its lifecycle: mount, run, stop, reset, dispose. Everything
 * else (saved edits, links, the window mirror, sliders…) is a feature (block-feature.ts) that
 * listens to the block's events and calls its methods.
 */
import type { RunEnd, RunMessage, SnippetOutput } from '../sandbox/protocol';
import type { LiveEditor } from '../editor/mount-editor';
import { parseLiveOptions, type LiveOptions } from '../slides/live-options';
import { t } from '../i18n/ui-text';
import { createOutputPanel } from './output-panel';
import { clampParams, findParams } from './snippet-params';
import type { SandboxClient } from './sandbox-client';
import { editorLabels } from './editor-labels';
import { fitOutputToSlide } from './output-room';
import { createBlockEvents, type RunOrigin } from './block-events';
import type { BlockPlan, StartingCode } from './block-feature';
import { createBlockView, endText, progressText, type BlockPart } from './block-view';

/** A block's state, mirrored in its `data-status` attribute. `remote`: a run in another window. */
export type LiveStatus = 'idle' | 'running' | 'remote' | 'done' | 'error' | 'killed';

/** What a block runs with, from its live-code instance. */
export interface BlockContext {
  sandbox: SandboxClient;
  /** True when the block should get the plain textarea editor rather than Monaco (asked at each mount). */
  plainEditor: () => boolean;
}

const loadMonaco = () => import('../editor/mount-editor');
const loadPlain = () => import('../editor/plain-editor').then((m) => ({ mountEditor: m.mountPlainEditor }));

/** Builds a live block in place of a ```ts live fence's `<pre>`, starting from `start` (or the slide's code). */
export function createLiveBlock(pre: HTMLElement, plan: BlockPlan, context: BlockContext, start?: StartingCode) {
  const { id, original } = plan;
  const options: LiveOptions = parseLiveOptions(pre.querySelector('code')?.className ?? '');
  const events = createBlockEvents();
  let code = start?.code ?? original;
  // Values set on the snippet's parameter controls, always within the controls' ranges.
  let params = clampParams(start?.params ?? {}, findParams(code));
  let status: LiveStatus = 'idle';
  let editor: LiveEditor | undefined;
  let mounting: Promise<void> | undefined;
  let stopClock = () => {};
  let runToken = 0;
  let autoran = false;
  // Set by dispose(): async work that resumes afterwards (an editor load, a run) must not touch the block.
  let disposed = false;

  const view = createBlockView(id, code, original, options.height);
  const output = createOutputPanel(view.parts.output);
  view.linkedMark.hidden = start?.from !== 'link';

  const setStatus = (next: LiveStatus, text: string) => {
    status = next;
    view.root.dataset.status = next;
    view.button('stop').disabled = next !== 'running';
    view.stateText.textContent = text;
    view.announcement.textContent = text;
  };
  // Shown from elsewhere: the code is another device's (the room's presenter), not this viewer's,
  // until the viewer edits it. Such an edit is not saved as theirs, and such code never autoruns.
  let fromElsewhere = false;
  /** Whether the code or the parameter values differ from the slide's (whoever changed them). */
  const differsFromSlide = () => code !== original || Object.keys(params).length > 0;
  const changed = (origin: RunOrigin = 'here') => {
    fromElsewhere = origin === 'elsewhere';
    view.modifiedMark.hidden = !differsFromSlide();
    events.emit('edited', { code, params: { ...params }, origin });
  };
  const beginRun = (origin: RunOrigin, text: string) => {
    runToken++;
    stopClock();
    output.clear();
    fitOutputToSlide(view.parts.output, view.root);
    setStatus(origin === 'here' ? 'running' : 'remote', text);
    events.emit('run-start', { origin });
  };
  const showMessage = (message: RunMessage, origin: RunOrigin, startedAt?: number) => {
    events.emit('run-message', { message, origin });
    if (isEnd(message)) finish(message, startedAt);
    else if (message.kind !== 'progress') output.show(message);
  };

  function finish(end: RunEnd, startedAt = performance.now()): void {
    stopClock();
    output.end(end);
    // Lines logged after a plot take room from it: fit the plots again to what is there now.
    void output.resize();
    setStatus(end.kind, endText(end, startedAt));
    if (end.kind === 'error' && end.line) editor?.markError(end.message, end.line, end.column);
  }

  const block = {
    id,
    plan,
    options,
    element: view.root,
    /** Where the code came from when the block was built (undefined: the slide). */
    startedFrom: start?.from,
    /** An element of the block a feature may fill. */
    part: (name: BlockPart): HTMLElement => view.parts[name],
    /** Subscribes to the block's events (block-events.ts); returns what unsubscribes. */
    on: events.on,
    code: (): string => code,
    params: (): Record<string, number> => ({ ...params }),
    status: (): LiveStatus => status,

    /**
     * Shows `next` as the block's code (one undoable edit in the editor), with `nextParams` if
     * given. `origin` 'elsewhere': it is another device's code, shown (not saved, not autorun).
     */
    setCode(next: string, nextParams: Record<string, number> = params, origin: RunOrigin = 'here'): void {
      params = clampParams(nextParams, findParams(next));
      if (next !== code) {
        code = next;
        if (editor) editor.replaceAll(next);
        else view.showStaticCode(next);
      }
      changed(origin);
    },

    /** Sets parameter values (kept within the controls' ranges). */
    setParams(next: Record<string, number>, origin: RunOrigin = 'here'): void {
      params = clampParams(next, findParams(code));
      changed(origin);
    },

    /** Its slide is near: features load what they show (`near`), and the editor is mounted. */
    prepare(): Promise<void> {
      events.emit('near', {});
      return block.mountEditor();
    },

    /** Shows outputs no run here produced (precomputed at build time); the status stays as it is. */
    showOutputs(outputs: SnippetOutput[]): void {
      output.clear();
      for (const message of outputs) output.show(message);
      void output.resize();
    },

    /** Swaps the static code for an editor (loads Monaco on the first call; phones get a textarea). */
    mountEditor(): Promise<void> {
      mounting ??= (context.plainEditor() ? loadPlain() : loadMonaco()).then(({ mountEditor }) => {
        if (disposed) return;
        const mount = document.createElement('div');
        mount.className = 'live-editor';
        mount.dataset.editor = '';
        view.codeBox.replaceChildren(mount);
        editor = mountEditor(mount, {
          code,
          name: view.root.id,
          height: view.height,
          onRun: () => void block.run(),
          onChange: (text: string) => {
            if (text === code) return;
            code = text;
            changed();
          },
          labels: editorLabels(),
        });
        view.root.dataset.editorReady = 'true';
      });
      return mounting;
    },

    /** Runs the code as it is now; resolves when the run has ended. */
    async run(): Promise<RunEnd> {
      const startedAt = performance.now();
      beginRun('here', `${t('running')}…`);
      const token = runToken;
      let progress = '';
      stopClock = view.startClock(startedAt, () => progress);
      // Type errors never block Run: they are listed above the output while the code runs anyway.
      void editor?.typeErrors().then(
        (errors) => token === runToken && output.showTypeErrors(errors),
        () => undefined,
      );
      const stale = () => disposed || token !== runToken;
      const host = await context.sandbox.sandbox();
      if (stale()) return { kind: 'killed', reason: 'stopped', message: '' };
      const end = await host.run(code, {
        timeoutMs: options.timeoutMs,
        params,
        onMessage: (message: RunMessage) => {
          if (stale() || isEnd(message)) return;
          if (message.kind === 'progress') progress = progressText(message);
          showMessage(message, 'here');
        },
      });
      if (!stale()) showMessage(end, 'here', startedAt);
      return end;
    },

    /** Ends this window's running snippet at once; a run in another window is not this window's to stop. */
    async stop(): Promise<void> {
      if (status === 'running') (await context.sandbox.sandbox()).stop();
    },

    /** Puts the slide's code back (one undoable edit) and clears the output (a running snippet is stopped). */
    reset(): void {
      if (status === 'running') void block.stop();
      runToken++;
      stopClock();
      output.clear();
      setStatus('idle', '');
      block.setCode(original, {});
      events.emit('reset', {});
    },

    /** Shows a run of another window (the mirror, the room): its start, then each validated message. */
    showRun(message: RunMessage | { kind: 'start' }): void {
      if (message.kind === 'start') beginRun('elsewhere', t('runningElsewhere'));
      else showMessage(message, 'elsewhere');
    },

    /** Whether the code draws plots (so Plotly is worth loading ahead). */
    mayPlot: (): boolean => /\bplot\s*\(/.test(code),

    /** Runs once when the slide is first shown, if the fence says `autorun` (never code from a link or from elsewhere). */
    autorun(): void {
      if (options.autorun && !autoran && start?.from !== 'link' && !fromElsewhere) {
        autoran = true;
        void block.run();
      }
    },

    /**
     * The code and parameter values as they are now, and whether they are this viewer's edit:
     * they differ from the slide's and were not shown from elsewhere (a follower shows the
     * presenter's code; its "my edits" menu, share link and download are not about that code).
     */
    snapshot: () => ({
      id,
      code,
      params: { ...params },
      modified: !fromElsewhere && differsFromSlide(),
    }),

    /** Re-fits the output to the slide, and its plots to the output, when the slide is shown. */
    shown(): void {
      fitOutputToSlide(view.parts.output, view.root);
      void output.resize();
    },

    dispose(): void {
      disposed = true;
      runToken++;
      stopClock();
      events.clear();
      editor?.dispose();
    },
  };

  view.modifiedMark.hidden = !differsFromSlide();
  // In the page only once it is whole: a block that fails to build leaves the slide's code as it was.
  pre.replaceWith(view.root);
  view.button('run').addEventListener('click', () => void block.run());
  view.button('stop').addEventListener('click', () => void block.stop());
  view.button('reset').addEventListener('click', () => block.reset());
  return block;
}

/** The live block type, derived from its factory. */
export type LiveBlock = ReturnType<typeof createLiveBlock>;

const isEnd = (message: RunMessage): message is RunEnd => message.kind === 'done' || message.kind === 'error' || message.kind === 'killed';
