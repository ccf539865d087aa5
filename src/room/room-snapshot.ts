// The room's state as a pure fold over the presenter's messages: the relay keeps the latest
// snapshot this way (and sends it to whoever joins), and a client may keep one the same way.
import {
  MAX_BLOCKS,
  MAX_MESSAGE_BYTES,
  MAX_RUN_CHARS,
  MAX_RUN_MESSAGES,
  MAX_SNAPSHOT_RUN_CHARS,
  runMessageChars,
  type BlockSnapshot,
  type DriveMessage,
  type OpaqueRunMessage,
  type RoomSnapshot,
  type RunSnapshot,
} from './room-protocol';

/** Run messages that end a run: always kept (they are small), so a follower knows the run ended. */
const ENDINGS: ReadonlySet<string> = new Set(['done', 'error', 'killed']);
/** An ending larger than this is not one the sandbox sends: it counts against the caps like the rest. */
const MAX_ENDING_CHARS = 16_384;

/** The state before the presenter said anything. */
export function emptySnapshot(): RoomSnapshot {
  return { slide: null, blocks: {} };
}

function totalRunChars(snapshot: RoomSnapshot): number {
  let sum = 0;
  for (const block of Object.values(snapshot.blocks)) sum += block.run?.chars ?? 0;
  return sum;
}

/** Whether `next` replaces `earlier` in a kept run: the latest progress, the latest redraw of a figure. */
function supersedes(next: OpaqueRunMessage, earlier: OpaqueRunMessage): boolean {
  if (next.kind === 'progress') return earlier.kind === 'progress';
  return next.kind === 'plot-update' && earlier.kind === 'plot-update' && earlier.id === next.id;
}

function appendToRun(run: RunSnapshot, message: OpaqueRunMessage, othersChars: number): RunSnapshot {
  const size = runMessageChars(message);
  const at = message.kind === 'progress' || message.kind === 'plot-update' ? run.messages.findIndex((m) => supersedes(message, m)) : -1;
  const messages = at >= 0 ? run.messages.filter((_, i) => i !== at) : [...run.messages];
  const chars = run.chars - (at >= 0 ? runMessageChars(run.messages[at]) : 0) + size;
  const ending = ENDINGS.has(message.kind) && size <= MAX_ENDING_CHARS;
  const fits = messages.length < MAX_RUN_MESSAGES && chars <= MAX_RUN_CHARS && othersChars + chars <= MAX_SNAPSHOT_RUN_CHARS;
  if (!fits && !ending) return { ...run, truncated: true };
  messages.push(message);
  return { messages, chars, truncated: run.truncated };
}

function withBlock(snapshot: RoomSnapshot, id: string, change: (block: BlockSnapshot) => BlockSnapshot): RoomSnapshot {
  const known = Object.hasOwn(snapshot.blocks, id);
  // A presenter naming more blocks than any deck has is ignored beyond the cap (memory stays bounded).
  if (!known && Object.keys(snapshot.blocks).length >= MAX_BLOCKS) return snapshot;
  return { ...snapshot, blocks: { ...snapshot.blocks, [id]: change(known ? snapshot.blocks[id] : {}) } };
}

/**
 * The snapshot after one presenter message (the input is not changed; unchanged blocks are
 * shared). A run keeps at most MAX_RUN_MESSAGES messages and MAX_RUN_CHARS characters, and all
 * runs MAX_SNAPSHOT_RUN_CHARS: beyond that a run is marked `truncated`, though its ending is kept.
 */
export function applyToSnapshot(snapshot: RoomSnapshot, message: DriveMessage): RoomSnapshot {
  switch (message.kind) {
    case 'slide': {
      const { id, h, v, fragment } = message;
      return { ...snapshot, slide: { id, h, v, fragment } };
    }
    case 'edited':
      return withBlock(snapshot, message.block, (block) => ({ ...block, code: message.code, params: { ...message.params } }));
    case 'run-start':
      return withBlock(snapshot, message.block, (block) => ({ ...block, run: { messages: [], chars: 0, truncated: false } }));
    case 'run-message': {
      const others = totalRunChars(snapshot) - (snapshot.blocks[message.block]?.run?.chars ?? 0);
      return withBlock(snapshot, message.block, (block) => ({
        ...block,
        // A message without a run-start (joined mid-run after a relay restart) starts one.
        run: appendToRun(block.run ?? { messages: [], chars: 0, truncated: false }, message.message, others),
      }));
    }
    case 'state':
      return message.snapshot;
  }
}

const utf8 = new TextEncoder();
/** Bytes of a message as the frame that carries it. */
export function frameBytes(message: DriveMessage): number {
  return utf8.encode(JSON.stringify(message)).length;
}

/**
 * The messages a presenter sends to hand the relay its whole state, each within the relay's
 * frame cap: one `state` with the slide and the code and params of the blocks (no runs), an
 * `edited` for each block whose code did not fit in it, then each block's last run replayed as
 * `run-start` and its `run-message`s. A message too large for any frame is left out.
 */
export function stateMessages(snapshot: RoomSnapshot): DriveMessage[] {
  const state: RoomSnapshot = { slide: snapshot.slide, blocks: {} };
  const edits: DriveMessage[] = [];
  let bytes = frameBytes({ kind: 'state', snapshot: state });
  for (const [id, { code, params }] of Object.entries(snapshot.blocks)) {
    const entry: BlockSnapshot = { ...(code !== undefined && { code }), ...(params !== undefined && { params }) };
    const size = utf8.encode(JSON.stringify({ [id]: entry })).length;
    if (code !== undefined && bytes + size > MAX_MESSAGE_BYTES) {
      edits.push({ kind: 'edited', block: id, code, params: params ?? {} });
    } else {
      state.blocks[id] = entry;
      bytes += size;
    }
  }
  const out: DriveMessage[] = [{ kind: 'state', snapshot: state }, ...edits];
  for (const [block, { run }] of Object.entries(snapshot.blocks)) {
    if (!run) continue;
    out.push({ kind: 'run-start', block });
    for (const message of run.messages) out.push({ kind: 'run-message', block, message });
  }
  return out.filter((message) => message.kind === 'state' || frameBytes(message) <= MAX_MESSAGE_BYTES);
}
