/**
 * The elements of a live block (DOM contract, DESIGN.md): `[data-live]` with a stable id,
 * the `[data-action]` buttons, `[data-output]`, `data-status`. The block's state lives in
 * live-block.ts; this only builds what mirrors it.
 */
import type { RunEnd, RunMessage } from '../sandbox/protocol';
import { t } from '../i18n/ui-text';

/** Places in a block that features may fill (block-feature.ts). */
export const BLOCK_PARTS = ['toolbar', 'notice', 'params', 'output', 'after-output'] as const;
export type BlockPart = (typeof BLOCK_PARTS)[number];

const LINE_HEIGHT_PX = 20;

/** Builds the block's elements for `original` code shown as `code`. */
export function createBlockView(id: string, code: string, original: string, fenceHeight: number | undefined) {
  const root = document.createElement('div');
  root.className = 'live-block';
  root.id = `live-${id.replace('#', '-')}`;
  root.dataset.live = '';
  root.dataset.blockId = id;
  root.dataset.status = 'idle';
  // Code before the toolbar: focus goes code → Run → Stop → Reset → params → output (issue 14.4),
  // and the screen shows them in that order. The clock ticks in .live-state; only the start and the
  // end of a run go to the polite region (.live-announce), or a screen reader would read every tick.
  root.append(
    parsedOnce(`
    <div class="live-notice" hidden></div>
    <div class="live-code"><pre class="live-static"><code class="ts"></code></pre></div>
    <div class="live-toolbar" role="toolbar" aria-label="${t('liveToolbar')}">
      <button type="button" data-action="run" title="${t('runTitle')}">${t('run')}</button>
      <button type="button" data-action="stop" title="${t('stopTitle')}" disabled>${t('stop')}</button>
      <button type="button" data-action="reset" title="${t('resetTitle')}">${t('reset')}</button>
      <span class="live-modified" hidden>${t('modified')}</span>
      <span class="live-linked" hidden>${t('fromLink')}</span>
      <span class="live-state"></span>
      <span class="live-announce" aria-live="polite"></span>
    </div>
    <div class="live-params" hidden></div>
    <div class="live-output" data-output aria-live="polite"></div>
    <div class="live-after-output"></div>`),
  );
  const find = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const parts: Record<BlockPart, HTMLElement> = {
    toolbar: find('.live-toolbar'),
    notice: find('.live-notice'),
    params: find('.live-params'),
    output: find('[data-output]'),
    'after-output': find('.live-after-output'),
  };
  const codeBox = find('.live-code');
  const stateText = find('.live-state');
  const staticCode = find('.live-static code');
  const height = fenceHeight ?? Math.min(420, Math.max(110, (original.split('\n').length + 1) * LINE_HEIGHT_PX));
  codeBox.style.minHeight = `${height}px`;
  staticCode.textContent = code;

  return {
    root,
    parts,
    codeBox,
    /** The editor's height in pixels: the fence's `height`, or the original's lines. */
    height,
    button: (action: 'run' | 'stop' | 'reset') => find<HTMLButtonElement>(`[data-action="${action}"]`),
    stateText,
    /** The polite live region: a run's start and its end, nothing in between. */
    announcement: find('.live-announce'),
    modifiedMark: find('.live-modified'),
    linkedMark: find('.live-linked'),
    /** Counts the run's time (and the snippet's progress) up in the toolbar; returns what stops it. */
    startClock(startedAt: number, progress: () => string): () => void {
      const clock = setInterval(() => {
        stateText.textContent = `${t('running')} ${formatMs(performance.now() - startedAt)}${progress()}`;
      }, 100);
      return () => clearInterval(clock);
    },
    /** Shows `code` as static code (before the editor is mounted). */
    showStaticCode(code: string): void {
      staticCode.textContent = code;
      staticCode.removeAttribute('data-highlighted');
    },
  };
}

/** Parsed markup by its text: every block of a language has the same, and cloning beats parsing it again. */
const parsed = new Map<string, HTMLTemplateElement>();

/** A fresh copy of the nodes `html` parses to (parsed once per distinct text). */
function parsedOnce(html: string): DocumentFragment {
  let template = parsed.get(html);
  if (!template) {
    template = document.createElement('template');
    template.innerHTML = html;
    parsed.set(html, template);
  }
  return document.importNode(template.content, true);
}

/** A duration as the toolbar shows it. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The toolbar's words for how a run ended. */
export function endText(end: RunEnd, startedAt: number): string {
  if (end.kind === 'done') return `✓ ${formatMs(end.ms || performance.now() - startedAt)}`;
  if (end.kind === 'error') return end.phase === 'compile' ? t('compileError') : t('runError');
  return t(end.reason === 'stopped' ? 'stopped' : end.reason === 'timeout' ? 'timedOut' : 'ended');
}

/** "epoch 12 · loss 0.034" for the toolbar while a snippet reports its progress. */
export function progressText(message: Extract<RunMessage, { kind: 'progress' }>): string {
  return [
    message.epoch !== undefined ? t('progressEpoch', { epoch: message.epoch }) : '',
    message.loss !== undefined ? t('progressLoss', { loss: message.loss.toPrecision(3) }) : '',
  ].join('');
}
