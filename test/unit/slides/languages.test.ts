/**
 * The English mode mirrors the Chinese reference deck: every file in slides/ has a twin in
 * slides/en/ with the same stacks, slide ids, attributes, formulas, figures and live blocks
 * (same code apart from strings and comments), one non-empty speaker note per slide in both
 * languages, and English snippets that run. A Chinese slide added and not yet translated
 * fails here, naming the file and slide.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLiveFence } from '../../../src/slides/live-options';
import { NOTES_MARKER, splitSlides } from '../../../src/slides/split-slides';
import { liveSnippets, runSnippet, testTimeoutFor } from './run-snippets';

const ZH = 'slides';
const EN = 'slides/en';

/** What a translation must keep from its Chinese slide (everything but the words). */
interface SlideFacts {
  /** `h.v` position in the file, 1-based, for messages. */
  at: string;
  id?: string;
  /** `<!-- .slide: … -->` / `<!-- .element: … -->` comments outside code and notes, in order. */
  attributes: string[];
  /** `$…$` and `$$…$$` outside code and notes, in order. */
  formulas: string[];
  /** `data-figure` values of figure placeholders. */
  figures: string[];
  /** Info strings of the ```ts live fences, in order. */
  liveInfos: string[];
  /** Each live fence's code without comments and string text (see `codeSkeleton`). */
  liveSkeletons: string[];
  /** Speaker-notes sections: the text after each `Note:` line outside code. */
  notes: string[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const NOTES_LINE = /^notes?:/i;

const mdFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.md')).sort();

/** Splits one slide's Markdown into prose lines, notes sections and code fences. */
function scanSlide(markdown: string) {
  const prose: string[] = [];
  const notes: string[][] = [];
  const fences: Array<{ info: string; code: string[] }> = [];
  let open: { marker: string; info: string; code: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    const fence = FENCE.exec(line);
    if (open) {
      if (fence && fence[1][0] === open.marker[0] && fence[1].length >= open.marker.length && line.trim() === fence[1]) {
        fences.push({ info: open.info, code: open.code });
        open = undefined;
      } else {
        open.code.push(line);
      }
      continue;
    }
    if (fence) {
      open = { marker: fence[1], info: fence[2].trim(), code: [] };
      continue;
    }
    // splitSlides rewrites the first notes line to NOTES_MARKER; any later `Note:` is a second notes section.
    if (line.startsWith(NOTES_MARKER) || NOTES_LINE.test(line)) {
      notes.push([line.startsWith(NOTES_MARKER) ? line.slice(NOTES_MARKER.length) : line.replace(NOTES_LINE, '')]);
      continue;
    }
    (notes.length > 0 ? notes[notes.length - 1] : prose).push(line);
  }
  return { prose, notes: notes.map((n) => n.join('\n').trim()), fences };
}

/** The code with comments dropped, string and template text emptied and spacing normalised. */
export function codeSkeleton(code: string): string {
  let out = '';
  let i = 0;
  const readCode = (untilBrace: boolean): void => {
    let depth = 0;
    while (i < code.length) {
      const c = code[i];
      if (c === '/' && code[i + 1] === '/') {
        while (i < code.length && code[i] !== '\n') i++;
      } else if (c === '/' && code[i + 1] === '*') {
        const end = code.indexOf('*/', i + 2);
        i = end < 0 ? code.length : end + 2;
      } else if (c === "'" || c === '"') {
        for (i++; i < code.length && code[i] !== c && code[i] !== '\n'; i++) if (code[i] === '\\') i++;
        i++;
        out += c + c;
      } else if (c === '`') {
        i++;
        out += '`';
        readTemplate();
      } else {
        if (untilBrace && c === '{') depth++;
        if (untilBrace && c === '}' && depth-- === 0) {
          i++;
          out += '}';
          return;
        }
        out += c;
        i++;
      }
    }
  };
  const readTemplate = (): void => {
    while (i < code.length) {
      if (code[i] === '\\') {
        i += 2;
      } else if (code[i] === '`') {
        i++;
        out += '`';
        return;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        i += 2;
        out += '${';
        readCode(true);
      } else {
        i++;
      }
    }
  };
  readCode(false);
  // Line breaks and spaces may move when a translated string gets longer; tokens may not.
  return out.replace(/\s+/g, ' ').replace(/ ?([^\w$ ]) ?/g, '$1').trim();
}

/** The file's slides as stacks of facts, or an error naming the file. */
function deckFile(path: string): SlideFacts[][] {
  if (!existsSync(path)) throw new Error(`${path} is missing: every file in ${ZH}/ needs an English twin in ${EN}/`);
  const split = splitSlides(readFileSync(path, 'utf8'));
  if (!split.ok) throw new Error(`${path}:${split.error.line}: ${JSON.stringify(split.error.problem)}`);
  return split.stacks.map((stack, h) =>
    stack.map((slide, v) => {
      const { prose, notes, fences } = scanSlide(slide.markdown);
      const text = prose.join('\n');
      const attributes = [...text.matchAll(/<!--\s*\.(slide|element)\s*:(.*?)-->/g)].map(
        (m) => `.${m[1]}: ${m[2].trim().replace(/\s+/g, ' ')}`,
      );
      const mathText = text.replace(/<!--[\s\S]*?-->/g, '').replace(/`[^`\n]*`/g, '');
      const live = fences.filter((f) => isLiveFence(f.info));
      return {
        at: `${h + 1}.${v + 1}`,
        id: /<!--\s*\.slide:[^>]*\bid="([^"]+)"/.exec(text)?.[1],
        attributes,
        formulas: [...mathText.matchAll(/\$\$[\s\S]+?\$\$|\$[^$\n]+?\$/g)].map((m) => m[0]),
        figures: [...text.matchAll(/data-figure="([^"]*)"/g)].map((m) => m[1]),
        liveInfos: live.map((f) => f.info),
        liveSkeletons: live.map((f) => codeSkeleton(f.code.join('\n'))),
        notes,
      };
    }),
  );
}

/** Both languages of one file, after checking they have the same stacks. */
function bothLanguages(name: string) {
  const zh = deckFile(`${ZH}/${name}`);
  const en = deckFile(`${EN}/${name}`);
  expect(en.map((s) => s.length), `${EN}/${name}: slides per horizontal stack`).toEqual(zh.map((s) => s.length));
  return { zh: zh.flat(), en: en.flat() };
}

const where = (name: string, slide: SlideFacts) => `${EN}/${name} slide ${slide.at} (#${slide.id ?? 'no id'})`;

describe('English slides (slides/en/) mirror the Chinese reference (slides/)', () => {
  it('have exactly one English file per Chinese file, with the same name', () => {
    expect(mdFiles(EN)).toEqual(mdFiles(ZH));
  });

  for (const name of mdFiles(ZH)) {
    describe(name, () => {
      it('has the same stacks of slides, with the same slide ids in the same order', () => {
        const { zh, en } = bothLanguages(name);
        expect(en.map((s) => s.id), `${EN}/${name}: slide ids`).toEqual(zh.map((s) => s.id));
      });

      it('has exactly one non-empty Note: on every slide, in both languages', () => {
        const { zh, en } = bothLanguages(name);
        for (const [dir, slides] of [[ZH, zh], [EN, en]] as const) {
          for (const slide of slides) {
            const at = `${dir}/${name} slide ${slide.at} (#${slide.id ?? 'no id'})`;
            expect(slide.notes.length, `${at}: number of Note: sections`).toBe(1);
            expect(slide.notes[0], `${at}: speaker notes`).not.toBe('');
          }
        }
      });

      it('keeps each slide\'s attributes, formulas and figures', () => {
        const { zh, en } = bothLanguages(name);
        zh.forEach((z, i) => {
          expect(en[i].attributes, `${where(name, en[i])}: .slide/.element attributes`).toEqual(z.attributes);
          expect(en[i].formulas, `${where(name, en[i])}: formulas`).toEqual(z.formulas);
          expect(en[i].figures, `${where(name, en[i])}: data-figure`).toEqual(z.figures);
        });
      });

      it('has the same ```ts live fences on each slide: same info strings, same code apart from strings and comments', () => {
        const { zh, en } = bothLanguages(name);
        zh.forEach((z, i) => {
          expect(en[i].liveInfos, `${where(name, en[i])}: live fence info strings`).toEqual(z.liveInfos);
          expect(en[i].liveSkeletons, `${where(name, en[i])}: live code outside strings and comments`).toEqual(z.liveSkeletons);
        });
      });
    });
  }
});

describe('codeSkeleton (what a translation of a snippet may not change)', () => {
  it('ignores comments and the text of strings and templates, but keeps template expressions', () => {
    const zh = "// 客人\nconsole.log(`客人 ${name}：${relu(money)} 元`, '钱', \"{\"); /* 注 */ x = a / b;";
    const en = "// guests\nconsole.log(`Guest ${name}: ${relu(money)} yuan`,\n  'money', \"{\"); x = a / b;";
    expect(codeSkeleton(en)).toBe(codeSkeleton(zh));
    expect(codeSkeleton('f(`${a}`)')).not.toBe(codeSkeleton('f(`${b}`)'));
    expect(codeSkeleton('const x = 1')).not.toBe(codeSkeleton('const x = 2'));
  });
});

describe('English live snippets', () => {
  const snippets = liveSnippets(EN);

  it('are as many as the Chinese ones', () => {
    expect(snippets.length).toBe(liveSnippets(ZH).length);
  });

  for (const snippet of snippets) {
    it(`${snippet.file}:${snippet.line} (#${snippet.slideId}) runs against the core and shows something`, async () => {
      const { logs, plots } = await runSnippet(snippet);
      expect(logs.length + plots.length).toBeGreaterThan(0);
    }, testTimeoutFor(snippet));
  }
});
