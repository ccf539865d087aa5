import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { editsAsTypeScript, editsFromLink, linkWithEdits, readSharedLink, type EditSnapshot } from '../../../src/tools/share-edits';

const snapshots: EditSnapshot[] = [
  { id: '02-relu#1', code: "console.log('mine')", params: { lr: 0.5 }, modified: true },
  { id: '03-advantages#1', code: 'untouched()', params: {}, modified: false },
];

describe('share links', () => {
  it('carry only the modified snippets in the fragment (never sent to a server) and come back intact, slide kept', () => {
    const link = linkWithEdits(snapshots, 'https://example.test/deck/?lang=en#/bouncer-live');
    const url = new URL(link);
    expect(url.search).toBe('?lang=en');
    expect(url.hash).toMatch(/^#edits=[\w+$-]+&slide=\/bouncer-live$/);
    expect(editsFromLink(link)).toEqual({ '02-relu#1': { code: "console.log('mine')", params: { lr: 0.5 } } });
    expect(readSharedLink(link)?.cleanUrl).toBe('https://example.test/deck/?lang=en#/bouncer-live');
  });

  it('still open links of the first version (`?edits=` in the query)', () => {
    const fragment = new URL(linkWithEdits(snapshots, 'https://x.test/')).hash.replace(/^#edits=/, '');
    expect(Object.keys(editsFromLink(`https://x.test/?edits=${fragment}`))).toEqual(['02-relu#1']);
  });

  it('name blocks by id, so links made before the id existed (named by storage key) still open', () => {
    const edits = { 'rectify:edit:v1:slides/en/02-relu.md#1': { code: 'old()' }, 'rectify:edit:v1:../../x#1;': { code: 'no' } };
    const link = `https://x.test/#edits=${compressToEncodedURIComponent(JSON.stringify({ v: 1, edits }))}`;
    expect(editsFromLink(link)).toEqual({ '02-relu#1': { code: 'old()', params: {} } });
    // Control: a format-2 link with a storage key where an id belongs is refused.
    const wrong = `https://x.test/#edits=${compressToEncodedURIComponent(JSON.stringify({ v: 2, edits }))}`;
    expect(editsFromLink(wrong)).toEqual({});
  });

  it('ignore malformed, foreign or hostile data', () => {
    expect(editsFromLink('https://x.test/?edits=%%%')).toEqual({});
    expect(editsFromLink('https://x.test/#edits=' + 'A'.repeat(300_000))).toEqual({});
    const bad = linkWithEdits([{ ...snapshots[0], params: { lr: Number.NaN } }], 'https://x.test/');
    expect(editsFromLink(bad)['02-relu#1'].params).toEqual({});
  });

  it('drop the edits when nothing is modified', () => {
    expect(linkWithEdits([snapshots[1]], 'https://x.test/?edits=old#/3')).toBe('https://x.test/#/3');
  });
});

describe('editsAsTypeScript', () => {
  it('writes each modified snippet under a comment naming its block', () => {
    const text = editsAsTypeScript(snapshots);
    expect(text).toContain('// ── 02-relu#1 ──\n// parameter values: {"lr":0.5}\nconsole.log(\'mine\')');
    expect(text).not.toContain('untouched');
  });
});
