// A WebSocket that comes back: after a drop (relay restarted, Wi-Fi lost) it reconnects with
// exponential backoff and jitter, so 200 phones do not hammer a restarting relay in step.
// Works with the browser's WebSocket and with `ws` in Node (both have addEventListener).

/** Backoff between reconnection attempts. */
export interface BackoffOptions {
  /** Delay before the first retry, in ms. */
  minMs: number;
  /** Longest delay, in ms. */
  maxMs: number;
  /** Growth per failed attempt. */
  factor: number;
}

/** 250 ms, 500 ms, 1 s, 2 s, then 4 s at most (each with jitter): a restarted relay is found within seconds. */
export const DEFAULT_BACKOFF: BackoffOptions = { minMs: 250, maxMs: 4000, factor: 2 };

/**
 * The delay before retry number `attempt` (0 = the first): the exponential delay capped at
 * `maxMs`, half of it fixed and half random ("equal jitter"), so it is never 0 and clients spread out.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const base = Math.min(options.maxMs, options.minMs * options.factor ** Math.max(0, attempt));
  return base / 2 + random() * (base / 2);
}

/** The part of a WebSocket this uses (the browser's and `ws`'s both fit). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Timer functions, replaceable in tests. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What a reconnecting socket needs. */
export interface ReconnectingSocketOptions {
  /** The socket's URL. */
  url: string;
  /** Opens a socket (browser: `(url) => new WebSocket(url)`). */
  create: (url: string) => SocketLike;
  /** Each text frame received. */
  onMessage: (data: string) => void;
  /** The socket opened (after a drop too). */
  onOpen?: () => void;
  /** The socket dropped; the next attempt is in `retryMs`. */
  onDown?: (retryMs: number) => void;
  /** @defaultValue DEFAULT_BACKOFF */
  backoff?: BackoffOptions;
  /** @defaultValue Math.random */
  random?: () => number;
  /** @defaultValue the global setTimeout/clearTimeout */
  timers?: Timers;
}

const OPEN = 1;

/** Opens `options.url` now and again after every drop, until `close()`. */
export function createReconnectingSocket(options: ReconnectingSocketOptions) {
  const timers: Timers = options.timers ?? {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  let socket: SocketLike | undefined;
  let attempt = 0;
  let retry: unknown;
  let closed = false;

  function open() {
    retry = undefined;
    if (closed) return;
    const current = options.create(options.url);
    socket = current;
    let down = false;
    const dropped = () => {
      // 'error' is followed by 'close' in browsers, but not always by both in every library: act once.
      if (down || current !== socket) return;
      down = true;
      socket = undefined;
      if (closed) return;
      const ms = backoffDelay(attempt++, options.backoff, options.random);
      retry = timers.setTimeout(open, ms);
      options.onDown?.(ms);
    };
    current.addEventListener('open', () => {
      if (current !== socket) return;
      attempt = 0;
      options.onOpen?.();
    });
    current.addEventListener('message', (event) => {
      if (current === socket && typeof event.data === 'string') options.onMessage(event.data);
    });
    current.addEventListener('close', dropped);
    current.addEventListener('error', dropped);
  }

  open();

  return {
    /** Sends a text frame if the socket is open; says whether it did. */
    send(data: string): boolean {
      if (socket?.readyState !== OPEN) return false;
      socket.send(data);
      return true;
    },
    /** Whether the socket is open now. */
    isOpen: () => socket?.readyState === OPEN,
    /** Drops the current socket (if any) and connects again at once: for the page's `online` event. */
    reconnectNow() {
      if (closed) return;
      if (retry !== undefined) timers.clearTimeout(retry);
      const old = socket;
      socket = undefined;
      attempt = 0;
      old?.close(1000, 'reconnecting');
      open();
    },
    /** Closes the socket and stops reconnecting. */
    close() {
      closed = true;
      if (retry !== undefined) timers.clearTimeout(retry);
      retry = undefined;
      socket?.close(1000, 'closed');
      socket = undefined;
    },
  };
}

/** A socket that reconnects. */
export type ReconnectingSocket = ReturnType<typeof createReconnectingSocket>;
