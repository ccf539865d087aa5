/**
 * The phone editor: a plain `<textarea>` in place of Monaco, which does not support touch
 * devices (monaco-editor#246, #1504). Same options and the same handle as `mountEditor()`,
 * so a live block cannot tell them apart: monospace, no spell-checking, auto-correction or
 * auto-capitalisation, grows with its text, Ctrl/Cmd+Enter runs, Esc hands the keyboard
 * back to the deck, and a run error is named under the code with its line selected.
 * There is no type-checker here, so `markers()` and `typeErrors()` are always empty. Styles: assets/phone.css
 * (loaded with src/tools/device.ts).
 */
import type { EditorOptions, LiveEditor } from './mount-editor';

/** The marker list type of the Monaco handle (always empty here). */
type Markers = ReturnType<LiveEditor['markers']>;

/** Creates a plain editor in `mount`; returns a handle with the members of `LiveEditor`. */
export function mountPlainEditor(mount: HTMLElement, options: EditorOptions): LiveEditor {
  const wrapper = document.createElement('div');
  wrapper.className = 'plain-editor';
  const textarea = document.createElement('textarea');
  textarea.className = 'plain-editor-text';
  textarea.value = options.code;
  textarea.rows = Math.max(3, options.code.split('\n').length);
  textarea.spellcheck = false;
  textarea.wrap = 'soft';
  textarea.inputMode = 'text';
  textarea.enterKeyHint = 'enter';
  textarea.translate = false; // a page translator must not rewrite the code
  for (const [name, value] of [
    ['autocomplete', 'off'],
    ['autocorrect', 'off'],
    ['autocapitalize', 'off'],
    ['data-gramm', 'false'], // Grammarly
    ['aria-label', options.labels.editor],
  ]) {
    textarea.setAttribute(name, value);
  }
  const error = document.createElement('div');
  error.className = 'plain-editor-error';
  error.id = `${options.name}-error`;
  error.setAttribute('role', 'status');
  error.hidden = true;
  wrapper.append(textarea, error);
  mount.replaceChildren(wrapper);

  /** Fits the height to the text (soft-wrapped lines included), so the page scrolls, not the box. */
  const grow = () => {
    if (textarea.offsetWidth === 0) return; // on a hidden slide: `rows` stands in until it is shown
    textarea.style.height = '0px'; // not `auto`: that keeps the first `rows`, too tall once lines go
    textarea.style.height = `${textarea.scrollHeight + 2}px`;
  };
  const clearError = () => {
    if (error.hidden) return;
    error.hidden = true;
    error.textContent = '';
    textarea.removeAttribute('aria-invalid');
    textarea.removeAttribute('aria-describedby');
  };
  const onInput = () => {
    clearError();
    grow();
    options.onChange(textarea.value);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      options.onRun();
    } else if (event.key === 'Escape') {
      textarea.blur();
    }
  };
  textarea.addEventListener('input', onInput);
  textarea.addEventListener('keydown', onKeyDown);
  // Width changes (rotation, the slide becoming visible) re-wrap the text.
  let lastWidth = 0;
  const resized = new ResizeObserver(() => {
    if (textarea.offsetWidth === lastWidth) return;
    lastWidth = textarea.offsetWidth;
    grow();
  });
  resized.observe(textarea);
  grow();

  return {
    getValue: (): string => textarea.value,

    /**
     * Replaces the whole text. Where the browser keeps an undo history for it (an edit
     * command on the focused box) Ctrl+Z brings the old text back; a touch device is not
     * focused for this, since focusing would pop up its keyboard.
     */
    replaceAll(code: string): void {
      if (textarea.value === code) return;
      const active = document.activeElement;
      const mayFocus = active === textarea || !window.matchMedia('(pointer: coarse)').matches;
      if (mayFocus) {
        textarea.focus({ preventScroll: true });
        textarea.select();
        // Deprecated but still the only way to make an undoable edit in a textarea.
        document.execCommand('insertText', false, code);
        if (active instanceof HTMLElement && active !== textarea) active.focus({ preventScroll: true });
      }
      if (textarea.value !== code) {
        textarea.value = code;
        options.onChange(code);
      }
      clearError();
      grow();
    },

    /** Names the failing line under the code and selects it. */
    markError(message: string, line: number, column = 1): void {
      const lines = textarea.value.split('\n');
      const at = Math.min(Math.max(line, 1), lines.length);
      const start = lines.slice(0, at - 1).reduce((sum, text) => sum + text.length + 1, 0);
      error.textContent = `${options.labels.errorPlace(line, column > 1 ? column : undefined)}${message}`;
      error.hidden = false;
      textarea.setAttribute('aria-invalid', 'true');
      textarea.setAttribute('aria-describedby', error.id);
      textarea.setSelectionRange(start, start + lines[at - 1]!.length);
    },

    markers: (): Markers => [],
    typeErrors: () => Promise.resolve([]),
    focus: (): void => textarea.focus(),
    dispose(): void {
      resized.disconnect();
      textarea.removeEventListener('input', onInput);
      textarea.removeEventListener('keydown', onKeyDown);
      wrapper.remove();
    },
  };
}
