/**
 * reveal's code-line steps: ```ts [1|3-5] highlights line 1, then lines 3–5 on the next
 * fragment. Pure parsing and HTML line-splitting; the DOM work is in highlight-code.ts.
 */

/** Parses `"1|3-5,7"` into steps of 1-based line numbers: `[[1], [3, 4, 5, 7]]`. An empty step highlights nothing. */
export function parseLineSteps(spec: string): number[][] {
  return spec.split('|').map((step) =>
    step
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .flatMap((part) => {
        const [from, to] = part.split('-').map((n) => Number.parseInt(n, 10));
        if (!Number.isFinite(from)) return [];
        const last = Number.isFinite(to) ? to : from;
        const lines: number[] = [];
        for (let n = from; n <= last; n++) lines.push(n);
        return lines;
      }),
  );
}

/**
 * Splits highlighted HTML into one string per source line. A token that spans lines
 * (a block comment, a template string) is closed at each line end and reopened on the
 * next, so every line is well-formed HTML on its own.
 */
export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  const tag = /<span[^>]*>|<\/span>|\n/g;
  let last = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    line += html.slice(last, m.index);
    last = tag.lastIndex;
    if (m[0] === '\n') {
      lines.push(line + '</span>'.repeat(open.length));
      line = open.join('');
    } else if (m[0] === '</span>') {
      open.pop();
      line += m[0];
    } else {
      open.push(m[0]);
      line += m[0];
    }
  }
  lines.push(line + html.slice(last));
  // A trailing newline in the source is not a line of its own.
  if (lines.length > 1 && lines[lines.length - 1].replace(/<[^>]*>/g, '') === '') lines.pop();
  return lines;
}
