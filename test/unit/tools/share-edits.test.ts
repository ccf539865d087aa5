import { describe, expect, it } from 'vitest';
import { editsAsTypeScript, editsFromLink, linkWithEdits, readSharedLink, type EditSnapshot } from '../../../src/tools/share-edits';

const snapshots: EditSnapshot[] = [
  { key: 'rectify:edit:v1:slides/02-relu.md#1', code: "console.log('mine')", params: { lr: 0.5 }, modified: true },
  { key: 'rectify:edit:v1:slides/03-advantages.md#1', code: 'untouched()', params: {}, modified: false },
];

describe('share links', () => {
  it('carry only the modified snippets in the fragment (never sent to a server) and come back intact, slide kept', () => {
    const link = linkWithEdits(snapshots, 'https://example.test/deck/?lang=en#/bouncer-live');
    const url = new URL(link);
    expect(url.search).toBe('?lang=en');
    expect(url.hash).toMatch(/^#edits=[\w+$-]+&slide=\/bouncer-live$/);
    expect(editsFromLink(link)).toEqual({ 'rectify:edit:v1:slides/02-relu.md#1': { code: "console.log('mine')", params: { lr: 0.5 } } });
    expect(readSharedLink(link)?.cleanUrl).toBe('https://example.test/deck/?lang=en#/bouncer-live');
  });

  it('still open links of the first version (`?edits=` in the query)', () => {
    const fragment = new URL(linkWithEdits(snapshots, 'https://x.test/')).hash.replace(/^#edits=/, '');
    expect(Object.keys(editsFromLink(`https://x.test/?edits=${fragment}`))).toEqual(['rectify:edit:v1:slides/02-relu.md#1']);
  });

  it('ignore malformed, foreign or hostile data', () => {
    expect(editsFromLink('https://x.test/?edits=%%%')).toEqual({});
    expect(editsFromLink('https://x.test/#edits=' + 'A'.repeat(300_000))).toEqual({});
    const bad = linkWithEdits([{ ...snapshots[0], params: { lr: Number.NaN } }], 'https://x.test/');
    expect(editsFromLink(bad)['rectify:edit:v1:slides/02-relu.md#1'].params).toEqual({});
  });

  it('drop the edits when nothing is modified', () => {
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
