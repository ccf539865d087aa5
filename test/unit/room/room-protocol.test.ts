import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, MAX_SNAPSHOT_CHARS, parseRoomMessage, type RoomSnapshot } from '../../../src/room/room-protocol';

const parse = (value: unknown) => parseRoomMessage(JSON.stringify(value));

describe('parseRoomMessage', () => {
  it('rebuilds every kind from its known fields only', () => {
    expect(parse({ kind: 'slide', id: 'relu-line', h: 2, v: 0, fragment: -1, extra: '<script>' })).toEqual({
      kind: 'slide',
      id: 'relu-line',
      h: 2,
      v: 0,
      fragment: -1,
    });
    expect(parse({ kind: 'edited', block: '02-relu#1', code: 'relu(1)', params: { lr: 0.5 } })).toEqual({
      kind: 'edited',
      block: '02-relu#1',
      code: 'relu(1)',
      params: { lr: 0.5 },
    });
    expect(parse({ kind: 'run-start', block: 'a.b-c_d#12' })).toEqual({ kind: 'run-start', block: 'a.b-c_d#12' });
    expect(parse({ kind: 'run-message', block: 'x#0', message: { kind: 'log', level: 'log', parts: ['1'] } })).toEqual({
      kind: 'run-message',
      block: 'x#0',
      message: { kind: 'log', level: 'log', parts: ['1'] },
    });
    expect(parse({ kind: 'welcome', role: 'follower' })).toEqual({ kind: 'welcome', role: 'follower' });
    expect(parse({ kind: 'audience', followers: 12 })).toEqual({ kind: 'audience', followers: 12 });
    const snapshot: RoomSnapshot = {
      slide: null,
      blocks: { 'x#1': { code: 'c', params: {}, run: { messages: [{ kind: 'done', ms: 1 }], chars: 999, truncated: false } } },
    };
    // `chars` is recomputed, never trusted.
    expect(parse({ kind: 'snapshot', snapshot })).toEqual({
      kind: 'snapshot',
      snapshot: {
        ...snapshot,
        blocks: {
          'x#1': {
            ...snapshot.blocks['x#1'],
            run: { messages: [{ kind: 'done', ms: 1 }], chars: JSON.stringify({ kind: 'done', ms: 1 }).length, truncated: false },
          },
        },
      },
    });
    expect(parse({ kind: 'state', snapshot: { slide: { id: '', h: 0, v: 0, fragment: 0 }, blocks: {} } })).toMatchObject({ kind: 'state' });
  });

  it('refuses frames that are too large, not JSON, of no known kind, or malformed, saying which', () => {
    expect(parseRoomMessage('x'.repeat(MAX_MESSAGE_BYTES + 1))).toMatchObject({ kind: 'invalid', reason: 'too-large' });
    expect(parseRoomMessage('{"kind":')).toMatchObject({ kind: 'invalid', reason: 'not-json' });
    expect(parse({ kind: 'eval', code: '1' })).toMatchObject({ kind: 'invalid', reason: 'unknown-kind' });
    expect(parse({ kind: 'invalid', reason: 'x' })).toMatchObject({ kind: 'invalid', reason: 'unknown-kind' });
    for (const bad of [
      [1, 2],
      null,
      { kind: 1 },
      { kind: 'slide', id: 'a b', h: 0, v: 0, fragment: 0 },
      { kind: 'slide', id: 'a', h: 0.5, v: 0, fragment: 0 },
      { kind: 'slide', id: 'a', h: -1, v: 0, fragment: 0 },
      { kind: 'slide', id: 'a', h: 0, v: 0, fragment: '1' },
      { kind: 'edited', block: '02-relu', code: '', params: {} },
      { kind: 'edited', block: '../x#1', code: '', params: {} },
      { kind: 'edited', block: '__proto__', code: '', params: {} },
      { kind: 'edited', block: 'a#1', code: 5, params: {} },
      { kind: 'edited', block: 'a#1', code: '', params: { lr: '0.1' } },
      { kind: 'edited', block: 'a#1', code: '', params: { 'bad name': 1 } },
      { kind: 'edited', block: 'a#1', code: '', params: [1] },
      { kind: 'run-message', block: 'a#1', message: 'log' },
      { kind: 'run-message', block: 'a#1', message: { kind: 'LOG!' } },
      { kind: 'welcome', role: 'admin' },
      { kind: 'audience', followers: -1 },
      { kind: 'state', snapshot: { slide: null, blocks: { 'bad id': {} } } },
      { kind: 'state', snapshot: { slide: null, blocks: { 'a#1': { run: { messages: [], truncated: 'no' } } } } },
      { kind: 'state', snapshot: { blocks: {} } },
    ]) {
      expect(parse(bad), JSON.stringify(bad)).toMatchObject({ kind: 'invalid', reason: 'malformed' });
    }
    // Infinity and NaN cannot be written in JSON, but 1e999 parses to Infinity.
    expect(parseRoomMessage('{"kind":"edited","block":"a#1","code":"","params":{"lr":1e999}}')).toMatchObject({ reason: 'malformed' });
    expect(parseRoomMessage('{"kind":"edited","block":"a#1","code":"","params":{"__proto__":1}}')).toMatchObject({ reason: 'malformed' });
  });

  it('takes a larger cap for the relay’s snapshots when asked', () => {
    const code = 'x'.repeat(90_000);
    const blocks = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`a#${i}`, { code }]));
    const frame = JSON.stringify({ kind: 'snapshot', snapshot: { slide: null, blocks } });
    expect(parseRoomMessage(frame)).toMatchObject({ reason: 'too-large' });
    expect(parseRoomMessage(frame, MAX_SNAPSHOT_CHARS)).toMatchObject({ kind: 'snapshot' });
  });
});
