/**
 * Sharing edits: "copy link with my edits" puts every edited snippet, compressed, in the
 * URL (`?edits=…`); opening such a link shows that code marked "from a link" and runs
 * nothing until the viewer presses Run. "Download my edits" saves them as one .ts file.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { LinkedCode } from './live-block';

/** One block's state, as a block's `snapshot()` gives it. */
export interface EditSnapshot {
  key: string;
  code: string;
  params: Record<string, number>;
  modified: boolean;
}

const PARAM = 'edits';
/** Linked code larger than this is refused (a URL this long is an attack or a mistake). */
const MAX_LINK_CHARS = 200_000;

/** The URL of the current page and slide, carrying the modified snippets. */
export function linkWithEdits(snapshots: EditSnapshot[], href = window.location.href): string {
  const edits: Record<string, LinkedCode> = {};
  for (const s of snapshots.filter((s) => s.modified)) {
    edits[s.key] = Object.keys(s.params).length ? { code: s.code, params: s.params } : { code: s.code };
  }
  const url = new URL(href);
  if (Object.keys(edits).length === 0) url.searchParams.delete(PARAM);
  else url.searchParams.set(PARAM, compressToEncodedURIComponent(JSON.stringify({ v: 1, edits })));
  return url.toString();
}

/** The snippets a link carries, by block key; malformed or oversized data gives none. */
export function editsFromLink(href = window.location.href): Record<string, LinkedCode> {
  const packed = new URL(href).searchParams.get(PARAM);
  if (!packed || packed.length > MAX_LINK_CHARS) return {};
  try {
    const data = JSON.parse(decompressFromEncodedURIComponent(packed) ?? '') as { v?: number; edits?: Record<string, unknown> };
    if (data?.v !== 1 || typeof data.edits !== 'object' || data.edits === null) return {};
    const out: Record<string, LinkedCode> = {};
    for (const [key, value] of Object.entries(data.edits)) {
      const entry = value as { code?: unknown; params?: unknown };
      if (typeof entry?.code !== 'string') continue;
      const params: Record<string, number> = {};
      if (entry.params && typeof entry.params === 'object') {
        for (const [name, n] of Object.entries(entry.params)) if (typeof n === 'number' && Number.isFinite(n)) params[name] = n;
      }
      out[key] = { code: entry.code, params };
    }
    return out;
  } catch {
    return {};
  }
}

/** All modified snippets as one TypeScript file, each under a comment saying where it came from. */
export function editsAsTypeScript(snapshots: EditSnapshot[]): string {
  const parts = snapshots
    .filter((s) => s.modified)
    .map((s) => {
      const values = Object.keys(s.params).length ? `\n// parameter values: ${JSON.stringify(s.params)}` : '';
      return `// ── ${s.key.replace(/^rectify:edit:v\d+:/, '')} ──${values}\n${s.code.trimEnd()}\n`;
    });
  return parts.length ? `// My edits to the Rectify deck's live snippets.\n\n${parts.join('\n')}` : '';
}

/** Starts a download of `text` as `name`. */
export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/typescript' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
