// When each snapshot of a tape was taken, in the unit it was recorded in: read by the deck's
// time machine (its slider's words) and by its charts (their x axis), so both say the same.
import type { TapeData, TapeView } from './tape-spec';

/** The views a tape gets when its snippet names none (showTape's `views`). */
export const DEFAULT_TAPE_VIEWS: readonly TapeView[] = ['network', 'loss'];

/** A tape's time axis: epochs when it was recorded every k epochs, else optimiser steps (record's `everySteps`). */
export function timeAxis(tape: TapeData): { unit: 'epoch' | 'step'; values: number[] } {
  const epochs = Array.from(tape.epoch);
  // Step snapshots are taken before the epoch counter moves, so only an even epoch spacing means an epoch tape.
  const gap = epochs[1] - epochs[0];
  const byEpoch = tape.count > 1 && gap > 0 && epochs.every((e, i) => i === 0 || e - epochs[i - 1] === gap);
  return byEpoch ? { unit: 'epoch', values: epochs } : { unit: 'step', values: Array.from(tape.step) };
}

/** The views of a block's tapes in the order they are asked for: each view once, where it is first named. */
export function viewOrder(tapes: readonly { views: readonly TapeView[] }[]): TapeView[] {
  const order: TapeView[] = [];
  for (const shown of tapes) for (const view of shown.views) if (!order.includes(view)) order.push(view);
  return order;
}

/** The figures the time machine shows for these tapes, by key: one 'loss' for all, else `view:tapeId` per tape asking for it. */
export function figureKeys(tapes: readonly { id: string; views: readonly TapeView[] }[]): string[] {
  return viewOrder(tapes).flatMap((view) =>
    view === 'loss' ? ['loss'] : tapes.filter((s) => s.views.includes(view)).map((s) => `${view}:${s.id}`),
  );
}
