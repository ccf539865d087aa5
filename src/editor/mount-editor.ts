/**
 * One Monaco editor for a live block: TypeScript checked against the snippet API, Ctrl/Cmd
 * +Enter runs, Esc hands the keyboard back to the deck, edits are reported as they happen,
 * and run errors are marked on their line. Loaded lazily with Monaco itself.
 */
import { EDITOR_THEME, IGNORED_DIAGNOSTICS, monaco, ts } from './monaco';

/**
 * The editor's own words, in the deck's language: the deck passes them in, since the
 * editor does not import the deck (its text table lives there).
 */
export interface EditorLabels {
  /** Accessible name of the code box (says how to run and how to leave). */
  editor: string;
  /** Name of the Run action (Monaco's command palette lists it). */
  run: string;
  /** Name of the Esc action. */
  backToSlides: string;
  /** Says where a run error is ("line 4:15: "), before its own text; the phone editor shows it under the code. */
  errorPlace(line: number, column?: number): string;
}

/** A type-checker error in the code: its 1-based line and the checker's own (English) text. */
export interface TypeErrorNote {
  line: number;
  message: string;
}

/** What a live block needs from its editor. */
export interface EditorOptions {
  /** Initial code. */
  code: string;
  /** A unique model name, e.g. the block's id (one TypeScript file per block). */
  name: string;
  /** Editor height in px. */
  height: number;
  /** Called on Ctrl/Cmd+Enter. */
  onRun: () => void;
  /** Called after each edit with the whole text. */
  onChange: (code: string) => void;
  /** Its words, in the deck's language. */
  labels: EditorLabels;
}

const RUN_ERROR_OWNER = 'run';
/** TypeScript's diagnostic category for errors (warnings and suggestions do not count). */
const TS_ERROR = 1;

/** How many Monaco editors are alive: the browser tests' probe that a disposed block left none behind. */
export const liveEditorCount = (): number => monaco.editor.getEditors().length;

/** Creates the editor in `mount`; returns the handle the live block uses. */
export function mountEditor(mount: HTMLElement, options: EditorOptions) {
  const uri = monaco.Uri.parse(`file:///live/${options.name}.ts`);
  monaco.editor.getModel(uri)?.dispose(); // a hot reload re-mounts the same block
  const model = monaco.editor.createModel(options.code, 'typescript', uri);
  mount.style.height = `${options.height}px`;
  const editor = monaco.editor.create(mount, {
    model,
    theme: EDITOR_THEME,
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    lineHeight: 20,
    lineNumbersMinChars: 3,
    tabSize: 2,
    fixedOverflowWidgets: true,
    // Full-width Chinese punctuation in strings is normal here, not a confusable to flag.
    unicodeHighlight: { ambiguousCharacters: false },
    colorDecorators: false,
    ariaLabel: options.labels.editor,
  });
  // Actions, not addCommand: a command's keybinding is global, so with several editors
  // Ctrl+Enter would run whichever block was mounted last (monaco-editor#2947).
  editor.addAction({
    id: 'rectify.run',
    label: options.labels.run,
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    run: () => options.onRun(),
  });
  // Esc leaves the editor for the deck, unless it closes one of Monaco's own widgets first.
  editor.addAction({
    id: 'rectify.back-to-deck',
    label: options.labels.backToSlides,
    keybindings: [monaco.KeyCode.Escape],
    precondition: '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !renameInputVisible',
    run: () => (document.activeElement as HTMLElement | null)?.blur(),
  });
  model.onDidChangeContent(() => {
    monaco.editor.setModelMarkers(model, RUN_ERROR_OWNER, []);
    options.onChange(model.getValue());
  });

  return {
    /** The current code. */
    getValue: (): string => model.getValue(),
    /** Replaces the whole text as one undoable edit (Ctrl+Z brings the old text back). */
    replaceAll(code: string): void {
      editor.pushUndoStop();
      editor.executeEdits('reset', [{ range: model.getFullModelRange(), text: code }]);
      editor.pushUndoStop();
    },
    /** Marks the line (and column) where a run failed. */
    markError(message: string, line: number, column = 1): void {
      const maxColumn = model.getLineMaxColumn(Math.min(line, model.getLineCount()));
      monaco.editor.setModelMarkers(model, RUN_ERROR_OWNER, [
        {
          severity: monaco.MarkerSeverity.Error,
          message,
          startLineNumber: line,
          startColumn: column,
          endLineNumber: line,
          endColumn: maxColumn,
        },
      ]);
      editor.revealLineInCenterIfOutsideViewport(line);
    },
    /** Type-checker and run markers currently on the model. */
    markers: () => monaco.editor.getModelMarkers({ resource: uri }),
    /**
     * The type-checker's errors in the code as it is now, asked of the TypeScript worker
     * (its markers lag behind typing by a moment, and Run may come first).
     */
    async typeErrors(): Promise<TypeErrorNote[]> {
      const version = model.getVersionId();
      const worker = await (await ts.getTypeScriptWorker())(uri);
      const file = uri.toString();
      const found = [...(await worker.getSyntacticDiagnostics(file)), ...(await worker.getSemanticDiagnostics(file))];
      if (model.isDisposed() || model.getVersionId() !== version) return [];
      return found
        .filter((d) => d.category === TS_ERROR && !IGNORED_DIAGNOSTICS.includes(d.code))
        .map((d) => ({ line: model.getPositionAt(d.start ?? 0).lineNumber, message: firstMessage(d.messageText) }));
    },
    focus: (): void => editor.focus(),
    dispose(): void {
      editor.dispose();
      model.dispose();
    },
  };
}

/** The editor handle type, derived from its factory. */
export type LiveEditor = ReturnType<typeof mountEditor>;

/** A diagnostic's headline: its text, or the first link of its chain of explanations. */
function firstMessage(text: string | { messageText: string }): string {
  return typeof text === 'string' ? text : text.messageText;
}
