/**
 * Turns a deck plan into the `<section>` elements reveal's markdown plugin expects: one
 * `section[data-markdown]` per slide, each holding its Markdown in a template, with
 * separators that never match (we split already). Broken files become error slides.
 */
import type { FilePlan } from './plan-deck';
import { NOTES_SEPARATOR, type SlideSource } from './split-slides';

const NEVER_MATCHES = '(?!)';

/** Builds the sections for every file of the plan, in order. */
export function renderSections(plan: FilePlan[], doc: Document): HTMLElement[] {
  return plan.flatMap((file) => (file.ok ? file.stacks.map((stack) => renderStack(stack, file.file, doc)) : [renderError(file, doc)]));
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
function renderError(file: Extract<FilePlan, { ok: false }>, doc: Document): HTMLElement {
  const section = doc.createElement('section');
  section.className = 'slide-error';
  section.setAttribute('data-source', `${file.file}:${file.error.line}`);
  section.setAttribute('data-state', 'slide-error');
  const heading = doc.createElement('h2');
  heading.textContent = 'This slide file could not be shown';
  const where = doc.createElement('p');
  where.className = 'slide-error-where';
  where.textContent = `${file.file}, line ${file.error.line}: ${file.error.message}`;
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
