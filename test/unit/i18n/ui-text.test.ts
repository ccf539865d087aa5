/**
 * The deck's text table: every phrase exists in both languages, and its `{slots}` are the
 * same in both (a slot missing in one language would show a raw `{seconds}` or lose a number).
 */
import { describe, expect, it } from 'vitest';
import { TEXT_KEYS, TEXT_LANGUAGES, textIn } from '../../../src/i18n/ui-text';

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the ui-text table', () => {
  it('has phrases (control: the keys the deck uses are there)', () => {
    expect(TEXT_KEYS).toContain('run');
    expect(TEXT_KEYS).toContain('killTimeout');
    expect(TEXT_KEYS.length).toBeGreaterThan(40);
  });

  it.each(TEXT_KEYS)('%s is written, non-empty, in every language', (key) => {
    for (const language of TEXT_LANGUAGES) expect(textIn(language, key).trim(), `${key} (${language})`).not.toBe('');
  });

  it.each(TEXT_KEYS)('%s has the same slots in every language', (key) => {
    expect(slots(textIn('en', key)), key).toEqual(slots(textIn('zh', key)));
  });

  it('writes every Chinese phrase with Chinese characters or punctuation, and no English one with them', () => {
    // Han characters, CJK punctuation (、。「」) and full-width forms (，：（）).
    const chinese = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
    for (const key of TEXT_KEYS) {
      expect(chinese.test(textIn('zh', key)), `${key} (zh)`).toBe(true);
      expect(chinese.test(textIn('en', key)), `${key} (en)`).toBe(false);
    }
  });

  it('fills slots with the given values, and leaves unknown ones visible', () => {
    expect(textIn('zh', 'atLineColumn', { line: 4, column: 15 })).toBe('第 4 行第 15 列：');
    expect(textIn('en', 'atLineColumn', { line: 4, column: 15 })).toBe('line 4:15: ');
    expect(textIn('en', 'killTimeout', {})).toContain('{seconds}');
  });
});
