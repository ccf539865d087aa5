/**
 * The one way a live block tells the rest of the deck what happens to it: its features (saved
 * edits, the window mirror, parameter sliders…) and the speaker and reader tools subscribe here.
 */
import type { RunMessage } from '../sandbox/protocol';

/**
 * Where a run happens or an edit was made: in this window, or elsewhere (another window, another
 * device in the room) whose state this block only shows.
 */
export type RunOrigin = 'here' | 'elsewhere';

/** Every event of a block and what it carries. */
export interface BlockEventMap {
  /** The code or the parameter values changed: typed here (or set by a feature for this viewer), or shown from elsewhere. */
  edited: { code: string; params: Record<string, number>; origin: RunOrigin };
  /** The block's slide is within one step of view (or the deck is printed): time for its heavier parts. */
  near: Record<string, never>;
  /** The viewer pressed Reset: the slide's code is back. */
  reset: Record<string, never>;
  /** A run started. */
  'run-start': { origin: RunOrigin };
  /** One validated message of the run, including the last one (`done`, `error` or `killed`). */
  'run-message': { message: RunMessage; origin: RunOrigin };
}

export type BlockEventKind = keyof BlockEventMap;
type Listener<K extends BlockEventKind> = (event: BlockEventMap[K]) => void;

/** A small typed emitter; `on` returns what unsubscribes. A listener that throws does not stop the others. */
export function createBlockEvents() {
  const listeners = new Map<BlockEventKind, Set<Listener<never>>>();
  return {
    on<K extends BlockEventKind>(kind: K, listener: Listener<K>): () => void {
      const set = listeners.get(kind) ?? new Set();
      listeners.set(kind, set);
      set.add(listener as Listener<never>);
      return () => set.delete(listener as Listener<never>);
    },
    emit<K extends BlockEventKind>(kind: K, event: BlockEventMap[K]): void {
      for (const listener of [...(listeners.get(kind) ?? [])]) {
        try {
          (listener as Listener<K>)(event);
        } catch (error) {
          console.error(`Rectify: a live-block '${kind}' listener failed`, error);
        }
      }
    },
    clear: () => listeners.clear(),
  };
}
