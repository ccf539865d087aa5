// The one rule for parameter names and values (`param('lr', 0.1)`): the deck reads them from the
// code, storage and links, and the host, the shell and the runner pass them on; each of those
// accepts only what this file accepts.

/** A parameter name: 1–64 letters, digits, '_', '.' or '-'. */
export const PARAM_NAME = /^[\w.-]{1,64}$/;

/** Names that would reach an object's prototype machinery if used as keys: never accepted. */
const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Most parameter values one run receives. */
export const MAX_PARAMS = 32;

/** The values of `raw` that are finite numbers under valid names (at most MAX_PARAMS), as a fresh plain object. */
export function paramValues(raw: unknown): Record<string, number> {
  const values: Record<string, number> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return values;
  for (const name of Object.keys(raw).slice(0, MAX_PARAMS)) {
    const value = (raw as Record<string, unknown>)[name];
    if (PARAM_NAME.test(name) && !RESERVED_NAMES.has(name) && typeof value === 'number' && Number.isFinite(value)) values[name] = value;
  }
  return values;
}
