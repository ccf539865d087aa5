// The relay with real `ws` clients on 127.0.0.1: who may drive, what gets a socket dropped, and
// that everyone else carries on. Each "did not arrive" is checked after a later message that did
// (the positive control), never after a sleep.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connectRoom } from '../../../src/room/room-client';
import type { RoomMessage, RoomSnapshot } from '../../../src/room/room-protocol';
import { closeAllClients, connect, startRelay, TOKEN, type TestRelay } from './room-sockets';

const relays: TestRelay[] = [];
async function relay(...args: Parameters<typeof startRelay>) {
  const started = await startRelay(...args);
  relays.push(started);
  return started;
}
afterEach(async () => {
  closeAllClients();
  await Promise.all(relays.splice(0).map((r) => r.close()));
});

const slide = (id: string, h = 1) => ({ kind: 'slide', id, h, v: 0, fragment: -1 });

describe('the relay', () => {
  it('makes the token holder the presenter, anyone else a follower, and relays the presenter to the others only', async () => {
    const room = await relay();
    const presenter = await connect(room, { token: TOKEN });
    const follower = await connect(room);
    const wrong = await connect(room, { token: 'not-the-token' });
    expect(await presenter.next('welcome')).toEqual({ kind: 'welcome', role: 'presenter' });
    expect(await follower.next('welcome')).toEqual({ kind: 'welcome', role: 'follower' });
    expect(await wrong.next('welcome')).toEqual({ kind: 'welcome', role: 'follower' });
    expect(room.relay.counters).toMatchObject({ joined: 3, presentersJoined: 1, wrongToken: 1 });

    presenter.send(slide('relu-line', 3));
    expect(await follower.next('slide')).toEqual(slide('relu-line', 3));
    expect(await wrong.next('slide')).toEqual(slide('relu-line', 3));
    // The presenter hears how many follow, not its own message back.
    expect(await presenter.next('audience')).toMatchObject({ kind: 'audience' });
    expect(presenter.received.some((m) => m.kind === 'slide')).toBe(false);
  });

  it('ignores and counts a follower’s drive messages (a wrong token too); the follower stays connected', async () => {
    const room = await relay();
    const presenter = await connect(room, { token: TOKEN });
    const forger = await connect(room, { token: 'guess' });
    const other = await connect(room);
    await other.next('snapshot');
    forger.send(slide('forged', 9));
    forger.send({ kind: 'edited', block: '02-relu#1', code: 'steal()', params: {} });
    presenter.send(slide('real', 2));
    // The presenter's later message arrives; the forged ones never did.
    expect(await other.next('slide')).toEqual(slide('real', 2));
    expect(other.received.filter((m) => m.kind === 'slide' || m.kind === 'edited')).toEqual([slide('real', 2)]);
    expect(room.relay.counters.followerDrive).toBe(2);
    expect(room.relay.snapshot()).toEqual({ slide: { id: 'real', h: 2, v: 0, fragment: -1 }, blocks: {} });
    expect(forger.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('disconnects a follower that sends malformed JSON; a presenter’s malformed frame is only dropped; others carry on', async () => {
    const room = await relay();
    const presenter = await connect(room, { token: TOKEN });
    const bad = await connect(room);
    const good = await connect(room);
    bad.send('{not json');
    expect(await bad.closed()).toBe(1008);
    presenter.send('{"kind":"slide","id":"x","h":1e999,"v":0,"fragment":0}'); // Infinity: refused
    presenter.send({ kind: 'edited', block: '../../etc#1', code: '', params: {} }); // bad block id: refused
    presenter.send(slide('after', 4));
    expect(await good.next('slide')).toEqual(slide('after', 4));
    expect(good.received.filter((m) => m.kind === 'slide' || m.kind === 'edited')).toHaveLength(1);
    expect(room.relay.counters.malformed).toBe(3);
    expect(presenter.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('closes a socket that sends more than 256 KB in one frame (code 1009); others carry on', async () => {
    const room = await relay();
    const presenter = await connect(room, { token: TOKEN });
    const big = await connect(room);
    const good = await connect(room);
    big.send({ kind: 'edited', block: 'a#1', code: 'x'.repeat(300 * 1024), params: {} });
    expect(await big.closed()).toBe(1009);
    presenter.send(slide('still-here'));
    expect(await good.next('slide')).toEqual(slide('still-here'));
    expect(room.relay.counters.tooLarge).toBe(1);
  });

  it('disconnects a flooding follower (over 100 at once), but lets a presenter stream a run’s burst of 500 messages', async () => {
    const room = await relay();
    const presenter = await connect(room, { token: TOKEN });
    const flooder = await connect(room);
    const good = await connect(room);
    for (let i = 0; i < 150; i++) flooder.send(slide('flood', i));
    expect(await flooder.closed()).toBe(1008);
    expect(room.relay.counters.flood).toBe(1);

    presenter.send({ kind: 'run-start', block: '02-relu#1' });
    for (let i = 0; i < 500; i++)
      presenter.send({ kind: 'run-message', block: '02-relu#1', message: { kind: 'log', level: 'log', parts: [`${i}`] } });
    presenter.send(slide('after-run'));
    await good.next('slide');
    expect(good.received.filter((m) => m.kind === 'run-message')).toHaveLength(500);
    expect(room.relay.counters.flood).toBe(1);
    expect(presenter.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('refuses a connection whose Origin is not the page’s host, or that has none, or comes through a foreign host name', async () => {
    const room = await relay();
    await expect(connect(room, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(connect(room, { origin: null })).rejects.toThrow('HTTP 403');
    await expect(connect(room, { origin: `http://127.0.0.1:${room.port + 1}` })).rejects.toThrow('HTTP 403');
    expect(room.relay.counters.refused).toBe(3);
    // Control: the page's own origin is let in.
    expect(await (await connect(room)).next('welcome')).toEqual({ kind: 'welcome', role: 'follower' });
  });

  it('sends a late joiner the snapshot of everything so far', async () => {
    const room = await relay();
    const presenter = await connect(room, { token: TOKEN });
    const early = await connect(room);
    presenter.send(slide('bouncer', 5));
    presenter.send({ kind: 'edited', block: '02-relu#1', code: 'relu(-1)', params: { lr: 0.1 } });
    presenter.send({ kind: 'run-start', block: '02-relu#1' });
    presenter.send({ kind: 'run-message', block: '02-relu#1', message: { kind: 'log', level: 'log', parts: ['0'] } });
    presenter.send({ kind: 'run-message', block: '02-relu#1', message: { kind: 'done', ms: 3 } });
    await early.next('run-message');
    await early.next('run-message');
    const late = await connect(room);
    expect(await late.next('welcome')).toEqual({ kind: 'welcome', role: 'follower' });
    const { snapshot } = (await late.next('snapshot')) as Extract<RoomMessage, { kind: 'snapshot' }>;
    expect(snapshot).toEqual({
      slide: { id: 'bouncer', h: 5, v: 0, fragment: -1 },
      blocks: {
        '02-relu#1': {
          code: 'relu(-1)',
          params: { lr: 0.1 },
          run: {
            messages: [
              { kind: 'log', level: 'log', parts: ['0'] },
              { kind: 'done', ms: 3 },
            ],
            chars: JSON.stringify({ kind: 'log', level: 'log', parts: ['0'] }).length + JSON.stringify({ kind: 'done', ms: 3 }).length,
            truncated: false,
          },
        },
      },
    });
  });

  it('drops a socket that stops answering pings, and keeps one that answers', async () => {
    const room = await relay({ heartbeatMs: 500 }); // long enough that a loaded machine still answers in time
    const alive = await connect(room);
    const deadSocket = new WebSocket(`ws://127.0.0.1:${room.port}/room`, { origin: room.origin, autoPong: false });
    const gone = new Promise<void>((done) => deadSocket.on('close', () => done()));
    await new Promise((done) => deadSocket.once('open', done));
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([gone, new Promise((_, fail) => (timer = setTimeout(() => fail(new Error('not dropped within 5 s')), 5000)))]);
    clearTimeout(timer);
    deadSocket.terminate();
    expect(room.relay.counters.dead).toBe(1);
    expect(alive.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('after a relay restart, clients reconnect and the presenter’s re-sent state reaches the followers', async () => {
    const first = await relay();
    const port = first.port;
    const page = `http://127.0.0.1:${port}/`;
    const create = (url: string) => new WebSocket(url, { origin: `http://127.0.0.1:${port}` });
    const backoff = { minMs: 20, maxMs: 200, factor: 2 };
    const followerGot: RoomMessage[] = [];
    let wake: () => void = () => {};
    const presenter = connectRoom({
      pageUrl: `${page}?presenter=${TOKEN}`,
      create,
      backoff,
      onMessage: () => wake(),
      onStatus: () => wake(),
    });
    const follower = connectRoom({
      pageUrl: page,
      create,
      backoff,
      onMessage: (m) => {
        followerGot.push(m);
        wake();
      },
      onStatus: () => wake(),
    });
    const until = (test: () => boolean, what: string, ms = 5000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
        const check = () => {
          if (!test()) return;
          clearTimeout(timer);
          resolve();
        };
        wake = check;
        check();
      });
    try {
      await until(() => follower.role() === 'follower' && presenter.role() === 'presenter', 'both joined');
      presenter.send({ kind: 'slide', id: 'relu-line', h: 2, v: 0, fragment: 1 });
      presenter.send({ kind: 'edited', block: '02-relu#1', code: 'typed', params: { a: 1 } });
      presenter.send({ kind: 'run-start', block: '02-relu#1' });
      presenter.send({ kind: 'run-message', block: '02-relu#1', message: { kind: 'done', ms: 1 } });
      const expected: RoomSnapshot = presenter.state();
      await until(() => JSON.stringify(follower.state()) === JSON.stringify(expected), 'follower in sync');

      await relays.splice(relays.indexOf(first), 1)[0].close();
      await until(() => follower.role() === undefined, 'follower saw the drop');
      followerGot.length = 0;
      await relay({}, port); // a fresh relay: empty snapshot, same port
      await until(() => followerGot.some((m) => m.kind === 'welcome'), 'follower reconnected');
      await until(() => JSON.stringify(follower.state()) === JSON.stringify(expected), 'follower resynced from the re-sent state');
      expect(relays[0].relay.snapshot()).toEqual(expected);
    } finally {
      presenter.close();
      follower.close();
    }
  });
});
