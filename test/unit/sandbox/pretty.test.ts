// The snippet console's pretty-printer and log caps.
import { describe, expect, it } from 'vitest';
import { capParts, formatArg, formatNumber, formatValue } from '../../../src/sandbox/pretty';

describe('formatNumber', () => {
  it('rounds non-integers to 6 significant digits and keeps integers, -0, NaN and infinities', () => {
    expect(formatNumber(Math.PI)).toBe('3.14159');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(123456789)).toBe('123456789');
    expect(formatNumber(1.23456789e-9)).toBe('1.23457e-9');
    expect(formatNumber(-0)).toBe('-0');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('-Infinity');
  });
});

describe('formatValue', () => {
  it('prints arrays with rounded numbers and truncates long ones with "… N more"', () => {
    expect(formatValue([1, 2.5, 1 / 3])).toBe('[1, 2.5, 0.333333]');
    expect(formatValue(Array.from({ length: 20 }, (_, i) => i))).toBe('[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, … 8 more]');
    expect(formatValue([])).toBe('[]');
  });

  it('prints typed arrays with their type and length', () => {
    expect(formatValue(new Float32Array([0.1, 2]))).toBe('Float32Array(2) [0.1, 2]');
    expect(formatValue(new Uint8Array(100))).toMatch(/^Uint8Array\(100\) \[0, 0, .*… 88 more\]$/);
  });

  it('prints objects, class instances, Maps, Sets, nested values and quotes nested strings', () => {
    expect(formatValue({ a: 1, 'b-c': 'x', d: [1, { e: null }] })).toBe("{ a: 1, 'b-c': 'x', d: [1, { e: null }] }");
    class Layer {
      units = 3;
    }
    expect(formatValue(new Layer())).toBe('Layer { units: 3 }');
    expect(
      formatValue(
        new Map<unknown, unknown>([
          ['w', [1, 2]],
          [1, true],
        ]),
      ),
    ).toBe("Map(2) { 'w' => [1, 2], 1 => true }");
    expect(formatValue(new Set([1, 'a']))).toBe("Set(2) { 1, 'a' }");
    expect(formatValue({ a: { b: { c: { d: 1 } } } })).toBe('{ a: { b: { c: [Object] } } }');
    expect(formatValue([[[[1]]]])).toBe('[[[[Array(1)]]]]');
  });

  it('prints functions, errors, bigints, symbols, undefined and cycles', () => {
    const o: Record<string, unknown> = { name: 'o' };
    o.self = o;
    expect(formatValue(o)).toBe("{ name: 'o', self: [Circular] }");
    expect(formatValue(function relu() {})).toBe('[Function relu]');
    expect(formatValue(new RangeError('bad'))).toBe('RangeError: bad');
    expect(formatValue(10n)).toBe('10n');
    expect(formatValue(Symbol('s'))).toBe('Symbol(s)');
    expect(formatValue(undefined)).toBe('undefined');
  });

  it('never throws on hostile values', () => {
    const evil = {
      get boom() {
        throw new Error('gotcha');
      },
    };
    expect(formatValue(evil)).toBe('[unprintable: gotcha]');
    expect(formatValue(Object.create(null))).toBe('{}');
  });

  it('cuts long nested strings but leaves top-level strings to the log cap', () => {
    expect(formatValue(['x'.repeat(300)])).toBe(`['${'x'.repeat(200)}… (100 more characters)']`);
    expect(formatArg('plain text')).toBe('plain text');
  });
});

describe('capParts', () => {
  const limits = { maxLogChars: 20, maxLogLines: 3 };
  it('keeps short messages as they are', () => {
    expect(capParts(['a', 'b'], limits)).toEqual(['a', 'b']);
  });
  it('truncates by characters, saying how much was cut', () => {
    expect(capParts(['x'.repeat(15), 'y'.repeat(10), 'z'], limits)).toEqual(['x'.repeat(15), 'yyyyy… (5 more characters, 1 more values)']);
  });
  it('truncates by lines', () => {
    expect(capParts(['1\n2\n3\n4\n5'], limits)).toEqual(['1\n2\n3\n… (2 more lines)']);
  });
});
