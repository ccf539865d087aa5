// Just enough of source maps to map a position in sucrase's output back to the TypeScript:
// decode the VLQ `mappings` (token-granular in sucrase) and look a position up.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Per generated line (0-based), its segments as [generated column, source line, source column], all 0-based. */
export type DecodedMappings = Array<Array<[number, number, number]>>;

/** Decode a source map's `mappings` string (single source). */
export function decodeMappings(mappings: string): DecodedMappings {
  const lines: DecodedMappings = [];
  let srcLine = 0;
  let srcCol = 0;
  for (const text of mappings.split(';')) {
    const segs: Array<[number, number, number]> = [];
    let genCol = 0;
    if (text) {
      for (const seg of text.split(',')) {
        const v = vlq(seg);
        genCol += v[0];
        if (v.length >= 4) {
          srcLine += v[2];
          srcCol += v[3];
          segs.push([genCol, srcLine, srcCol]);
        }
      }
    }
    lines.push(segs);
  }
  return lines;
}

function vlq(s: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (let i = 0; i < s.length; i++) {
    const d = B64.indexOf(s[i]);
    value += (d & 31) << shift;
    if (d & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * Source position (1-based) of a generated position (1-based): the nearest mapped token at or
 * before it on its line, plus the offset into it when that stretch of code was copied as is
 * (same length in both); inside rewritten code (`relu(x)` → `_rectify.relu.call(void 0, x)`)
 * the token's own start.
 */
export function originalPosition(map: DecodedMappings, line: number, column: number): { line: number; column: number } | undefined {
  const segs = map[line - 1];
  if (!segs || segs.length === 0) return undefined;
  const col = column - 1;
  let i = segs.length - 1;
  while (i > 0 && segs[i][0] > col) i--;
  const [genCol, srcLine, srcCol] = segs[i];
  const next = segs[i + 1];
  const copied = !next || (next[1] === srcLine && next[0] - genCol === next[2] - srcCol);
  const out = copied ? srcCol + Math.max(0, col - genCol) : srcCol;
  return { line: srcLine + 1, column: out + 1 };
}
