// Issue 13's demos (the training time machine): each slide records its run on a tape and shows
// it with showTape; these check the figures the notes quote from the tapes themselves, in both
// languages' snippets where the wording differs, and that the tapes stay small enough to send.
import { describe, expect, it } from 'vitest';
import type { RunMessage, TapeData } from '../../../src/sandbox/protocol';
import { runSnippet, snippetOn } from '../slides/run-snippets';
import { logLine, numbersIn } from './demo-run';

type TapeMessage = Extract<RunMessage, { kind: 'tape' }>;
const tapesOf = (messages: RunMessage[]) => messages.filter((m): m is TapeMessage => m.kind === 'tape');
/** Bytes of a tape's arrays (what crosses from the sandbox to the deck). */
const bytesOf = (tape: TapeData) => Object.values(tape).reduce((sum: number, v) => sum + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);

describe('#xor-forming', () => {
  it('records 101 snapshots, one per step: MSE ≈ 0.58 at the start, below 0.01 by step 24, on the output, network and loss views', async () => {
    for (const dir of ['slides', 'slides/en']) {
      const run = await runSnippet(snippetOn('xor-forming', 0, dir));
      const [shown] = tapesOf(run.messages);
      expect(shown.views).toEqual(['output', 'network', 'loss']);
      expect(shown.tape.count).toBe(101);
      expect(shown.tape.loss[0]).toBeCloseTo(0.584, 3);
      const fit = shown.tape.loss.findIndex((v) => v < 0.01);
      expect(shown.tape.step[fit]).toBe(24);
      expect(shown.tape.loss[100]).toBeLessThan(0.01);
      expect(numbersIn(logLine(run, 'MSE'))).toContain(24);
      expect(bytesOf(shown.tape)).toBeLessThan(200_000);
    }
  });
});

describe('#vanishing-over-training', () => {
  it('sigmoid: layer 1 gets ~1e-5 of layer 8’s gradient at the start and the loss stays at ln 2; ReLU trains (papers.md 3d)', async () => {
    const run = await runSnippet(snippetOn('vanishing-over-training'));
    const [sigmoid, relu] = tapesOf(run.messages);
    expect([sigmoid.name, relu.name]).toEqual(['Sigmoid', 'ReLU']);
    const ratio = (tape: TapeData, i: number) => tape.gradNorms[(i * 9 + 0) * 2] / tape.gradNorms[(i * 9 + 7) * 2];
    expect(Math.log10(ratio(sigmoid.tape, 0))).toBeGreaterThan(-6);
    expect(Math.log10(ratio(sigmoid.tape, 0))).toBeLessThan(-4.5);
    expect(Math.log10(ratio(relu.tape, 0))).toBeGreaterThan(-1.5);
    expect(sigmoid.tape.loss[sigmoid.tape.count - 1]).toBeGreaterThan(0.68);
    expect(relu.tape.loss[relu.tape.count - 1]).toBeLessThan(0.01);
    // Statistics only: no weights, so the two tapes are small.
    expect(sigmoid.tape.hasWeights).toBe(false);
    expect(bytesOf(sigmoid.tape) + bytesOf(relu.tape)).toBeLessThan(170_000);
    expect(numbersIn(logLine(run, 'Sigmoid'))).toContain(7.1e-6);
  });
});

describe('#dead-relu-scrub', () => {
  it('from the same weights, a high learning rate kills almost half the hidden units within the first steps; ReLU’s dead units get exactly zero gradient, Leaky’s still get some and one comes back (papers.md 5c)', async () => {
    const run = await runSnippet(snippetOn('dead-relu-scrub'));
    const [relu, leaky] = tapesOf(run.messages).map((m) => m.tape);
    // Log-spaced: one snapshot per step at first, then further apart.
    expect(Array.from(relu.step)).toEqual([0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96]);
    const params = 481; // 1-20-20-1
    expect(Array.from(relu.params.subarray(0, params))).toEqual(Array.from(leaky.params.subarray(0, params)));
    const hidden = (tape: TapeData, i: number) => tape.dead.subarray(i * 41, i * 41 + 40).reduce((a, b) => a + b, 0);
    expect(hidden(relu, 0)).toBe(4);
    const counts = Array.from({ length: relu.count }, (_, i) => hidden(relu, i));
    const most = Math.max(...counts);
    expect([most, relu.step[counts.indexOf(most)]]).toEqual([19, 6]);
    expect(most / 40).toBeGreaterThan(0.25); // CS231n's "as much as 40 %" order of magnitude
    expect(hidden(relu, relu.count - 1)).toBe(16);
    expect(hidden(leaky, leaky.count - 1)).toBe(10);
    expect(numbersIn(logLine(run, 'Leaky'))).toEqual([4, 12, 12, 10, 40]);
    // The notes' unit: the second layer's 11th goes all-negative at step 1 on both sides; ReLU's stays dead, Leaky's is back at step 16.
    const unit11 = (tape: TapeData) => Array.from({ length: tape.count }, (_, i) => tape.dead[i * 41 + 20 + 10]).join('');
    expect(unit11(relu)).toBe('01111111111111');
    expect(unit11(leaky)).toBe('01111111000000');
    expect(relu.step[8]).toBe(16);
    // Incoming weight gradients of the second hidden layer's units that are dead at the end.
    const last = relu.count - 1;
    const w2 = 20 + 20; // W₁ (1×20) and b₁ come first
    const incoming = (tape: TapeData, j: number) =>
      Array.from({ length: 20 }, (_, i) => tape.grads[last * params + w2 + i * 20 + j]).reduce((s, g) => s + Math.abs(g), 0);
    const deadIn = (tape: TapeData) => Array.from({ length: 20 }, (_, j) => j).filter((j) => tape.dead[last * 41 + 20 + j] === 1);
    expect(deadIn(relu).length).toBeGreaterThan(0);
    for (const j of deadIn(relu)) expect(incoming(relu, j)).toBe(0);
    expect(deadIn(leaky).every((j) => incoming(leaky, j) > 0)).toBe(true);
    for (const tape of [relu, leaky]) expect(bytesOf(tape)).toBeLessThan(100_000);
  });
});
