/**
 * A follower's check of the runs it is shown: every message from the room is validated with the
 * sandbox's own validator, with a fresh tally per run and the block's limits, exactly as the
 * host checks what its sandbox relays (the network is as untrusted as a snippet). A message that
 * fails is dropped and counted, never drawn; the run goes on with the next one.
 */
import type { RunMessage } from '../sandbox/protocol';
import { clampTimeout, hardLimitsFor } from '../sandbox/limits';
import { newTally, validateRunMessage, type RunTally } from '../sandbox/validate';

export function createRunCheck() {
  const tallies = new Map<string, RunTally>();
  let dropped = 0;
  return {
    /** A run of block `id` (time limit `timeoutMs`, as its slide says) starts: a fresh tally. */
    start(id: string, timeoutMs: number | undefined): void {
      tallies.set(id, newTally(hardLimitsFor(clampTimeout(timeoutMs))));
    },
    /** The rebuilt message, or undefined if it failed the checks (then counted). */
    check(id: string, raw: unknown, timeoutMs: number | undefined): RunMessage | undefined {
      // A message of a run whose start this device did not see (it joined mid-run): the run starts here.
      if (!tallies.has(id)) this.start(id, timeoutMs);
      try {
        return validateRunMessage(raw, tallies.get(id)!, 'shell');
      } catch (error) {
        dropped++;
        console.warn(`Rectify: dropped a run message from the room (${error instanceof Error ? error.message : 'unreadable'})`);
        return undefined;
      }
    },
    /** Messages dropped so far. */
    dropped: () => dropped,
  };
}
