// Real `ws` clients against a real relay, on loopback only; every wait is bounded in time.
import { createServer, type Server } from 'node:http';
import { WebSocket } from 'ws';
import { attachRelay, type Relay, type RelayOptions } from '../../../src/room/relay';
import { parseRoomMessage, MAX_SNAPSHOT_CHARS, type RoomMessage } from '../../../src/room/room-protocol';

/** A relay on an HTTP server bound to 127.0.0.1 on a free port. */
export interface TestRelay {
  relay: Relay;
  server: Server;
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  close(): Promise<void>;
}

export const TOKEN = 'test-token-0123456789';

/** Starts a relay on 127.0.0.1 (port 0 = any free port, or the given one for a restart). */
export async function startRelay(options: Partial<RelayOptions> = {}, port = 0): Promise<TestRelay> {
  const server = createServer((_, response) => response.writeHead(404).end());
  const relay = attachRelay({ server, token: TOKEN, ...options });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const actual = (server.address() as { port: number }).port;
  return {
    relay,
    server,
    port: actual,
    origin: `http://127.0.0.1:${actual}`,
    async close() {
      await relay.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** A test client: the socket, every valid message it received, and bounded waits. */
export interface TestClient {
  socket: WebSocket;
  received: RoomMessage[];
  /** Resolves with the first message of `kind` after the last one returned (others are passed over), or rejects after `ms`. */
  next(kind: RoomMessage['kind'], ms?: number): Promise<RoomMessage>;
  /** Resolves with the close code, or rejects after `ms`. */
  closed(ms?: number): Promise<number>;
  send(message: unknown): void;
}

/** Every client opened by `connect`, so a test's `afterEach` can close them all. */
export const openClients = new Set<WebSocket>();

/** Opens a client to `relay` (as presenter with `token`), with the page's Origin unless told otherwise. */
export function connect(
  at: TestRelay,
  { token, origin = at.origin }: { token?: string; origin?: string | null } = {},
): Promise<TestClient> {
  const url = `ws://127.0.0.1:${at.port}/room${token === undefined ? '' : `?presenter=${encodeURIComponent(token)}`}`;
  const socket = new WebSocket(url, origin === null ? {} : { origin });
  openClients.add(socket);
  const received: RoomMessage[] = [];
  let read = 0;
  const waiters: Array<() => void> = [];
  socket.on('message', (data) => {
    const message = parseRoomMessage(data.toString(), MAX_SNAPSHOT_CHARS);
    if (message.kind !== 'invalid') received.push(message);
    waiters.splice(0).forEach((wake) => wake());
  });
  const closedAt = new Promise<number>((done) => socket.on('close', (code) => done(code)));
  const client: TestClient = {
    socket,
    received,
    next(kind, ms = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${kind} within ${ms} ms`)), ms);
        const look = () => {
          while (read < received.length) {
            const message = received[read++];
            if (message.kind === kind) {
              clearTimeout(timer);
              return resolve(message);
            }
          }
          waiters.push(look);
        };
        look();
      });
    },
    closed(ms = 5000) {
      return Promise.race([
        closedAt,
        new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`not closed within ${ms} ms`)), ms).unref()),
      ]);
    },
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('error', reject);
    socket.once('unexpected-response', (request, response) => {
      request.destroy();
      reject(new Error(`HTTP ${response.statusCode}`));
    });
  });
}

/** Closes every client still open. */
export function closeAllClients() {
  for (const socket of openClients) socket.terminate();
  openClients.clear();
}
