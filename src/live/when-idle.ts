/**
 * Runs `task` when the browser is idle, after the page has drawn what its caller set up (or
 * after `timeoutMs` at the latest, as in a background tab, which draws no frames).
 *
 * Idle work waits for two frames first: at start the browser found idle time between the
 * deck's set-up and the frame that shows it ready, and unpacking and compiling a lazy part
 * there (the one-file build does both on this thread) put that frame off by about 0.1 s.
 */
export function whenIdle(task: () => void, timeoutMs = 2000): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    clearTimeout(latest);
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => task(), { timeout: timeoutMs });
    else setTimeout(task, 200);
  };
  const latest = setTimeout(start, timeoutMs);
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(start)));
}

/**
 * Resolves once the browser has drawn its next frame (a task after it), or after `timeoutMs`
 * where no frame comes (a background tab): work that must not delay what is on screen.
 */
export function afterNextFrame(timeoutMs = 500): Promise<void> {
  return new Promise((resolve) => {
    const latest = setTimeout(resolve, timeoutMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(latest);
        resolve();
      }),
    );
  });
}
