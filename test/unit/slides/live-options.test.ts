import { describe, expect, it } from 'vitest';
import { fingerprint, isLiveFence, parseLiveOptions } from '../../../src/slides/live-options';

describe('isLiveFence', () => {
  it('accepts ts/typescript fences marked live, with options after', () => {
    expect(isLiveFence('ts live')).toBe(true);
    expect(isLiveFence('typescript live autorun timeout=10000')).toBe(true);
  });
  it('rejects plain code and other languages', () => {
    expect(isLiveFence('ts')).toBe(false);
    expect(isLiveFence('js live')).toBe(false);
    expect(isLiveFence('ts [1|2]')).toBe(false);
  });
});

describe('parseLiveOptions', () => {
  it('reads autorun, timeout and height', () => {
    expect(parseLiveOptions('ts live autorun timeout=10000 height=320')).toEqual({ autorun: true, timeoutMs: 10000, height: 320 });
  });
  it('falls back to defaults for bad numbers and ignores unknown words', () => {
    expect(parseLiveOptions('ts live timeout=soon height=-3 fancy')).toEqual({ autorun: false });
  });
});

describe('fingerprint', () => {
  it('is stable and tells different texts apart', () => {
    expect(fingerprint('relu(5)')).toBe(fingerprint('relu(5)'));
    expect(fingerprint('relu(5)')).not.toBe(fingerprint('relu(6)'));
    expect(fingerprint('')).toMatch(/^[0-9a-f]{8}$/);
  });
});
