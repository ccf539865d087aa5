// paramValues(): the one cleaner of parameter values crossing into the sandbox (host, shell, runner).
import { describe, expect, it } from 'vitest';
import { MAX_PARAMS, PARAM_NAME, paramValues } from '../../../src/sandbox/param-name';

describe('paramValues', () => {
  it('keeps finite numbers under plain names', () => {
    expect(paramValues({ lr: 0.1, 'layer.1-size': 4, show_f: 0 })).toEqual({ lr: 0.1, 'layer.1-size': 4, show_f: 0 });
  });

  it('drops non-numbers, non-finite numbers and names outside the rule', () => {
    expect(paramValues({ a: '1', b: NaN, c: Infinity, 'd e': 1, '': 1, ['x'.repeat(65)]: 1, ok: 2 })).toEqual({ ok: 2 });
  });

  it('takes at most MAX_PARAMS values, and nothing from a non-object', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_PARAMS + 5 }, (_, i) => [`p${i}`, i]));
    expect(Object.keys(paramValues(many))).toHaveLength(MAX_PARAMS);
    expect(paramValues(null)).toEqual({});
    expect(paramValues(7)).toEqual({});
  });

  it('names: 1–64 letters, digits, _ . -', () => {
    expect(['a', 'x'.repeat(64), 'a.b-c_d'].every((name) => PARAM_NAME.test(name))).toBe(true);
    expect(['', 'x'.repeat(65), 'a b', 'a/b', 'π'].some((name) => PARAM_NAME.test(name))).toBe(false);
  });
});
