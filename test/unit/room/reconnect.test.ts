// The reconnecting socket's logic with fake sockets and fake timers (no network, no real time).
import { describe, expect, it } from 'vitest';
import { backoffDelay, createReconnectingSocket, DEFAULT_BACKOFF, type SocketLike, type Timers } from '../../../src/room/reconnect';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  private listeners: Record<string, Array<(event: { data: unknown }) => void>> = {};
  addEventListener(type: string, listener: (event: { data: unknown }) => void) {
    (this.listeners[type] ??= []).push(listener);
  }
  emit(type: string, data?: unknown) {
    if (type === 'open') this.readyState = 1;
    if (type === 'close') this.readyState = 3;
    for (const l of this.listeners[type] ?? []) l({ data });
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.emit('close');
  }
}

function fakeTimers() {
  const pending = new Map<number, { ms: number; run: () => void }>();
  let next = 0;
  const timers: Timers = {
    setTimeout: (run, ms) => (pending.set(++next, { ms, run }), next),
    clearTimeout: (id) => pending.delete(id as number),
  };
  /** Runs the one pending timer and returns its delay. */
  const fire = () => {
    expect(pending.size).toBe(1);
    const [[id, { ms, run }]] = pending;
    pending.delete(id);
    run();
    return ms;
  };
  return { timers, pending, fire };
}

describe('backoffDelay', () => {
  it('doubles from 250 ms up to 4 s, with half of each delay random', () => {
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, DEFAULT_BACKOFF, () => 1))).toEqual([250, 500, 1000, 2000, 4000, 4000]);
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, DEFAULT_BACKOFF, () => 0))).toEqual([125, 250, 500, 1000, 2000, 2000]);
  });
});

describe('createReconnectingSocket', () => {
  it('reconnects after each drop with growing delays, starts over after a success, and stops on close()', () => {
    const sockets: FakeSocket[] = [];
    const { timers, pending, fire } = fakeTimers();
    const got: string[] = [];
    const downs: number[] = [];
    const socket = createReconnectingSocket({
      url: 'ws://127.0.0.1:1/room',
      create: () => (sockets.push(new FakeSocket()), sockets.at(-1)!),
      onMessage: (data) => got.push(data),
      onDown: (ms) => downs.push(ms),
      timers,
      random: () => 1,
    });
    expect(socket.send('early')).toBe(false);
    sockets[0].emit('open');
    sockets[0].emit('message', 'hello');
    expect(socket.send('x')).toBe(true);
    sockets[0].emit('error');
    sockets[0].emit('close'); // error then close: one retry, not two
    expect(fire()).toBe(250);
    sockets[1].emit('close');
    expect(fire()).toBe(500);
    sockets[2].emit('open');
    sockets[2].emit('close');
    expect(fire()).toBe(250); // a success resets the backoff
    expect(downs).toEqual([250, 500, 250]);
    expect(got).toEqual(['hello']);
    // A stale socket's late message is not delivered.
    sockets[0].emit('message', 'stale');
    expect(got).toEqual(['hello']);
    socket.close();
    expect(pending.size).toBe(0);
    expect(sockets).toHaveLength(4);
    sockets[3].emit('close');
    expect(pending.size).toBe(0);
  });

  it('reconnectNow() replaces a waiting retry with an immediate attempt', () => {
    const sockets: FakeSocket[] = [];
    const { timers, pending } = fakeTimers();
    const socket = createReconnectingSocket({
      url: 'ws://x/room',
      create: () => (sockets.push(new FakeSocket()), sockets.at(-1)!),
      onMessage: () => {},
      timers,
    });
    sockets[0].emit('close');
    expect(pending.size).toBe(1);
    socket.reconnectNow();
    expect(pending.size).toBe(0);
    expect(sockets).toHaveLength(2);
    socket.close();
  });
});
