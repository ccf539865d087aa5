// How many optimiser steps train() has taken on each network, over all its calls: a WeakMap, so
// the network stays plain data. Its own file because train.ts and the recorder both read it.
import type { Network } from './network';

const stepsTaken = new WeakMap<Network, number>();

/** Optimiser steps train() has taken on this network so far, over all calls (0 for a fresh or cloned network). */
export function stepsTrained(net: Network): number {
  return stepsTaken.get(net) ?? 0;
}

/** Records that `net` has now taken `steps` optimiser steps in total. */
export function setStepsTrained(net: Network, steps: number): void {
  stepsTaken.set(net, steps);
}
