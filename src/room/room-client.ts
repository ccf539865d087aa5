// One device's connection to the room: a reconnecting socket, every frame from the relay parsed
// (the network is untrusted), and the room's state folded locally from what was received and
// sent. A presenter re-sends its state when the relay has none (it restarted) or missed some of
// its messages (they were sent while the socket was down). No DOM: Node tests use it with `ws`.
import {
  MAX_MESSAGE_BYTES,
  MAX_SNAPSHOT_CHARS,
  isDriveMessage,
  parseRoomMessage,
  type DriveMessage,
  type Role,
  type RoomMessage,
  type RoomSnapshot,
} from './room-protocol';
import { createReconnectingSocket, type BackoffOptions, type SocketLike, type Timers } from './reconnect';
import { applyToSnapshot, emptySnapshot, frameBytes, stateMessages } from './room-snapshot';

/** What a room connection needs. */
export interface RoomClientOptions {
  /** The page's URL (`location.href`): gives the socket's host and, with `?presenter=`, the token. */
  pageUrl: string;
  /** Opens a socket (browser: `(url) => new WebSocket(url)`). */
  create: (url: string) => SocketLike;
  /** Each valid message from the relay, after it was folded into `state()`. */
  onMessage?: (message: RoomMessage) => void;
  /** Connection news: open, or down with the delay before the next attempt. */
  onStatus?: (status: { open: boolean; retryMs?: number }) => void;
  /** A frame from the relay was refused (a follower shows nothing of it). */
  onInvalid?: (detail: string) => void;
  backoff?: BackoffOptions;
  random?: () => number;
  timers?: Timers;
}

/** The socket URL for a page: same host, path /room, the page's presenter token if it has one. */
export function roomSocketUrl(pageUrl: string): string {
  const page = new URL(pageUrl);
  const url = new URL('/room', page);
  url.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = page.searchParams.get('presenter');
  if (token) url.searchParams.set('presenter', token);
  return url.toString();
}

const isEmpty = (snapshot: RoomSnapshot) => snapshot.slide === null && Object.keys(snapshot.blocks).length === 0;

/** Connects to the room of `options.pageUrl` and keeps connecting until `close()`. */
export function connectRoom(options: RoomClientOptions) {
  let role: Role | undefined;
  let state = emptySnapshot();
  /** A presenter's message did not reach the relay: its state must be re-sent. */
  let missed = false;
  /** Waiting for the snapshot that follows a presenter's welcome, to decide on re-sending. */
  let awaitingSnapshot = false;

  const socket = createReconnectingSocket({
    url: roomSocketUrl(options.pageUrl),
    create: options.create,
    backoff: options.backoff,
    random: options.random,
    timers: options.timers,
    onOpen: () => options.onStatus?.({ open: true }),
    onDown: (retryMs) => {
      role = undefined;
      options.onStatus?.({ open: false, retryMs });
    },
    onMessage: (data) => {
      const message = parseRoomMessage(data, MAX_SNAPSHOT_CHARS);
      if (message.kind === 'invalid') return options.onInvalid?.(`${message.reason}: ${message.detail}`);
      if (message.kind === 'welcome') {
        role = message.role;
        awaitingSnapshot = role === 'presenter';
      } else if (message.kind === 'snapshot') {
        if (awaitingSnapshot && (missed || (isEmpty(message.snapshot) && !isEmpty(state)))) resend();
        else state = message.snapshot;
        awaitingSnapshot = false;
      } else if (isDriveMessage(message)) {
        state = applyToSnapshot(state, message);
      }
      options.onMessage?.(message);
    },
  });

  function resend() {
    missed = false;
    for (const message of stateMessages(state)) if (!socket.send(JSON.stringify(message))) missed = true;
  }

  return {
    /** The role the relay gave this connection (undefined while not connected). */
    role: () => role,
    /** The room's state as this device knows it (the followed state, for "follow again"). */
    state: () => state,
    /**
     * Presenter: sends one drive message (and folds it into `state()`). False if it could not
     * go now (not connected, not the presenter, or larger than a frame): a presenter re-sends its
     * whole state when it is connected again.
     */
    send(message: DriveMessage): boolean {
      state = applyToSnapshot(state, message);
      const sent = role === 'presenter' && frameBytes(message) <= MAX_MESSAGE_BYTES && socket.send(JSON.stringify(message));
      if (!sent && role !== 'follower') missed = true;
      return sent;
    },
    /** Reconnects at once (call it on the page's `online` event). */
    reconnectNow: () => socket.reconnectNow(),
    /** Leaves the room. */
    close: () => socket.close(),
  };
}

/** A device's room connection. */
export type RoomClient = ReturnType<typeof connectRoom>;
