/**
 * Live state follows the presenter: edits, runs and outputs of live blocks are mirrored
 * between windows of the deck on the same machine (the speaker's window, the projector's
 * window, the speaker view's previews) over a BroadcastChannel, as a block feature. Only the
 * window where the Run happened runs the snippet; the others show its messages. An edit shown
 * here because another window made it is not sent back (the mirror knows; the block does not).
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
  | { kind: 'run-message'; id: string; message: RunMessage };

const CHANNEL = 'rectify-live-v2';

/** Opens the channel; the feature connects each block to it. `close()` ends it. */
export function liveMirrorFeature(): BlockFeature & { close(): void } {
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel(CHANNEL) : undefined;
  const blocks = new Map<string, LiveBlock>();
  // The block whose edit from another window is being shown: its `edited` event is that edit, not news.
  let applying: LiveBlock | undefined;
  const post = (message: MirrorMessage) => channel?.postMessage(message);

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
    close: () => channel?.close(),
  };
}
