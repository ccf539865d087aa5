/**
 * A broken slide file is described in the viewer's language: the splitter reports each
 * problem as data and the deck words it from the phrase table, in Chinese and in English.
 * The same problems are worded in both languages, so each language is the other's control.
 */
import { describe, expect, it } from 'vitest';
import { slideErrorWords } from '../../../src/deck/slide-error-words';
import { splitSlides, type SlideFileError } from '../../../src/slides/split-slides';
import { textIn, type TextLanguage } from '../../../src/i18n/ui-text';

const wordsIn = (language: TextLanguage) => slideErrorWords((key, values) => textIn(language, key, values));

/** The splitter's error for a file's text (the test fails if the text is not broken). */
function errorOf(text: string): SlideFileError {
  const result = splitSlides(text);
  if (result.ok) throw new Error('expected a broken file');
  return result.error;
}

const UNCLOSED_FENCE = errorOf('# A\n\n```ts\nconst x = 1;\n');
const UNCLOSED_COMMENT = errorOf('<!-- .slide: id="x"\n# A');
const BAD_ATTRIBUTES = errorOf('# A\n- x <!-- .element: class="fragment -->');
const HAN = /\p{Script=Han}/u;

describe('a broken slide file in words', () => {
  it('names the file, the line and the problem in English', () => {
    const words = wordsIn('en');
    expect(words.heading).toBe('This slide file could not be shown');
    expect(words.where('slides/02-x.md', UNCLOSED_FENCE)).toBe(
      'slides/02-x.md, line 3: code fence ``` opened here is never closed; add a closing ``` line',
    );
    expect(words.where('slides/02-x.md', UNCLOSED_COMMENT)).toBe(
      'slides/02-x.md, line 1: <!-- .slide: … comment is not closed with --> on the same line',
    );
    expect(words.where('slides/02-x.md', BAD_ATTRIBUTES)).toBe(
      'slides/02-x.md, line 2: malformed .element attributes "class="fragment": expected name="value" pairs, e.g. <!-- .element: class="fragment" -->',
    );
    expect(words.overlayTitle(1)).toBe('A slide file could not be shown');
    expect(words.overlayTitle(3)).toBe('3 slide files could not be shown');
    expect(words.hide).toBe('Hide');
  });

  it('names the file, the line and the problem in Chinese, keeping the markers an author types', () => {
    const words = wordsIn('zh');
    expect(words.heading).toBe('这个幻灯片文件无法显示');
    expect(words.where('slides/02-x.md', UNCLOSED_FENCE)).toBe(
      'slides/02-x.md，第 3 行：这里打开的代码块 ``` 没有关闭；请加一行 ``` 把它关上',
    );
    expect(words.where('slides/02-x.md', UNCLOSED_COMMENT)).toMatch(/^slides\/02-x\.md，第 1 行：<!-- \.slide: … 注释/);
    expect(words.where('slides/02-x.md', BAD_ATTRIBUTES)).toMatch(/^slides\/02-x\.md，第 2 行：\.element 的属性“class="fragment”格式不对/);
    expect(words.overlayTitle(1)).toBe('有一个幻灯片文件无法显示');
    expect(words.overlayTitle(3)).toBe('有 3 个幻灯片文件无法显示');
    expect(words.hide).toBe('隐藏');
  });

  it.each([UNCLOSED_FENCE, UNCLOSED_COMMENT, BAD_ATTRIBUTES])('leaves no slot unfilled and no language mixed (%j)', (error) => {
    for (const language of ['zh', 'en'] as const) {
      const text = wordsIn(language).where('slides/x.md', error);
      expect(text).not.toMatch(/\{\w+\}/);
      expect(HAN.test(text), `${language}: ${text}`).toBe(language === 'zh');
    }
  });
});
