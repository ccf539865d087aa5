// A per-connection rate limit: `rate` messages a second on average, `burst` at once.

/** A token bucket that refills continuously; `take()` says whether one more message is allowed now. */
export function createTokenBucket(rate: number, burst: number, now: () => number = Date.now) {
  let tokens = burst;
  let last = now();
  return {
    /** Spends one token if there is one (refilled for the time since the last call). */
    take(): boolean {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * rate);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

export type TokenBucket = ReturnType<typeof createTokenBucket>;
