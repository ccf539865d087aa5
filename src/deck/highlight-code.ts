/**
 * Syntax highlighting with only the languages the deck uses (the stock highlight plugin
 * ships every highlight.js language: 318 KB gzip), plus reveal's code-line steps
 * (```ts [1|3-5]) rendered the way reveal's CSS expects (`.hljs-ln`, `.highlight-line`).
 * Loaded lazily by highlight-plugin.ts.
 */
import hljs from 'highlight.js/lib/core';
import typescript from 'highlight.js/lib/languages/typescript';
import javascript from 'highlight.js/lib/languages/javascript';
import bash from 'highlight.js/lib/languages/bash';
import json from 'highlight.js/lib/languages/json';
import { parseLineSteps, splitHighlightedLines } from '../slides/line-steps';

hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('javascript', javascript);
hljs.registerLanguage('bash', bash);
hljs.registerLanguage('json', json);

/** Highlights one code element in place (fence language from its class); true if it added line steps. */
export function highlightCode(code: HTMLElement): boolean {
  if (code.dataset.highlighted === 'yes') return false;
  const language = code.className.split(/\s+/).find((c) => hljs.getLanguage(c));
  const source = code.textContent ?? '';
  code.innerHTML = language ? hljs.highlight(source, { language }).value : escapeHtml(source);
  code.classList.add('hljs');
  code.dataset.highlighted = 'yes';
  if (!code.hasAttribute('data-line-numbers')) return false;
  addLineSteps(code);
  return true;
}

/** Renders numbered lines; extra steps become fragment copies, as reveal's highlight plugin does. */
function addLineSteps(code: HTMLElement): void {
  const lines = splitHighlightedLines(code.innerHTML);
  const start = Number.parseInt(code.dataset.lnStartFrom ?? '1', 10) || 1;
  const rows = lines
    .map(
      (html, i) =>
        `<tr data-line-number="${start + i}"><td class="hljs-ln-line hljs-ln-numbers"><div class="hljs-ln-n">${start + i}</div></td><td class="hljs-ln-line hljs-ln-code">${html || ' '}</td></tr>`,
    )
    .join('');
  code.innerHTML = `<table class="hljs-ln"><tbody>${rows}</tbody></table>`;
  const steps = parseLineSteps(code.getAttribute('data-line-numbers') ?? '');
  markLines(code, steps[0], start);
  let previous = code;
  for (const step of steps.slice(1)) {
    const copy = code.cloneNode(true) as HTMLElement;
    copy.classList.add('fragment');
    markLines(copy, step, start);
    previous.after(copy);
    previous = copy;
  }
}

function markLines(code: HTMLElement, lines: number[], start: number): void {
  code.classList.toggle('has-highlights', lines.length > 0);
  code.querySelectorAll<HTMLTableRowElement>('tr').forEach((row, i) => {
    row.classList.toggle('highlight-line', lines.includes(start + i));
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
}

/** The code blocks under `root` still to highlight (live ones get an editor instead). */
export function unhighlightedCode(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('pre > code:not(.live):not([data-highlighted])')];
}
