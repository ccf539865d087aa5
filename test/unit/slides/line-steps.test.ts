import { describe, expect, it } from 'vitest';
import { parseLineSteps, splitHighlightedLines } from '../../../src/slides/line-steps';

describe('parseLineSteps', () => {
  it('parses steps, ranges and lists', () => {
    expect(parseLineSteps('1|3-5,7')).toEqual([[1], [3, 4, 5, 7]]);
  });
  it('gives one empty step for line numbers without highlights', () => {
    expect(parseLineSteps('')).toEqual([[]]);
  });
});

describe('splitHighlightedLines', () => {
  it('splits plain lines', () => {
    expect(splitHighlightedLines('a\nb')).toEqual(['a', 'b']);
  });
  it('closes and reopens a token that spans lines, so each line is valid HTML', () => {
    const html = '<span class="c">/* one\ntwo */</span> x';
    expect(splitHighlightedLines(html)).toEqual(['<span class="c">/* one</span>', '<span class="c">two */</span> x']);
  });
  it('drops the empty line after a trailing newline', () => {
    expect(splitHighlightedLines('a\n')).toEqual(['a']);
  });
});
