/**
 * Every word the viewer reads comes from the phrase table (src/i18n/ui-text.ts), in both
 * languages: no Chinese string literal anywhere else in the deck's code, and no English one
 * written straight into what the page shows (text, titles, labels, placeholders, prompts).
 * The scanner is first run on a sample that breaks each rule (its control).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folders whose code builds what the viewer sees (the core and the sandbox speak only to code). */
const FOLDERS = ['src/deck', 'src/slides', 'src/live', 'src/tools', 'src/i18n', 'src/editor', 'src/plot'];
/** The one place phrases are written. */
const TABLE = 'src/i18n/ui-text.ts';
/** Literals that are not words for the viewer, by file. */
const ALLOWED: Record<string, string[]> = {
  // Han characters the font check draws off screen, never shown.
  'src/deck/fallback-font.ts': ["'中'", "'国'"],
};

const HAN = /\p{Script=Han}/u;
const WORD = /[A-Za-z]{2}/;
/** Code just before a literal that puts it where the page shows it. */
const SINK_BEFORE =
  /(?:\.(?:textContent|innerText|title|placeholder|alt)\s*=|\b(?:textContent|title|placeholder|alt)\s*:|setAttribute\(\s*'(?:aria-label|title|placeholder|alt)'\s*,|\b(?:prompt|alert|confirm)\()\s*$/;
/** In markup (a template literal with tags, its `${…}` set aside): a word between tags, or in a title/label/placeholder attribute. */
const MARKUP_SINKS = [/>\s*[A-Za-z]{2}[^<]*</g, /\b(?:title|aria-label|placeholder|alt)="[^"]*[A-Za-z]{2}[^"]*"/g];

/** A string literal of the code: its text as written (quotes included), its text without `${…}`, and the code before it. */
interface Literal {
  raw: string;
  text: string;
  before: string;
}

/**
 * The string literals of TypeScript source, comments skipped. A small scanner, not a parser:
 * it knows comments, the three kinds of quotes, `${…}` in templates (scanned as code) and
 * regular expression literals (after an operator or a bracket), which is all the deck's code needs.
 */
function literals(source: string): Literal[] {
  const found: Literal[] = [];
  let code = '';
  let i = 0;
  const scan = (closing?: string): void => {
    let depth = 0;
    while (i < source.length) {
      const c = source[i];
      if (closing && c === '}' && depth === 0) return;
      if (c === '{') depth++;
      if (c === '}') depth--;
      if (source.startsWith('//', i)) i = source.indexOf('\n', i) === -1 ? source.length : source.indexOf('\n', i);
      else if (source.startsWith('/*', i)) i = source.indexOf('*/', i + 2) + 2;
      else if (c === "'" || c === '"' || c === '`') readString(c);
      else if (c === '/' && /[(,=:[!&|?{};]\s*$|^\s*$|return\s*$/.test(code.slice(-20))) {
        const match = /^\/(?:\\.|\[(?:\\.|[^\]])*\]|[^/\\\n])+\/[a-z]*/.exec(source.slice(i));
        i += match ? match[0].length : 1;
        code += 'regex';
      } else {
        code += c;
        i++;
      }
    }
  };
  const readString = (quote: string): void => {
    const start = i++;
    const before = code;
    let text = '';
    while (i < source.length && source[i] !== quote) {
      if (source[i] === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
      } else if (quote === '`' && source.startsWith('${', i)) {
        i += 2;
        scan('}');
        i++;
      } else text += source[i++];
    }
    i++;
    found.push({ raw: source.slice(start, i), text, before });
    // Quoted text stays in the code before later literals (`setAttribute('title', …)`); a template's is set aside.
    code += quote === '`' ? '``' : source.slice(start, i);
  };
  scan();
  return found;
}

/** The hard-coded viewer text in one file's code. */
function hardCoded(file: string, source: string): string[] {
  const found: string[] = [];
  for (const literal of literals(source)) {
    if (HAN.test(literal.text)) found.push(literal.raw);
    else if (WORD.test(literal.text) && SINK_BEFORE.test(literal.before)) found.push(literal.raw);
    else if (literal.raw.startsWith('`') && literal.text.includes('<')) {
      for (const sink of MARKUP_SINKS) found.push(...[...literal.text.matchAll(sink)].map((m) => m[0]));
    }
  }
  return found.filter((text) => !(ALLOWED[file] ?? []).includes(text));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('viewer text comes from the phrase table', () => {
  it('the scanner sees each kind of hard-coded text (control)', () => {
    const sample = [
      "heading.textContent = 'This slide file could not be shown';",
      "const close = Object.assign(button, { type: 'button', textContent: '×', title: 'Hide' });",
      "button.setAttribute('aria-label', 'Switch to English');",
      "const label = other === 'zh' ? '中文' : t('x');",
      "window.prompt('Copy this link:', link);",
      'bar.innerHTML = `<button type="button">Run</button><span title="Stop the run"></span>`;',
    ].join('\n');
    expect(hardCoded('sample.ts', sample)).toEqual([
      "'This slide file could not be shown'",
      "'Hide'",
      "'Switch to English'",
      "'中文'",
      "'Copy this link:'",
      '>Run<',
      'title="Stop the run"',
    ]);
  });

  it('the scanner passes text from the table, comments and code (control)', () => {
    const sample = [
      '// The heading says "This slide file could not be shown" (中文 in Chinese).',
      "heading.textContent = t('slideErrorHeading');",
      "const close = Object.assign(button, { type: 'button', textContent: '×', title: words.hide });",
      "const quotes = /[\"']/g; const half = a / b; // 'Not text' (a comment)",
      "fetch('https://example.test/x'); // a URL is not a comment",
      'root.innerHTML = `<button type="button" title="${t(\'runTitle\')}">${t(\'run\')}</button>`;',
    ].join('\n');
    expect(hardCoded('sample.ts', sample)).toEqual([]);
  });

  it.each(FOLDERS)('%s writes no viewer text of its own', (folder) => {
    const files = sourceFiles(folder).filter((file) => file !== TABLE);
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) => hardCoded(file, readFileSync(file, 'utf8')).map((literal) => `${file}: ${literal}`));
    expect(found).toEqual([]);
  });
});
