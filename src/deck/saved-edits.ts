/**
 * Edits to live blocks, kept in localStorage as the author or reader types, so a reload
 * loses nothing. Keyed by slide file and block position; each edit remembers a
 * fingerprint of the original it was made from, so a changed original can be detected.
 */
import { fingerprint } from './live-options';

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

/** What to show for a block: the original, the reader's edit, or an edit of an original that has changed since. */
export type EditState = { kind: 'original' } | { kind: 'edited'; edit: SavedEdit } | { kind: 'stale'; edit: SavedEdit };

const PREFIX = 'rectify:edit:v1:';

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

/** The saved state of a block whose original is `original`. */
export function loadEdit(key: string, original: string, store = storage()): EditState {
  const raw = store?.getItem(key);
  if (!raw) return { kind: 'original' };
  try {
    const edit = JSON.parse(raw) as SavedEdit;
    if (typeof edit.code !== 'string' || typeof edit.original !== 'string') return { kind: 'original' };
    if (edit.code === original && !hasParams(edit.params)) return { kind: 'original' };
    return edit.original === fingerprint(original) ? { kind: 'edited', edit } : { kind: 'stale', edit };
  } catch {
    return { kind: 'original' };
  }
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
  store?.removeItem(key);
}
