/**
 * Sharing edits: "copy link with my edits" puts every edited snippet, compressed, in the
 * URL's fragment (`#edits=…`, with the slide it was shared from), which browsers never send
 * to a server — so no request-line limit (HTTP 431) can break it. Opening such a link shows
 * that code marked "from a link" and runs nothing until the viewer presses Run. "Download my
 * edits" saves them as one .ts file. Links of the first version (`?edits=…`) still open.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { BLOCK_ID, blockIdFromStorageKey, type LinkedCode } from '../live';
import { paramValues as readParamValues } from '../sandbox/param-name';

/** One block's state, as a block's `snapshot()` gives it. */
export interface EditSnapshot {
  /** The block's id (`02-relu#1`): the same in both languages and across storage formats. */
  id: string;
  code: string;
  params: Record<string, number>;
  /** This viewer's edit: differs from the slide, and was not shown from another device. */
  modified: boolean;
}

/** What a link carried: the snippets by block id, and why some or all of it was refused. */
export interface SharedLink {
  /** Snippets by block id. */
  edits: Record<string, LinkedCode>;
  /** `broken` when the data could not be read, `too-long` when it was refused for its size. */
  problem?: 'broken' | 'too-long';
  /** The page's URL without the edits, on the slide the link was shared from. */
  cleanUrl: string;
}

const PARAM = 'edits';
const FRAGMENT = /^#edits=([^&]*)(?:&slide=(.*))?$/;
/** Linked code larger than this is refused (a URL this long is an attack or a mistake). */
const MAX_LINK_CHARS = 200_000;
/** Snippets per link: more than the deck has blocks. */
const MAX_LINKED_SNIPPETS = 100;
/** Longer links than this get cut by some chat and mail apps: the sender is told. */
export const LONG_LINK_CHARS = 32_000;
/** Links of format 1 named blocks by their storage key; format 2 by their id (block-id.ts). */
const LINK_FORMATS = [1, 2] as const;
const LINK_FORMAT = 2;

/** The URL of the current page and slide, carrying the modified snippets in its fragment. */
export function linkWithEdits(snapshots: EditSnapshot[], href = window.location.href): string {
  const edits: Record<string, LinkedCode> = {};
  for (const s of snapshots.filter((s) => s.modified)) {
    edits[s.id] = Object.keys(s.params).length ? { code: s.code, params: s.params } : { code: s.code };
  }
  const url = new URL(href);
  url.searchParams.delete(PARAM);
  if (Object.keys(edits).length === 0) return url.toString();
  const slide = url.hash.startsWith('#/') ? url.hash.slice(1) : '';
  url.hash = `edits=${compressToEncodedURIComponent(JSON.stringify({ v: LINK_FORMAT, edits }))}${slide ? `&slide=${encodeURI(slide)}` : ''}`;
  return url.toString();
}

/** Reads the edits a link carries (none: `undefined`); malformed or oversized data is refused, and said so. */
export function readSharedLink(href = window.location.href): SharedLink | undefined {
  const url = new URL(href);
  const inFragment = FRAGMENT.exec(url.hash);
  const packed = inFragment?.[1] ?? url.searchParams.get(PARAM);
  if (packed === null || packed === undefined) return undefined;
  url.searchParams.delete(PARAM);
  if (inFragment) url.hash = inFragment[2] ? safeSlide(inFragment[2]) : '';
  const cleanUrl = url.toString();
  if (packed.length > MAX_LINK_CHARS) return { edits: {}, problem: 'too-long', cleanUrl };
  const edits = unpack(packed);
  return edits ? { edits, cleanUrl } : { edits: {}, problem: 'broken', cleanUrl };
}

/** The snippets a link carries, by block key; malformed or oversized data gives none. */
export function editsFromLink(href = window.location.href): Record<string, LinkedCode> {
  return readSharedLink(href)?.edits ?? {};
}

/** A slide path from a link, only if it looks like one of reveal's (`/id` or `/3/1`). */
function safeSlide(raw: string): string {
  let slide: string;
  try {
    slide = decodeURI(raw);
  } catch {
    return '';
  }
  return /^\/[\w-]{1,100}(?:\/\d{1,4}){0,2}$/.test(slide) ? `#${slide}` : '';
}

/** The edits in a packed link, field by field; undefined when the data is not a link's. */
function unpack(packed: string): Record<string, LinkedCode> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(decompressFromEncodedURIComponent(packed) ?? '');
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { v, edits } = data as { v?: unknown; edits?: unknown };
  if (!LINK_FORMATS.includes(v as 1 | 2) || typeof edits !== 'object' || edits === null || Array.isArray(edits)) return undefined;
  const out: Record<string, LinkedCode> = {};
  for (const [key, value] of Object.entries(edits).slice(0, MAX_LINKED_SNIPPETS)) {
    const entry = value as { code?: unknown; params?: unknown } | null;
    const id = v === 1 ? blockIdFromStorageKey(key) : key;
    if (!id || !BLOCK_ID.test(id) || typeof entry?.code !== 'string' || entry.code.length > MAX_LINK_CHARS) continue;
    out[id] = { code: entry.code, params: readParamValues(entry.params) };
  }
  return out;
}

/** All modified snippets as one TypeScript file, each under a comment saying where it came from. */
export function editsAsTypeScript(snapshots: EditSnapshot[]): string {
  const parts = snapshots
    .filter((s) => s.modified)
    .map((s) => {
      const values = Object.keys(s.params).length ? `\n// parameter values: ${JSON.stringify(s.params)}` : '';
      return `// ── ${s.id} ──${values}\n${s.code.trimEnd()}\n`;
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
