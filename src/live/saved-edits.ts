/**
 * Edits to live blocks, kept in localStorage as the author or reader types, so a reload
 * loses nothing. Keyed by slide file and block position; each edit remembers a
 * fingerprint of the original it was made from, so a changed original can be detected.
 */
import { fingerprint } from '../slides/live-options';
import { readParamValues } from './snippet-params';

/** One saved edit. */
export interface SavedEdit {
  /** The edited code. */
  code: string;
  /** `fingerprint()` of the original the edit was made from. */
  original: string;
  /** When it was saved (ms since epoch). */
  savedAt: number;
  /** Values the viewer set on the snippet's parameter controls. */
  params?: Record<string, number>;
}

/**
 * What to show for a block: the original, the reader's edit, an edit of an original that has
 * changed since, or the original because what was stored could not be read (it is dropped).
 */
export type EditState =
  { kind: 'original' } | { kind: 'edited'; edit: SavedEdit } | { kind: 'stale'; edit: SavedEdit } | { kind: 'unreadable' };

const PREFIX = 'rectify:edit:v1:';
/** Longer code than any snippet: a stored value this large is not an edit of ours. */
const MAX_CODE_CHARS = 200_000;

/** The storage key of a block: slide file and the block's position in it. */
export function editKey(file: string, index: number): string {
  return `${PREFIX}${file}#${index}`;
}

/** localStorage, or undefined where it is blocked (private mode, sandboxed previews). */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The saved state of a block whose original is `original`. Storage is not trusted: a value
 * that is not exactly an edit as `saveEdit` writes it is removed (after a console warning
 * that keeps its text) and reported as `unreadable`. Never throws.
 */
export function loadEdit(key: string, original: string, store = storage()): EditState {
  let raw: string | null | undefined;
  try {
    raw = store?.getItem(key);
  } catch {
    return { kind: 'original' };
  }
  if (!raw) return { kind: 'original' };
  const edit = parseEdit(raw);
  if (!edit) {
    console.warn(`Rectify: dropped a saved edit that could not be read (${key}):`, raw.slice(0, 2000));
    clearEdit(key, store);
    return { kind: 'unreadable' };
  }
  if (edit.code === original && !hasParams(edit.params)) return { kind: 'original' };
  return edit.original === fingerprint(original) ? { kind: 'edited', edit } : { kind: 'stale', edit };
}

/** A stored edit, rebuilt field by field from its JSON text; undefined when anything is off. */
function parseEdit(raw: string): SavedEdit | undefined {
  if (raw.length > 2 * MAX_CODE_CHARS) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { code, original, savedAt, params } = data as Record<string, unknown>;
  if (typeof code !== 'string' || code.length > MAX_CODE_CHARS) return undefined;
  if (typeof original !== 'string' || !/^[0-9a-f]{8}$/.test(original)) return undefined;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return undefined;
  if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) return undefined;
  const values = readParamValues(params);
  // A value that is not a finite number under a valid name makes the whole entry suspect.
  if (params !== undefined && Object.keys(values).length !== Object.keys(params).length) return undefined;
  const edit: SavedEdit = { code, original, savedAt };
  if (hasParams(values)) edit.params = values;
  return edit;
}

function hasParams(params: Record<string, number> | undefined): params is Record<string, number> {
  return params !== undefined && Object.keys(params).length > 0;
}

/** Saves `code` (and parameter values) as the edit of `original`; the original with no values removes the edit. */
export function saveEdit(key: string, original: string, { code, params }: Pick<SavedEdit, 'code' | 'params'>, store = storage()): void {
  if (!store) return;
  try {
    if (code === original && !hasParams(params)) store.removeItem(key);
    else {
      const edit: SavedEdit = { code, original: fingerprint(original), savedAt: Date.now() };
      if (hasParams(params)) edit.params = params;
      store.setItem(key, JSON.stringify(edit));
    }
  } catch {
    // Storage full or blocked: the edit lives on in the editor for this visit.
  }
}

/** Forgets a block's edit. */
export function clearEdit(key: string, store = storage()): void {
  try {
    store?.removeItem(key);
  } catch {
    // Storage blocked: nothing was kept to forget.
  }
}
