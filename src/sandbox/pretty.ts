// Pretty-printing of console arguments inside the worker, in the spirit of Node's
// `util.inspect`, but short: numbers rounded to 6 significant digits, long collections
// truncated with "… N more", nesting cut at a fixed depth, cycles marked.

/** Options of `formatValue`. */
export interface FormatOptions {
  /** Nesting depth below which objects print as `[Object]` / `[Array(n)]`. */
  maxDepth: number;
  /** Items shown per array, typed array, Map, Set or object before "… N more". */
  maxItems: number;
  /** Significant digits of non-integer numbers. */
  digits: number;
  /** Characters shown of a string nested in a value. */
  maxStringChars: number;
}

/** Defaults used by the snippet console. */
export const FORMAT_DEFAULTS: FormatOptions = { maxDepth: 3, maxItems: 12, digits: 6, maxStringChars: 200 };

/** A number rounded to `digits` significant digits, shortest form (JS picks exponent form outside [1e-6, 1e21)). */
export function formatNumber(x: number, digits = FORMAT_DEFAULTS.digits): string {
  if (Object.is(x, -0)) return '-0';
  if (!Number.isFinite(x) || Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(digits)));
}

/** One console argument as text: strings as-is at top level, everything else inspected. */
export function formatArg(value: unknown, opts: FormatOptions = FORMAT_DEFAULTS): string {
  return typeof value === 'string' ? value : formatValue(value, opts);
}

/** Any value as readable text (strings quoted). Never throws, even on hostile getters. */
export function formatValue(value: unknown, opts: FormatOptions = FORMAT_DEFAULTS): string {
  try {
    return inspect(value, opts, 0, new Set());
  } catch (e) {
    return `[unprintable: ${e instanceof Error ? e.message : 'error'}]`;
  }
}

type TypedArray =
  Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array | Uint8ClampedArray;

function inspect(v: unknown, o: FormatOptions, depth: number, seen: Set<object>): string {
  switch (typeof v) {
    case 'number':
      return formatNumber(v, o.digits);
    case 'string':
      return quote(v.length > o.maxStringChars ? `${v.slice(0, o.maxStringChars)}… (${v.length - o.maxStringChars} more characters)` : v);
    case 'bigint':
      return `${v}n`;
    case 'boolean':
    case 'undefined':
      return String(v);
    case 'symbol':
      return v.toString();
    case 'function':
      return v.name ? `[Function ${v.name}]` : '[Function (anonymous)]';
  }
  if (v === null) return 'null';
  const obj = v as object;
  if (seen.has(obj)) return '[Circular]';
  if (obj instanceof Error) return obj.message ? `${obj.name}: ${obj.message}` : obj.name;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (obj instanceof RegExp) return String(obj);
  if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
    const t = obj as TypedArray;
    return `${t.constructor.name}(${t.length}) ${list(
      Array.from(t.subarray(0, o.maxItems), (x) => (typeof x === 'number' ? formatNumber(x, o.digits) : String(x))),
      t.length,
    )}`;
  }
  const nested = depth >= o.maxDepth;
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      if (nested) return `[Array(${obj.length})]`;
      const shown = obj.slice(0, o.maxItems).map((x) => inspect(x, o, depth + 1, seen));
      return list(shown, obj.length);
    }
    if (obj instanceof Map) {
      if (nested) return `[Map(${obj.size})]`;
      const shown: string[] = [];
      for (const [k, x] of obj) {
        if (shown.length >= o.maxItems) break;
        shown.push(`${inspect(k, o, depth + 1, seen)} => ${inspect(x, o, depth + 1, seen)}`);
      }
      return `Map(${obj.size}) ${braces(shown, obj.size)}`;
    }
    if (obj instanceof Set) {
      if (nested) return `[Set(${obj.size})]`;
      const shown: string[] = [];
      for (const x of obj) {
        if (shown.length >= o.maxItems) break;
        shown.push(inspect(x, o, depth + 1, seen));
      }
      return `Set(${obj.size}) ${braces(shown, obj.size)}`;
    }
    const proto = Object.getPrototypeOf(obj);
    const ctor = proto && proto !== Object.prototype ? (proto.constructor?.name as string | undefined) : undefined;
    const prefix = ctor && ctor !== 'Object' ? `${ctor} ` : '';
    if (nested) return `[${ctor || 'Object'}]`;
    const keys = Object.keys(obj);
    const shown = keys.slice(0, o.maxItems).map((k) => `${key(k)}: ${inspect((obj as Record<string, unknown>)[k], o, depth + 1, seen)}`);
    return prefix + braces(shown, keys.length);
  } finally {
    seen.delete(obj);
  }
}

function list(shown: string[], total: number): string {
  if (total > shown.length) shown = [...shown, `… ${total - shown.length} more`];
  return shown.length ? `[${shown.join(', ')}]` : '[]';
}

function braces(shown: string[], total: number): string {
  if (total > shown.length) shown = [...shown, `… ${total - shown.length} more`];
  return shown.length ? `{ ${shown.join(', ')} }` : '{}';
}

function key(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** Truncate a log message to `maxLogChars` characters and `maxLogLines` lines, saying how much was cut. */
export function capParts(parts: string[], limits: { maxLogChars: number; maxLogLines: number }): string[] {
  const out: string[] = [];
  let chars = 0;
  let lines = 0;
  for (let i = 0; i < parts.length; i++) {
    let p = parts[i];
    const room = limits.maxLogChars - chars;
    let cut = '';
    if (p.length > room) {
      cut = `… (${p.length - room} more characters${i + 1 < parts.length ? `, ${parts.length - i - 1} more values` : ''})`;
      p = p.slice(0, room);
    }
    let nl = -1;
    for (let k = 0; k < p.length; k++) {
      if (p.charCodeAt(k) !== 10) continue;
      if (++lines >= limits.maxLogLines) {
        nl = k;
        break;
      }
    }
    if (nl >= 0) {
      const rest = parts[i].slice(nl + 1).split('\n').length;
      cut = `\n… (${rest} more lines)`;
      p = p.slice(0, nl);
    }
    out.push(p + cut);
    chars += p.length;
    if (cut) break;
  }
  return out;
}
