/** Counting the runs a window starts in its own sandbox (a mirrored run shows output without one). */
import type { Page } from 'playwright-core';

/**
 * Init script: counts the runs this window's sandbox host starts, i.e. the `run` requests it
 * posts to its sandbox shell (only a local run makes one; a mirrored run shows output without).
 */
export function countSandboxRuns(): void {
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (this: MessagePort, ...args: Parameters<MessagePort['postMessage']>) {
    const message = args[0] as { kind?: unknown; js?: unknown } | null;
    if (message?.kind === 'run' && typeof message.js === 'string') {
      const counted = window as unknown as { sandboxRuns?: number };
      counted.sandboxRuns = (counted.sandboxRuns ?? 0) + 1;
    }
    return post.apply(this, args);
  } as MessagePort['postMessage'];
}

/** How many runs the window (or frame) started in its own sandbox. */
export const sandboxRuns = (target: Pick<Page, 'evaluate'>) =>
  target.evaluate(() => (window as unknown as { sandboxRuns?: number }).sandboxRuns ?? 0);
