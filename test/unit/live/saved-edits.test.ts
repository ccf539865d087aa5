import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../deck/memory-storage';
import { clearEdit, editKey, loadEdit, saveEdit } from '../../../src/live/saved-edits';

const KEY = editKey('slides/02-relu.md', 1);

describe('saved edits', () => {
  it('keys a block by slide file and position', () => {
    expect(KEY).toBe('rectify:edit:v1:slides/02-relu.md#1');
  });

  it('gives back an edit of the same original', () => {
    const store = memoryStorage();
    saveEdit(KEY, 'relu(5)', { code: 'relu(7)' }, store);
    expect(loadEdit(KEY, 'relu(5)', store)).toMatchObject({ kind: 'edited', edit: { code: 'relu(7)' } });
  });

  it('calls an edit stale when the original has changed since', () => {
    const store = memoryStorage();
    saveEdit(KEY, 'relu(5)', { code: 'relu(7)' }, store);
    expect(loadEdit(KEY, 'relu(50)', store)).toMatchObject({ kind: 'stale', edit: { code: 'relu(7)' } });
  });

  it('stores nothing when the code is the original again', () => {
    const store = memoryStorage();
    saveEdit(KEY, 'relu(5)', { code: 'relu(7)' }, store);
    saveEdit(KEY, 'relu(5)', { code: 'relu(5)' }, store);
    expect(store.length).toBe(0);
    expect(loadEdit(KEY, 'relu(5)', store)).toEqual({ kind: 'original' });
  });

  it('keeps slider values even when the code is the original', () => {
    const store = memoryStorage();
    saveEdit(KEY, 'relu(5)', { code: 'relu(5)', params: { alpha: 0.2 } }, store);
    expect(loadEdit(KEY, 'relu(5)', store)).toMatchObject({ kind: 'edited', edit: { code: 'relu(5)', params: { alpha: 0.2 } } });
  });

  it('reports and drops unreadable entries, and forgets on clear', () => {
    const store = memoryStorage();
    store.setItem(KEY, '{not json');
    expect(loadEdit(KEY, 'x', store)).toEqual({ kind: 'unreadable' });
    expect(store.getItem(KEY)).toBeNull();
    saveEdit(KEY, 'a', { code: 'b' }, store);
    clearEdit(KEY, store);
    expect(loadEdit(KEY, 'a', store)).toEqual({ kind: 'original' });
  });
});
