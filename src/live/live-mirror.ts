/**
 * Live state follows the presenter: edits, runs and outputs of live blocks are mirrored
 * between windows of the deck on the same machine (the speaker's window, the projector's
 * window, the speaker view's previews) over a BroadcastChannel. Only the window where the
 * Run happened runs the snippet; the others show its validated messages.
 */
import type { RunMessage } from '../sandbox/protocol';
import type { BlockEvents } from './live-block';

/** What crosses between windows, per block (named by its edit key: file and position). */
type MirrorMessage =
  | { kind: 'edited'; key: string; code: string; params: Record<string, number> }
  | { kind: 'run-start'; key: string }
  | { kind: 'run-message'; key: string; message: RunMessage };

/** What a window does with another window's news about one of its blocks. */
export interface MirrorTarget {
  showRemoteEdit(code: string, params: Record<string, number>): void;
  showRemoteMessage(message: RunMessage | { kind: 'start' }): void;
}

const CHANNEL = 'rectify-live-v1';

/** Opens the channel; `find(key)` gives the block a message is about (if this window has it). */
export function createLiveMirror(find: (key: string) => MirrorTarget | undefined) {
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel(CHANNEL) : undefined;
  channel?.addEventListener('message', (event: MessageEvent<MirrorMessage>) => {
    const data = event.data;
    if (!data || typeof data.key !== 'string') return;
    const target = find(data.key);
    if (!target) return;
    if (data.kind === 'edited' && typeof data.code === 'string') target.showRemoteEdit(data.code, data.params ?? {});
    else if (data.kind === 'run-start') target.showRemoteMessage({ kind: 'start' });
    else if (data.kind === 'run-message' && data.message) target.showRemoteMessage(data.message);
  });
  const post = (message: MirrorMessage) => channel?.postMessage(message);

  return {
    /** The events one block sends to the other windows. */
    eventsFor(key: string): BlockEvents {
      return {
        edited: (code, params) => post({ kind: 'edited', key, code, params }),
        runStarted: () => post({ kind: 'run-start', key }),
        runMessage: (message) => post({ kind: 'run-message', key, message }),
      };
    },
    close: () => channel?.close(),
  };
}
