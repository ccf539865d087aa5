import { describe, expect, it } from 'vitest';
import { editsAsTypeScript, editsFromLink, linkWithEdits, type EditSnapshot } from '../../../src/deck/share-edits';

const snapshots: EditSnapshot[] = [
  { key: 'rectify:edit:v1:slides/02-relu.md#1', code: "console.log('mine')", params: { lr: 0.5 }, modified: true },
  { key: 'rectify:edit:v1:slides/03-advantages.md#1', code: 'untouched()', params: {}, modified: false },
];

describe('share links', () => {
  it('carry only the modified snippets and come back intact, slide hash kept', () => {
    const link = linkWithEdits(snapshots, 'https://example.test/deck/?lang=en#/bouncer-live');
    expect(link).toContain('lang=en');
    expect(link.endsWith('#/bouncer-live')).toBe(true);
    expect(editsFromLink(link)).toEqual({ 'rectify:edit:v1:slides/02-relu.md#1': { code: "console.log('mine')", params: { lr: 0.5 } } });
  });

  it('ignore malformed, foreign or hostile data', () => {
    expect(editsFromLink('https://x.test/?edits=%%%')).toEqual({});
    expect(editsFromLink('https://x.test/?edits=' + 'A'.repeat(300_000))).toEqual({});
    const bad = linkWithEdits([{ ...snapshots[0], params: { lr: Number.NaN } }], 'https://x.test/');
    expect(editsFromLink(bad)['rectify:edit:v1:slides/02-relu.md#1'].params).toEqual({});
  });

  it('drop the parameter when nothing is modified', () => {
    expect(linkWithEdits([snapshots[1]], 'https://x.test/?edits=old#/3')).toBe('https://x.test/#/3');
  });
});

describe('editsAsTypeScript', () => {
  it('writes each modified snippet under a comment naming its slide file', () => {
    const text = editsAsTypeScript(snapshots);
    expect(text).toContain('// ── slides/02-relu.md#1 ──\n// parameter values: {"lr":0.5}\nconsole.log(\'mine\')');
    expect(text).not.toContain('untouched');
  });
});
