import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, MAX_RUN_MESSAGES, parseRoomMessage, type DriveMessage } from '../../../src/room/room-protocol';
import { applyToSnapshot, emptySnapshot, frameBytes, stateMessages } from '../../../src/room/room-snapshot';

const fold = (messages: DriveMessage[]) => messages.reduce(applyToSnapshot, emptySnapshot());
const log = (i: number) => ({ kind: 'log', level: 'log', parts: [`${i}`] });

describe('applyToSnapshot', () => {
  it('keeps the slide, each block’s code and params, and its last run; the input is not changed', () => {
    const before = emptySnapshot();
    const after = applyToSnapshot(before, { kind: 'slide', id: 's', h: 1, v: 2, fragment: 0 });
    expect(before).toEqual(emptySnapshot());
    const state = fold([
      { kind: 'slide', id: 's', h: 1, v: 2, fragment: 0 },
      { kind: 'edited', block: 'a#1', code: 'one', params: { k: 1 } },
      { kind: 'run-start', block: 'a#1' },
      { kind: 'run-message', block: 'a#1', message: log(1) },
      { kind: 'run-start', block: 'a#1' },
      { kind: 'run-message', block: 'a#1', message: log(2) },
    ]);
    expect(after.slide).toEqual({ id: 's', h: 1, v: 2, fragment: 0 });
    expect(state.blocks['a#1']).toEqual({
      code: 'one',
      params: { k: 1 },
      run: { messages: [log(2)], chars: JSON.stringify(log(2)).length, truncated: false },
    });
  });

  it('keeps only the latest progress and the latest redraw of each figure', () => {
    const state = fold([
      { kind: 'run-start', block: 'a#1' },
      { kind: 'run-message', block: 'a#1', message: { kind: 'plot', id: 'loss', traces: [] } },
      ...Array.from({ length: 50 }, (_, i): DriveMessage => ({
        kind: 'run-message',
        block: 'a#1',
        message: { kind: 'progress', epoch: i },
      })),
      ...Array.from({ length: 50 }, (_, i): DriveMessage => ({
        kind: 'run-message',
        block: 'a#1',
        message: { kind: 'plot-update', id: 'loss', traces: [{ y: [i] }] },
      })),
      { kind: 'run-message', block: 'a#1', message: { kind: 'plot-update', id: 'acc', traces: [] } },
    ]);
    expect(state.blocks['a#1'].run!.messages).toEqual([
      { kind: 'plot', id: 'loss', traces: [] },
      { kind: 'progress', epoch: 49 },
      { kind: 'plot-update', id: 'loss', traces: [{ y: [49] }] },
      { kind: 'plot-update', id: 'acc', traces: [] },
    ]);
    expect(state.blocks['a#1'].run!.chars).toBe(state.blocks['a#1'].run!.messages.reduce((n, m) => n + JSON.stringify(m).length, 0));
  });

  it('marks a run truncated past its cap but still keeps its ending', () => {
    const state = fold([
      { kind: 'run-start', block: 'a#1' },
      ...Array.from({ length: MAX_RUN_MESSAGES + 10 }, (_, i): DriveMessage => ({ kind: 'run-message', block: 'a#1', message: log(i) })),
      { kind: 'run-message', block: 'a#1', message: { kind: 'done', ms: 5 } },
    ]);
    const run = state.blocks['a#1'].run!;
    expect(run.truncated).toBe(true);
    expect(run.messages).toHaveLength(MAX_RUN_MESSAGES + 1);
    expect(run.messages.at(-1)).toEqual({ kind: 'done', ms: 5 });
  });

  it('ignores blocks beyond the cap', () => {
    const state = fold(Array.from({ length: 100 }, (_, i): DriveMessage => ({ kind: 'run-start', block: `b#${i}` })));
    expect(Object.keys(state.blocks)).toHaveLength(64);
  });
});

describe('stateMessages', () => {
  it('replays a whole state in frames under the cap, folding back to the same state', () => {
    const big = 'x'.repeat(90_000);
    const state = fold([
      { kind: 'slide', id: 's', h: 3, v: 0, fragment: 2 },
      ...[1, 2, 3, 4].map((i): DriveMessage => ({ kind: 'edited', block: `a#${i}`, code: big, params: { i } })),
      { kind: 'run-start', block: 'a#2' },
      {
        kind: 'run-message',
        block: 'a#2',
        message: { kind: 'plot', id: 'p', traces: [{ y: Array.from({ length: 1000 }, (_, i) => i / 7) }] },
      },
      { kind: 'run-message', block: 'a#2', message: { kind: 'done', ms: 9 } },
    ]);
    const messages = stateMessages(state);
    expect(messages[0].kind).toBe('state');
    expect(messages.map((m) => m.kind)).toContain('edited');
    for (const message of messages) {
      expect(frameBytes(message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
      // What the relay would parse is what was sent.
      expect(parseRoomMessage(JSON.stringify(message))).toEqual(message);
    }
    expect(messages.reduce(applyToSnapshot, emptySnapshot())).toEqual(state);
  });
});
