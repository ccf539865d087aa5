/**
 * Live state follows the presenter: edits, runs and outputs of live blocks are mirrored
 * between windows of the deck on the same machine (the speaker's window, the projector's
 * window, the speaker view's previews) over a BroadcastChannel, as a block feature. Only the
 * window where the Run happened runs the snippet; the others show its messages. An edit shown
 * here because another window made it is not sent back (the mirror knows; the block does not).
 * Other features share small state of their own (the time machine's scrub position) through
 * `share`/`onShared`: a topic per feature, its state untrusted until the listener checks it,
 * so a later carrier (the room) can take the same messages.
 */
import type { RunMessage } from '../sandbox/protocol';
import type { BlockFeature } from './block-feature';
import { BLOCK_ID } from './block-id';
import type { LiveBlock } from './live-block';
import { readParamValues } from './snippet-params';

/** What crosses between windows, per block (named by its id, the same in both languages). */
type MirrorMessage =
  | { kind: 'edited'; id: string; code: string; params: Record<string, number> }
  | { kind: 'run-start'; id: string }
  | { kind: 'run-message'; id: string; message: RunMessage }
  | { kind: 'shared'; id: string; topic: string; state: unknown };

/** A feature's topic name: a few lower-case letters and dashes. */
const TOPIC = /^[a-z][a-z-]{0,31}$/;

/** What a feature's listener gets: the block (in this window) whose state another window shared, and that state, unchecked. */
export type SharedListener = (block: LiveBlock, state: unknown) => void;

/** The mirror's generic hook for features: send and receive small per-block state under a topic. */
export interface MirrorShare {
  /** Sends `state` (structured-cloneable, small) of `block` to the other windows under `topic`. */
  share(block: LiveBlock, topic: string, state: unknown): void;
  /** Calls `listener` when another window shares state under `topic`; returns what unsubscribes. */
  onShared(topic: string, listener: SharedListener): () => void;
}

const CHANNEL = 'rectify-live-v2';

/** Opens the channel; the feature connects each block to it. `close()` ends it. */
export function liveMirrorFeature(): BlockFeature & MirrorShare & { close(): void } {
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel(CHANNEL) : undefined;
  const blocks = new Map<string, LiveBlock>();
  // The block whose edit from another window is being shown: its `edited` event is that edit, not news.
  let applying: LiveBlock | undefined;
  const post = (message: MirrorMessage) => channel?.postMessage(message);
  const sharedListeners = new Map<string, Set<SharedListener>>();

  channel?.addEventListener('message', ({ data }: MessageEvent<MirrorMessage>) => {
    if (typeof data?.id !== 'string' || !BLOCK_ID.test(data.id)) return;
    const block = blocks.get(data.id);
    if (!block) return;
    if (data.kind === 'edited' && typeof data.code === 'string') {
      applying = block;
      try {
        block.setCode(data.code, readParamValues(data.params));
      } finally {
        applying = undefined;
      }
    } else if (data.kind === 'run-start') block.showRun({ kind: 'start' });
    else if (data.kind === 'run-message' && typeof data.message?.kind === 'string') block.showRun(data.message);
    else if (data.kind === 'shared' && typeof data.topic === 'string') {
      for (const listener of [...(sharedListeners.get(data.topic) ?? [])]) listener(block, data.state);
    }
  });

  return {
    attach(block) {
      blocks.set(block.id, block);
      const offs = [
        block.on('edited', ({ code, params }) => {
          if (applying !== block) post({ kind: 'edited', id: block.id, code, params });
        }),
        block.on('run-start', ({ origin }) => origin === 'here' && post({ kind: 'run-start', id: block.id })),
        block.on('run-message', ({ message, origin }) => origin === 'here' && post({ kind: 'run-message', id: block.id, message })),
      ];
      return () => {
        for (const off of offs) off();
        if (blocks.get(block.id) === block) blocks.delete(block.id);
      };
    },
    share(block, topic, state) {
      if (TOPIC.test(topic) && blocks.get(block.id) === block) post({ kind: 'shared', id: block.id, topic, state });
    },
    onShared(topic, listener) {
      const set = sharedListeners.get(topic) ?? new Set();
      sharedListeners.set(topic, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    close: () => channel?.close(),
  };
}
