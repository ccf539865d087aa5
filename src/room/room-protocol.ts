// The room's wire protocol: what the presenter's window, the relay (`npm run present`) and the
// followers' devices say to each other over one WebSocket each, as JSON text frames. Pure and
// Node-safe (no DOM): the relay, its tests and the browser client import this one file.
//
//   presenter ──drive──▶ relay ──the same message, rebuilt──▶ every other client
//   relay ──welcome, snapshot──▶ a client that joins;  relay ──audience──▶ presenters
//
// The presenter is a connection whose URL carries the token (`/room?presenter=<token>`, see
// `roomSocketUrl`); the relay compares it in constant time and says which role it gave in
// `welcome`. Everything received is untrusted: the relay parses what clients send, and clients
// parse what the relay sends, with `parseRoomMessage`. A `run-message` carries one sandbox
// RunMessage opaquely (a plain object with a string `kind`, size-capped): a follower must
// re-validate it with the sandbox's `validateRunMessage` before showing it, and never runs
// code it received unless its user presses Run.
import { paramValues } from '../sandbox/param-name';

/** Largest frame the relay accepts (its `ws` maxPayload) and the parser's default cap, in bytes. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
/** Largest `snapshot` frame a client accepts from the relay, in characters (every cap below, summed, with room to spare). */
export const MAX_SNAPSHOT_CHARS = 16 * 1024 * 1024;
/** Blocks a snapshot holds at most (far more than a deck has). */
export const MAX_BLOCKS = 64;
/** Characters of one block's code. */
export const MAX_CODE_CHARS = 100_000;
/** Messages kept of one block's last run (a `progress` or a `plot-update` replaces the one before it). */
export const MAX_RUN_MESSAGES = 600;
/** Characters (as JSON) kept of one block's last run. */
export const MAX_RUN_CHARS = 1_000_000;
/** Characters (as JSON) kept of all blocks' last runs together. */
export const MAX_SNAPSHOT_RUN_CHARS = 8_000_000;

/** A block id, the same in every language: slide file without its language folder, `#`, the block's index (`02-relu#1`). */
export const BLOCK_ID = /^[\w.-]{1,100}#\d{1,4}$/;
/** A slide id as share links use it (`#/relu-line`); empty for a slide without one (then h/v say where). */
export const SLIDE_ID = /^[\w.:-]{0,128}$/;
/** A sandbox message kind, not checked further here (the follower's validator does that). */
const RUN_KIND = /^[a-z-]{1,32}$/;
/** Largest slide index, fragment index and follower count the parser accepts. */
const MAX_INDEX = 100_000;

/** Where the presenter is: the slide's stable id (empty if it has none) and reveal's indices (fragment -1: none shown). */
export interface SlidePosition {
  id: string;
  h: number;
  v: number;
  fragment: number;
}

/** A block's last run on the presenter's machine, as far as the caps keep it. */
export interface RunSnapshot {
  /** Its messages in order (a `progress` or `plot-update` replaces the previous one of its kind and figure). */
  messages: OpaqueRunMessage[];
  /** Characters of `messages` as JSON (recomputed by the parser, never trusted). */
  chars: number;
  /** Whether messages were left out because the run broke a cap. */
  truncated: boolean;
}

/** What the presenter did to one block; fields absent until it did. */
export interface BlockSnapshot {
  code?: string;
  params?: Record<string, number>;
  run?: RunSnapshot;
}

/** The room's whole state: all a late joiner needs to be in sync. */
export interface RoomSnapshot {
  /** The presenter's slide, null before the first `slide`. */
  slide: SlidePosition | null;
  /** By block id. */
  blocks: Record<string, BlockSnapshot>;
}

/** Messages only a presenter may send; the relay fans each out to every other client. */
export const DRIVE_KINDS = ['slide', 'edited', 'run-start', 'run-message', 'state'] as const;
/** Messages only the relay sends. */
export const RELAY_KINDS = ['welcome', 'snapshot', 'audience'] as const;
/** Every message kind on the wire. */
export const ROOM_KINDS = [...DRIVE_KINDS, ...RELAY_KINDS] as const;
/** What a connection is: the token holder drives, everyone else follows. */
export const ROLES = ['presenter', 'follower'] as const;

export type DriveKind = (typeof DRIVE_KINDS)[number];
export type RelayKind = (typeof RELAY_KINDS)[number];
export type RoomKind = (typeof ROOM_KINDS)[number];
export type Role = (typeof ROLES)[number];

/** One sandbox RunMessage as it crosses the room: opaque here, re-validated by the follower. */
export type OpaqueRunMessage = { kind: string } & Record<string, unknown>;

/** Presenter → relay → everyone else. */
export type DriveMessage =
  /** The presenter's slide. */
  | ({ kind: 'slide' } & SlidePosition)
  /** The code and parameter values of block `block` as the presenter typed them. */
  | { kind: 'edited'; block: string; code: string; params: Record<string, number> }
  /** A run of block `block` started on the presenter's machine (its previous output is cleared). */
  | { kind: 'run-start'; block: string }
  /** One message of that run, in order. */
  | { kind: 'run-message'; block: string; message: OpaqueRunMessage }
  /** The presenter's whole state, replacing the relay's snapshot (sent after every (re)connect; see `stateMessages`). */
  | { kind: 'state'; snapshot: RoomSnapshot };

/** Relay → client. */
export type RelayMessage =
  /** First message on every connection: the role the relay gave it (a wrong token makes a follower). */
  | { kind: 'welcome'; role: Role }
  /** The latest state: on join, and whenever a presenter replaced it with `state`. */
  | { kind: 'snapshot'; snapshot: RoomSnapshot }
  /** To presenters: how many followers are connected. */
  | { kind: 'audience'; followers: number };

/** Any message on the wire. */
export type RoomMessage = DriveMessage | RelayMessage;

/** Why a frame was refused. */
export const INVALID_REASONS = ['too-large', 'not-json', 'unknown-kind', 'malformed'] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

/** A refused frame: the reason, and a short English detail for the relay's log. */
export interface RoomError {
  kind: 'invalid';
  reason: InvalidReason;
  detail: string;
}

/** Whether a message is one only a presenter may send. */
export function isDriveMessage(message: RoomMessage): message is DriveMessage {
  return (DRIVE_KINDS as readonly string[]).includes(message.kind);
}

class Malformed extends Error {}

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const fail = (detail: string): never => {
  throw new Malformed(detail);
};

function str(value: unknown, field: string, max: number, pattern?: RegExp): string {
  if (typeof value !== 'string' || value.length > max || (pattern && !pattern.test(value))) fail(`bad ${field}`);
  return value as string;
}

function int(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_INDEX) fail(`bad ${field}`);
  return value as number;
}

/** Parameter values: every name and value must pass the sandbox's one parameter rule (none dropped silently). */
function params(value: unknown): Record<string, number> {
  const rebuilt = paramValues(value);
  if (!isObject(value) || Object.keys(value).length !== Object.keys(rebuilt).length) fail('bad params');
  return rebuilt;
}

function slide(fields: Fields): SlidePosition {
  return {
    id: str(fields.id, 'slide id', 128, SLIDE_ID),
    h: int(fields.h, 'h', 0),
    v: int(fields.v, 'v', 0),
    fragment: int(fields.fragment, 'fragment', -1),
  };
}

/** One run message, kept opaque: a plain object with a known-looking kind (JSON-parsed, so no functions or cycles). */
export function opaqueRunMessage(value: unknown): OpaqueRunMessage {
  if (!isObject(value) || typeof value.kind !== 'string' || !RUN_KIND.test(value.kind)) fail('bad run message');
  return value as OpaqueRunMessage;
}

/** Characters a run message takes as JSON: what the snapshot's caps count. */
export function runMessageChars(message: OpaqueRunMessage): number {
  return JSON.stringify(message).length;
}

function run(value: unknown): RunSnapshot {
  if (!isObject(value) || !Array.isArray(value.messages) || typeof value.truncated !== 'boolean') return fail('bad run');
  if (value.messages.length > MAX_RUN_MESSAGES) fail('too many run messages');
  const messages = value.messages.map(opaqueRunMessage);
  const chars = messages.reduce((sum, m) => sum + runMessageChars(m), 0);
  if (chars > MAX_RUN_CHARS) fail('run too large');
  return { messages, chars, truncated: value.truncated };
}

/** Checks and rebuilds a snapshot (from a presenter's `state` or the relay's `snapshot`). */
export function parseSnapshot(value: unknown): RoomSnapshot {
  if (!isObject(value) || !isObject(value.blocks)) return fail('bad snapshot');
  const ids = Object.keys(value.blocks);
  if (ids.length > MAX_BLOCKS) fail('too many blocks');
  const blocks: RoomSnapshot['blocks'] = {};
  let runChars = 0;
  for (const id of ids) {
    const block = value.blocks[id];
    if (!BLOCK_ID.test(id) || !isObject(block)) fail('bad block');
    const b = block as Fields;
    blocks[id] = {
      ...(b.code !== undefined && { code: str(b.code, 'code', MAX_CODE_CHARS) }),
      ...(b.params !== undefined && { params: params(b.params) }),
      ...(b.run !== undefined && { run: run(b.run) }),
    };
    runChars += blocks[id].run?.chars ?? 0;
  }
  if (runChars > MAX_SNAPSHOT_RUN_CHARS) fail('runs too large');
  return { slide: value.slide === null ? null : isObject(value.slide) ? slide(value.slide) : fail('bad slide'), blocks };
}

function rebuild(fields: Fields): RoomMessage {
  const block = () => str(fields.block, 'block', 110, BLOCK_ID);
  switch (fields.kind as RoomKind) {
    case 'slide':
      return { kind: 'slide', ...slide(fields) };
    case 'edited':
      return { kind: 'edited', block: block(), code: str(fields.code, 'code', MAX_CODE_CHARS), params: params(fields.params) };
    case 'run-start':
      return { kind: 'run-start', block: block() };
    case 'run-message':
      return { kind: 'run-message', block: block(), message: opaqueRunMessage(fields.message) };
    case 'state':
      return { kind: 'state', snapshot: parseSnapshot(fields.snapshot) };
    case 'welcome':
      if (!(ROLES as readonly unknown[]).includes(fields.role)) fail('bad role');
      return { kind: 'welcome', role: fields.role as Role };
    case 'snapshot':
      return { kind: 'snapshot', snapshot: parseSnapshot(fields.snapshot) };
    case 'audience':
      return { kind: 'audience', followers: int(fields.followers, 'followers', 0) };
  }
}

/**
 * Parses one text frame into a message rebuilt from its known fields only, or says why it was
 * refused. `maxChars` caps the frame (the relay's default; a client reading the relay's
 * snapshots passes MAX_SNAPSHOT_CHARS). Never throws.
 */
export function parseRoomMessage(raw: string, maxChars: number = MAX_MESSAGE_BYTES): RoomMessage | RoomError {
  if (typeof raw !== 'string') return { kind: 'invalid', reason: 'malformed', detail: 'not a text frame' };
  if (raw.length > maxChars) return { kind: 'invalid', reason: 'too-large', detail: `${raw.length} characters` };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { kind: 'invalid', reason: 'not-json', detail: 'not JSON' };
  }
  if (!isObject(data) || typeof data.kind !== 'string') return { kind: 'invalid', reason: 'malformed', detail: 'no kind' };
  if (!(ROOM_KINDS as readonly string[]).includes(data.kind)) {
    return { kind: 'invalid', reason: 'unknown-kind', detail: `kind ${JSON.stringify(data.kind.slice(0, 32))}` };
  }
  try {
    return rebuild(data);
  } catch (error) {
    if (error instanceof Malformed) return { kind: 'invalid', reason: 'malformed', detail: `${data.kind}: ${error.message}` };
    return { kind: 'invalid', reason: 'malformed', detail: `${data.kind}: unreadable` };
  }
}
