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
 * Resolves once the browser has drawn its next frame (in a task after it): work that must not
 * delay what is on screen. A hidden page draws no frames, and has nothing on screen to delay:
 * there it resolves at once, or as soon as the page is hidden.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (document.hidden) return void setTimeout(resolve);
    const done = () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('visibilitychange', done);
      resolve();
    };
    const frame = requestAnimationFrame(() => setTimeout(done));
    document.addEventListener('visibilitychange', done);
  });
}
