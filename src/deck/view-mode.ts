/** Which kind of window the deck is in: the passive ones never start editors or runs. */

/** True in reveal's print view: reveal switches to it when the query has `print-pdf`, as tested here. */
export function isPrintView(search = window.location.search): boolean {
  return /print-pdf/i.test(search);
}

/**
 * True where the deck must stay passive: the print view (static code and last output) and
 * the speaker view's preview frames (`?receiver`), which must not start editors or runs.
 */
export function isPassiveView(search = window.location.search): boolean {
  return isPrintView(search) || /[?&]receiver\b/.test(search);
}
