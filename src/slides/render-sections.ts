/**
 * Turns a deck plan into the `<section>` elements reveal's markdown plugin expects: one
 * `section[data-markdown]` per slide, each holding its Markdown in a template, with
 * separators that never match (we split already). Broken files become error slides.
 */
import type { FilePlan } from './plan-deck';
import { NOTES_SEPARATOR, type SlideFileError, type SlideSource } from './split-slides';

const NEVER_MATCHES = '(?!)';

/**
 * What the error slide and the authoring overlay say, in the viewer's language. The slides
 * import no phrase table (they stay a leaf): the entry words these from the i18n module.
 */
export interface SlideErrorWords {
  /** The error slide's heading. */
  heading: string;
  /** Where a file broke and what is wrong: "slides/02-x.md, line 3: code fence ``` …". */
  where(file: string, error: SlideFileError): string;
  /** The overlay's title for `count` broken files. */
  overlayTitle(count: number): string;
  /** The overlay's close button's name. */
  hide: string;
}

/** A broken file's entry in the plan. */
export type BrokenFile = Extract<FilePlan, { ok: false }>;

/** Builds the sections for every file of the plan, in order; broken files say what is wrong in `words`. */
export function renderSections(plan: FilePlan[], doc: Document, words: SlideErrorWords): HTMLElement[] {
  return plan.flatMap((file) =>
    file.ok ? file.stacks.map((stack) => renderStack(stack, file.file, doc)) : [renderError(file, doc, words)],
  );
}

function renderStack(stack: SlideSource[], file: string, doc: Document): HTMLElement {
  if (stack.length === 1) return renderSlide(stack[0], file, doc);
  const parent = doc.createElement('section');
  for (const slide of stack) parent.append(renderSlide(slide, file, doc));
  return parent;
}

function renderSlide(slide: SlideSource, file: string, doc: Document): HTMLElement {
  const section = doc.createElement('section');
  section.setAttribute('data-markdown', '');
  section.setAttribute('data-separator', NEVER_MATCHES);
  section.setAttribute('data-separator-notes', NOTES_SEPARATOR);
  // Where the slide came from: for error messages, hot reload and the live blocks' keys.
  section.setAttribute('data-source', `${file}:${slide.line}`);
  const template = doc.createElement('textarea');
  template.setAttribute('data-template', '');
  template.textContent = slide.markdown;
  section.append(template);
  return section;
}

/** A visible slide that names the broken file and line, and shows its text so nothing is lost. */
function renderError(file: BrokenFile, doc: Document, words: SlideErrorWords): HTMLElement {
  const section = doc.createElement('section');
  section.className = 'slide-error';
  section.setAttribute('data-source', `${file.file}:${file.error.line}`);
  section.setAttribute('data-state', 'slide-error');
  const heading = doc.createElement('h2');
  heading.textContent = words.heading;
  const where = doc.createElement('p');
  where.className = 'slide-error-where';
  where.textContent = words.where(file.file, file.error);
  const source = doc.createElement('pre');
  source.className = 'slide-error-source';
  const lines = file.source.split(/\r?\n/);
  const from = Math.max(0, file.error.line - 4);
  const excerpt = lines.slice(from, file.error.line + 3).map((text, i) => {
    const n = from + i + 1;
    return `${n === file.error.line ? '▶' : ' '} ${String(n).padStart(3)}  ${text}`;
  });
  source.textContent = excerpt.join('\n');
  section.append(heading, where, source);
  return section;
}
