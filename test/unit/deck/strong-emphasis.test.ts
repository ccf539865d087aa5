import { describe, expect, it } from 'vitest';
import { Marked } from 'marked';
import { strongEmphasis } from '../../../src/deck/strong-emphasis';

// The marked reveal.js bundles (same major): the bug is marked's, so the check runs through it.
const marked = new Marked({ hooks: { preprocess: strongEmphasis } });
const plain = new Marked();

describe('strongEmphasis', () => {
  it('bolds text next to full-width quotes and punctuation, where CommonMark prints the asterisks', () => {
    const source = '它其实就是神经网络里的一个**“智能开关”**。就是这么简单**！**';
    // Control: plain marked leaves literal `**` here (the defect this guards against).
    expect(plain.parseInline(source)).toContain('**');
    const html = marked.parse(source) as string;
    expect(html).not.toContain('**');
    expect(html).toContain('<strong>“智能开关”</strong>');
    expect(html).toContain('<strong>！</strong>');
  });

  it('keeps Markdown working inside the bold and leaves ordinary bold as it was', () => {
    expect(marked.parse('a **`relu` and *x*** b') as string).toContain('<strong><code>relu</code> and <em>x</em></strong>');
    expect(marked.parse('**ReLU 激活函数**') as string).toContain('<strong>ReLU 激活函数</strong>');
  });

  it('leaves code, comments and lone asterisks alone', () => {
    const source = [
      '`a**b**c` and x ** 2',
      '<!-- .element: **x** -->',
      '```ts',
      'const y = 2 ** 3 ** 2; // **not bold**',
      '```',
      '5 * 3 ** y',
    ].join('\n');
    expect(strongEmphasis(source)).toBe(source);
  });

  it('does not treat an escaped or space-padded pair as bold', () => {
    expect(strongEmphasis('\\**not**')).toBe('\\**not**');
    expect(strongEmphasis('a ** b ** c')).toBe('a ** b ** c');
  });
});
