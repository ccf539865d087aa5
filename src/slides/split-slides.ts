/**
 * Fence-aware splitting of one slide file into slides. Pure: string in, data out.
 *
 * reveal's markdown plugin splits on `---` with a regex over the raw text, so a `---`
 * (or a `Note:` line) inside a code fence breaks a slide. We split here instead, where we
 * know which lines are code, and hand reveal one slide at a time.
 */

/** One slide's Markdown and where it starts in its file. */
export interface SlideSource {
  /** Markdown of the slide, notes included (the notes marker rewritten, see `NOTES_MARKER`). */
  markdown: string;
  /** 1-based line in the file where the slide's text begins. */
  line: number;
}

/**
 * What is wrong with a file, as data: the deck words it in the viewer's language
 * (deck/slide-error-words.ts), as it words the sandbox's reasons.
 */
export type SlideProblem =
  | { kind: 'fence-not-closed'; marker: string }
  | { kind: 'comment-not-closed'; target: 'slide' | 'element' }
  | { kind: 'malformed-attributes'; target: 'slide' | 'element'; attributes: string };

/** A problem that makes a file unsafe to render: what is wrong and where. */
export interface SlideFileError {
  /** 1-based line of the offending text. */
  line: number;
  problem: SlideProblem;
}

/** A file split into horizontal stacks of vertical slides, or the first error found. */
export type SplitResult = { ok: true; stacks: SlideSource[][] } | { ok: false; error: SlideFileError };

/**
 * The line that starts a slide's speaker notes, as we pass it to reveal. reveal's own
 * notes separator also matches `note:` lines inside code and drops all notes when a
 * slide has two; rewriting only the first real one to a marker avoids both traps.
 */
export const NOTES_MARKER = '@@rectify-notes@@';

/** Regex source for reveal's `data-separator-notes` matching `NOTES_MARKER`. */
export const NOTES_SEPARATOR = `^${NOTES_MARKER}`;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const NOTES_LINE = /^notes?:/i;
const ATTRIBUTE_COMMENT = /<!--\s*\.(slide|element)\s*:(.*?)(-->|$)/;
// `name="value"`, `name='value'` or a bare `name`, separated by spaces.
const ATTRIBUTE_LIST = /^(\s*[\w:.-]+(\s*=\s*("[^"]*"|'[^']*'))?)*\s*$/;

/** Splits a slide file on `---` (horizontal) and `--` (vertical) lines outside code fences. */
export function splitSlides(text: string): SplitResult {
  const lines = text.split(/\r?\n/);
  const stacks: SlideSource[][] = [[]];
  let current: string[] = [];
  let currentStart = 1;
  let openFence: { marker: string; line: number } | undefined;
  let notesSeen = false;

  const finishSlide = (nextStart: number) => {
    stacks[stacks.length - 1].push({ markdown: current.join('\n'), line: currentStart });
    current = [];
    currentStart = nextStart;
    notesSeen = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    const fence = FENCE.exec(line);
    if (openFence) {
      // A fence closes with the same character, at least as long, and nothing else on the line.
      if (fence && fence[1][0] === openFence.marker[0] && fence[1].length >= openFence.marker.length && line.trim() === fence[1]) {
        openFence = undefined;
      }
      current.push(line);
      continue;
    }
    if (fence) {
      openFence = { marker: fence[1], line: lineNo };
      current.push(line);
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '---') {
      finishSlide(lineNo + 1);
      stacks.push([]);
      continue;
    }
    if (trimmed === '--') {
      finishSlide(lineNo + 1);
      continue;
    }
    const attributeError = checkAttributeComment(line, lineNo);
    if (attributeError) return { ok: false, error: attributeError };
    if (!notesSeen && NOTES_LINE.test(line)) {
      notesSeen = true;
      current.push(line.replace(NOTES_LINE, NOTES_MARKER));
      continue;
    }
    current.push(line);
  }

  if (openFence) {
    return {
      ok: false,
      error: {
        line: openFence.line,
        problem: { kind: 'fence-not-closed', marker: openFence.marker },
      },
    };
  }
  finishSlide(lines.length + 1);
  // A file that ends with a separator would otherwise give an empty trailing slide.
  const nonEmpty = stacks.map((stack) => stack.filter((slide) => slide.markdown.trim() !== '')).filter((stack) => stack.length > 0);
  return { ok: true, stacks: nonEmpty };
}

/** Checks a `<!-- .slide: … -->` / `<!-- .element: … -->` comment on one line. */
function checkAttributeComment(line: string, lineNo: number): SlideFileError | undefined {
  const match = ATTRIBUTE_COMMENT.exec(line);
  if (!match) return undefined;
  const [, kind, attributes, close] = match;
  const target = kind as 'slide' | 'element';
  if (close !== '-->') return { line: lineNo, problem: { kind: 'comment-not-closed', target } };
  if (!ATTRIBUTE_LIST.test(attributes)) {
    return { line: lineNo, problem: { kind: 'malformed-attributes', target, attributes: attributes.trim() } };
  }
  return undefined;
}
