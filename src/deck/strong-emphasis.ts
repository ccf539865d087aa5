/**
 * Bold that works next to Chinese punctuation. CommonMark only opens `**` when it is
 * "left-flanking": `是一个**“智能开关”**` fails (a letter before, punctuation after), so
 * marked prints the asterisks. Authors write Chinese that way all the time, so before marked
 * sees a slide, every `**…**` pair on a line outside code becomes `<strong>…</strong>`
 * (marked keeps parsing Markdown inside the tags). Pure: Markdown in, Markdown out.
 */

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
// `**`, then something that is not a space or `*`, lazily up to a `**` that follows a non-space.
const STRONG = /(?<!\\)\*\*(?=[^\s*])(.+?)(?<=[^\s\\])\*\*/g;
// Inline code spans (a run of backticks up to the same run) and HTML comments stay as written.
const KEEP = /(`+)[\s\S]*?\1|<!--[\s\S]*?-->/g;

/** `markdown` with every `**bold**` outside code written as `<strong>bold</strong>`. */
export function strongEmphasis(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = FENCE.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      return strongOutsideCode(line);
    })
    .join('\n');
}

function strongOutsideCode(line: string): string {
  let out = '';
  let from = 0;
  for (const kept of line.matchAll(KEEP)) {
    out += line.slice(from, kept.index).replace(STRONG, '<strong>$1</strong>') + kept[0];
    from = kept.index + kept[0].length;
  }
  return out + line.slice(from).replace(STRONG, '<strong>$1</strong>');
}
