import { describe, expect, it } from 'vitest';
import { NOTES_MARKER, splitSlides } from '../../../src/slides/split-slides';

function slides(text: string) {
  const result = splitSlides(text);
  if (!result.ok) throw new Error(`unexpected error: ${JSON.stringify(result.error)}`);
  return result.stacks;
}

describe('splitSlides', () => {
  it('splits horizontal slides on --- lines and vertical ones on -- lines', () => {
    const stacks = slides('# A\n---\n# B\n--\n# B.2\n---\n# C');
    expect(stacks.map((s) => s.map((slide) => slide.markdown.trim()))).toEqual([['# A'], ['# B', '# B.2'], ['# C']]);
  });

  it('does not split on separators inside code fences (the reveal markdown bug)', () => {
    const stacks = slides('# A\n```md\n---\n--\n```\n---\n# B');
    expect(stacks).toHaveLength(2);
    expect(stacks[0][0].markdown).toContain('```md\n---\n--\n```');
  });

  it('knows tilde fences and longer backtick fences', () => {
    const stacks = slides('# A\n~~~\n---\n~~~\n````\n```\n---\n````\n---\n# B');
    expect(stacks).toHaveLength(2);
  });

  it('records the 1-based line where each slide starts', () => {
    const stacks = slides('# A\ntext\n---\n# B\n--\n# C');
    expect(stacks.flat().map((s) => s.line)).toEqual([1, 4, 6]);
  });

  it('marks the first Note: line as the notes separator and leaves note: lines in code alone', () => {
    const [[slide]] = slides('# A\n```ts\nnote: in code\n```\nNote: say this\nnotes: and this');
    expect(slide.markdown).toContain('note: in code');
    expect(slide.markdown).toContain(`${NOTES_MARKER} say this`);
    // A second notes line stays inside the notes instead of breaking them (reveal drops both).
    expect(slide.markdown).toContain('notes: and this');
    expect(slide.markdown.split(NOTES_MARKER)).toHaveLength(2);
  });

  it('does not treat an indented Note: as notes, as reveal does not', () => {
    const [[slide]] = slides('# A\n  Note: stays text');
    expect(slide.markdown).not.toContain(NOTES_MARKER);
  });

  it('keeps slide and element attribute comments', () => {
    const [[slide]] = slides('<!-- .slide: id="x" data-background-color="#203040" -->\n# A\n- item <!-- .element: class="fragment" -->');
    expect(slide.markdown).toContain('<!-- .slide: id="x"');
  });

  it('drops empty slides left by a trailing separator', () => {
    expect(slides('# A\n---\n')).toHaveLength(1);
  });

  it('reports an unclosed code fence with the line it opens on', () => {
    const result = splitSlides('# A\n---\n# B\n```ts\nconst x = 1;\n---\n# C');
    expect(result).toEqual({ ok: false, error: { line: 4, problem: { kind: 'fence-not-closed', marker: '```' } } });
  });

  it('reports a malformed attribute comment with its line', () => {
    const result = splitSlides('# A\n- x <!-- .element: class="fragment -->');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.line).toBe(2);
      expect(result.error.problem).toEqual({ kind: 'malformed-attributes', target: 'element', attributes: 'class="fragment' });
    }
  });

  it('reports an attribute comment that is not closed', () => {
    const result = splitSlides('<!-- .slide: id="x"\n# A');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual({ line: 1, problem: { kind: 'comment-not-closed', target: 'slide' } });
  });
});
