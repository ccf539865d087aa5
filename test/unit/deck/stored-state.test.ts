/**
 * Every reader of stored or linked state, given garbage: it returns "nothing saved" (or
 * drops the bad part) and never throws — one bad value must not keep the deck from starting
 * (issue 9: a saved edit with a parameter value of "abc" blanked the whole deck, for good).
 */
import { describe, expect, it } from 'vitest';
import { memoryStorage } from './memory-storage';
import { editKey, loadEdit, saveEdit } from '../../../src/live/saved-edits';
import { readPosition } from '../../../src/tools/resume';
import { readSharedLink, linkWithEdits } from '../../../src/tools/share-edits';
import { clampParams, findParams, readParamValues } from '../../../src/live/snippet-params';
import { languageFromUrl } from '../../../src/i18n/language';
import { MAX_PARAMS } from '../../../src/sandbox/param-name';
import { fingerprint } from '../../../src/slides/live-options';

const ORIGINAL = "const lr = param('lr', 0.1, { min: 0.001, max: 1 });";
const KEY = editKey('slides/04-dead-relu.md', 2);
const good = { code: 'relu(7)', original: fingerprint(ORIGINAL), savedAt: 1 };

/** Stored values a browser may hold: other versions, other apps, hand edits, attacks. */
const GARBAGE: unknown[] = [
  'abc',
  '',
  '{',
  'null',
  '1',
  '[]',
  '"just a string"',
  JSON.stringify({ ...good, params: { lr: 'abc' } }),
  JSON.stringify({ ...good, params: { lr: '1' } }),
  JSON.stringify({ ...good, params: { lr: {} } }),
  JSON.stringify({ ...good, params: [1, 2] }),
  JSON.stringify({ ...good, params: 'lr=1' }),
  JSON.stringify({ ...good, code: 42 }),
  JSON.stringify({ ...good, code: { toString: 'x' } }),
  JSON.stringify({ ...good, original: 'not a fingerprint' }),
  JSON.stringify({ ...good, savedAt: 'yesterday' }),
  '{"code":"x","original":"0000abcd","savedAt":1,"params":{"__proto__":{"polluted":1}}}',
  '{"__proto__":{"code":"x"}}',
  JSON.stringify({ ...good, code: 'x'.repeat(500_000) }),
];

describe('saved edits from storage', () => {
  it.each(GARBAGE.map((raw) => [String(raw).slice(0, 60), raw]))('treats %s as nothing saved, and drops it', (_label, raw) => {
    const store = memoryStorage({ [KEY]: String(raw) });
    const state = loadEdit(KEY, ORIGINAL, store);
    expect(['original', 'unreadable']).toContain(state.kind);
    if (String(raw) !== '') expect(state.kind).toBe('unreadable');
    if (state.kind === 'unreadable') expect(store.getItem(KEY)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('control: a well-formed edit with numeric parameters is read back', () => {
    const store = memoryStorage();
    saveEdit(KEY, ORIGINAL, { code: 'relu(7)', params: { lr: 0.5 } }, store);
    expect(loadEdit(KEY, ORIGINAL, store)).toMatchObject({ kind: 'edited', edit: { code: 'relu(7)', params: { lr: 0.5 } } });
  });

  it('survives a storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    } as unknown as Storage;
    expect(loadEdit(KEY, ORIGINAL, throwing)).toEqual({ kind: 'original' });
  });
});

describe('the saved slide position', () => {
  it.each([
    'abc',
    '{',
    'null',
    '[]',
    '{"h":"1","v":0}',
    '{"h":-1,"v":0}',
    '{"h":1.5,"v":0}',
    '{"h":1e300,"v":0}',
    '{"h":1}',
    '{"__proto__":{"h":1,"v":0}}',
  ])('reads %s as nothing saved', (raw) => {
    expect(readPosition(memoryStorage({ 'rectify:position:v1': raw }))).toBeUndefined();
  });

  it('control: reads a real position', () => {
    expect(readPosition(memoryStorage({ 'rectify:position:v1': '{"h":12,"v":1}' }))).toEqual({ h: 12, v: 1 });
  });
});

describe('parameter values from storage or a link', () => {
  it('keeps only finite numbers under valid names', () => {
    const raw = JSON.parse('{"lr":0.5,"bad":"1","inf":1e999,"__proto__":3,"constructor":4,"a b":1,"ok.name-1":2}');
    expect(readParamValues(raw)).toEqual({ lr: 0.5, 'ok.name-1': 2 });
    for (const junk of [null, 'x', 3, [1], undefined]) expect(readParamValues(junk)).toEqual({});
  });

  it('keeps a bounded number of values', () => {
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`p${i}`, i]));
    expect(Object.keys(readParamValues(many)).length).toBe(MAX_PARAMS);
  });

  it('moves values outside a slider into its range, and toggles to 0 or 1', () => {
    const specs = findParams("param('lr', 0.1, { min: 0.001, max: 1 }); param('show', false, { label: 'f′' }); param('free', 3)");
    expect(specs[1]).toMatchObject({ name: 'show', kind: 'toggle', initial: 0 });
    expect(clampParams({ lr: 50, show: 7, free: -1e9 }, specs)).toEqual({ lr: 1, show: 1, free: -1e9 });
    expect(clampParams({ lr: -5, show: 0 }, specs)).toEqual({ lr: 0.001, show: 0 });
  });
});

describe('shared links', () => {
  it.each([
    'https://x.test/#edits=%%%',
    'https://x.test/#edits=',
    'https://x.test/#edits=' + 'A'.repeat(300_000),
    'https://x.test/?edits=garbage',
    'https://x.test/#edits=N4XyA',
  ])('refuses %s with a reason, and never throws', (href) => {
    const link = readSharedLink(href.slice(0, 200_100 + 30));
    expect(link?.edits).toEqual({});
    expect(link?.problem).toMatch(/broken|too-long/);
  });

  it('control: a link made by the deck comes back, its slide restored and the edits out of the URL', () => {
    const href = linkWithEdits(
      [{ id: '04-dead-relu#2', code: 'relu(7)', params: { lr: 0.5 }, modified: true }],
      'https://x.test/deck/?lang=en#/dead-unit',
    );
    expect(href).toMatch(/^https:\/\/x\.test\/deck\/\?lang=en#edits=/);
    const link = readSharedLink(href)!;
    expect(link.problem).toBeUndefined();
    expect(link.edits['04-dead-relu#2']).toEqual({ code: 'relu(7)', params: { lr: 0.5 } });
    expect(link.cleanUrl).toBe('https://x.test/deck/?lang=en#/dead-unit');
  });

  it('ignores a slide path that is not one of the deck’s', () => {
    const href = linkWithEdits([{ id: '04-dead-relu#2', code: 'x', params: {}, modified: true }], 'https://x.test/#/a');
    expect(readSharedLink(href.replace('slide=/a', 'slide=javascript:alert(1)'))!.cleanUrl).toBe('https://x.test/');
  });
});

describe('the language in the URL', () => {
  it.each(['?lang=xx', '?lang=', '?lang=EN', '?lang=en&lang=zh', '?lang=%00'])('reads %s as one of the deck’s languages', (query) => {
    expect(['zh', 'en']).toContain(languageFromUrl(new URL(`https://x.test/${query}`)));
  });
});
