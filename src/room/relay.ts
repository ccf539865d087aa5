// The room's relay: a `ws` WebSocket server on the HTTP server that serves the deck (same port,
// path /room). The connection whose URL carries the presenter token drives; every message it
// sends is parsed, folded into the one snapshot kept in memory, and fanned out to everyone else.
// Followers only listen: what they send is dropped (a drive message, counted) or gets them
// disconnected (malformed, oversized, flooding), and the others carry on. Node only.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, isDriveMessage, parseRoomMessage, type RelayMessage, type Role, type RoomSnapshot } from './room-protocol';
import { applyToSnapshot, emptySnapshot } from './room-snapshot';
import { createTokenBucket, type TokenBucket } from './token-bucket';

/** How the relay is set up; only `server` and `token` are required. */
export interface RelayOptions {
  /** The HTTP server the deck is served from: the relay takes its upgrade requests to `path`. */
  server: Server;
  /** The presenter token (`?presenter=<token>` on the socket's URL). */
  token: string;
  /** Path of the socket. @defaultValue '/room' */
  path?: string;
  /** Ping interval; a socket that did not answer the previous ping is dropped. @defaultValue 15000 */
  heartbeatMs?: number;
  /** A follower's rate limit (it should send nothing at all). @defaultValue { rate: 50, burst: 100 } */
  followerLimit?: { rate: number; burst: number };
  /** A presenter's rate limit (a run streams logs and plots in bursts). @defaultValue { rate: 500, burst: 2000 } */
  presenterLimit?: { rate: number; burst: number };
  /** Host names (besides IP literals and localhost) the page may be served under: against DNS rebinding. */
  allowedHosts?: string[];
  /** One line per notable event (joins, drops, disconnects). @defaultValue no logging */
  log?: (line: string) => void;
}

/** What the relay refused or dropped, and who is connected: for its log and the tests. */
export interface RelayCounters {
  /** Connections accepted so far. */
  joined: number;
  /** Of those, with the right token. */
  presentersJoined: number;
  /** Connections that asked for the presenter role with a wrong token (they follow). */
  wrongToken: number;
  /** Upgrades refused: Origin missing or not the page's host, Host not allowed, or another path. */
  refused: number;
  /** Drive messages from followers, ignored. */
  followerDrive: number;
  /** Frames that were not JSON, of no known kind, malformed, binary, or a relay's kind sent by a client. */
  malformed: number;
  /** Frames over the 256 KB cap (the socket is closed by `ws`). */
  tooLarge: number;
  /** Connections closed for sending too fast. */
  flood: number;
  /** Followers dropped because they could not keep up (too much unsent data). */
  slow: number;
  /** Connections dropped for not answering a ping. */
  dead: number;
  /** Presenter messages fanned out. */
  relayed: number;
}

/** Unsent data a follower may have queued before it is dropped as too slow. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** How long follower-count changes are gathered before presenters hear of them. */
const AUDIENCE_NOTICE_MS = 200;

interface Client {
  socket: WebSocket;
  role: Role;
  bucket: TokenBucket;
  alive: boolean;
  /** Being disconnected: frames already on their way are not read. */
  closing: boolean;
  address: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether `given` is the token, in time independent of where they differ (both hashed to equal length first). */
export function tokenMatches(given: string | null, token: string): boolean {
  return given !== null && timingSafeEqual(digest(given), digest(token));
}

/** Whether the upgrade comes from a page served by this server: Origin's host:port is the Host header, and that host is ours. */
function sameOrigin(request: IncomingMessage, allowedHosts: readonly string[]): boolean {
  const host = request.headers.host;
  const origin = request.headers.origin;
  if (!host || !origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.host !== host) return false;
  const name = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(name) !== 0 || name === 'localhost' || allowedHosts.includes(name);
}

/** Attaches the relay to `options.server`; `close()` disconnects everyone and detaches it. */
export function attachRelay(options: RelayOptions) {
  const path = options.path ?? '/room';
  const log = options.log ?? (() => {});
  const followerLimit = options.followerLimit ?? { rate: 50, burst: 100 };
  const presenterLimit = options.presenterLimit ?? { rate: 500, burst: 2000 };
  const allowedHosts = options.allowedHosts ?? [];
  const counters: RelayCounters = {
    joined: 0,
    presentersJoined: 0,
    wrongToken: 0,
    refused: 0,
    followerDrive: 0,
    malformed: 0,
    tooLarge: 0,
    flood: 0,
    slow: 0,
    dead: 0,
    relayed: 0,
  };
  const clients = new Set<Client>();
  let snapshot = emptySnapshot();
  let snapshotFrame: Buffer | undefined;
  let audienceTimer: ReturnType<typeof setTimeout> | undefined;

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });
  const frame = (message: RelayMessage | object) => Buffer.from(JSON.stringify(message));
  const followers = () => [...clients].filter((c) => c.role === 'follower').length;

  function send(client: Client, data: Buffer) {
    if (client.socket.readyState !== client.socket.OPEN) return;
    if (client.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      counters.slow++;
      log(`room: dropped a follower that could not keep up (${client.address})`);
      client.socket.terminate();
      return;
    }
    client.socket.send(data, { binary: false });
  }

  function noticeAudience() {
    audienceTimer ??= setTimeout(() => {
      audienceTimer = undefined;
      const data = frame({ kind: 'audience', followers: followers() });
      for (const c of clients) if (c.role === 'presenter') send(c, data);
    }, AUDIENCE_NOTICE_MS);
  }

  function drop(client: Client, counter: 'malformed' | 'flood', detail: string) {
    counters[counter]++;
    log(`room: ${client.role} ${client.address}: ${detail}`);
    // A presenter's bad frame is dropped (a bug must not cut the talk); a follower has no business sending any.
    if (counter === 'flood' || client.role === 'follower') {
      client.closing = true;
      client.socket.close(1008, counter);
    }
  }

  function receive(client: Client, data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) {
    if (client.closing) return;
    if (!client.bucket.take()) return drop(client, 'flood', 'sent too fast, disconnected');
    if (isBinary) return drop(client, 'malformed', 'a binary frame');
    const message = parseRoomMessage(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8'));
    if (message.kind === 'invalid') return drop(client, 'malformed', `${message.reason} (${message.detail})`);
    if (!isDriveMessage(message)) return drop(client, 'malformed', `a relay message (${message.kind})`);
    if (client.role !== 'presenter') {
      counters.followerDrive++;
      log(`room: ignored a ${message.kind} message from follower ${client.address}`);
      return;
    }
    snapshot = applyToSnapshot(snapshot, message);
    snapshotFrame = undefined;
    counters.relayed++;
    const out = frame(message.kind === 'state' ? { kind: 'snapshot', snapshot } : message);
    for (const other of clients) if (other !== client) send(other, out);
  }

  function connected(socket: WebSocket, request: IncomingMessage, asked: string | null) {
    const role: Role = tokenMatches(asked, options.token) ? 'presenter' : 'follower';
    if (asked !== null && role === 'follower') counters.wrongToken++;
    const limit = role === 'presenter' ? presenterLimit : followerLimit;
    const client: Client = {
      socket,
      role,
      bucket: createTokenBucket(limit.rate, limit.burst),
      alive: true,
      closing: false,
      address: request.socket.remoteAddress ?? '?',
    };
    clients.add(client);
    counters.joined++;
    if (role === 'presenter') counters.presentersJoined++;
    log(`room: ${role} joined from ${client.address} (${followers()} following)`);
    socket.on('message', (data, isBinary) => receive(client, data, isBinary));
    socket.on('pong', () => (client.alive = true));
    socket.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') counters.tooLarge++;
      log(`room: ${role} ${client.address}: ${error.message}`);
    });
    socket.on('close', () => {
      clients.delete(client);
      if (role === 'follower') noticeAudience();
    });
    send(client, frame({ kind: 'welcome', role }));
    send(client, (snapshotFrame ??= frame({ kind: 'snapshot', snapshot })));
    if (role === 'presenter') send(client, frame({ kind: 'audience', followers: followers() }));
    else noticeAudience();
  }

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname !== path) {
      // Another path: someone else's upgrade, or nobody's (then refused, not left hanging).
      if (options.server.listenerCount('upgrade') === 1) {
        counters.refused++;
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      }
      return;
    }
    if (!sameOrigin(request, allowedHosts)) {
      counters.refused++;
      log(`room: refused a connection from ${request.socket.remoteAddress} (Origin ${JSON.stringify(request.headers.origin ?? null)})`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => connected(ws, request, url.searchParams.get('presenter')));
  }

  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        counters.dead++;
        log(`room: ${client.role} ${client.address} stopped answering`);
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }, options.heartbeatMs ?? 15_000);

  options.server.on('upgrade', upgrade);

  return {
    /** What was refused or dropped so far, and joins (a live object). */
    counters,
    /** The latest snapshot. */
    snapshot: (): RoomSnapshot => snapshot,
    /** Connected followers and presenters. */
    count: () => ({ followers: followers(), presenters: clients.size - followers() }),
    /** Disconnects everyone (1001, going away), stops the heartbeat and detaches from the server. */
    close(): Promise<void> {
      clearInterval(heartbeat);
      clearTimeout(audienceTimer);
      options.server.off('upgrade', upgrade);
      for (const client of clients) client.socket.close(1001, 'relay closing');
      return new Promise((done) => {
        // Sockets that do not finish the closing handshake promptly are cut.
        const cut = setTimeout(() => clients.forEach((c) => c.socket.terminate()), 1000);
        wss.close(() => {
          clearTimeout(cut);
          done();
        });
      });
    },
  };
}

/** A running relay. */
export type Relay = ReturnType<typeof attachRelay>;
