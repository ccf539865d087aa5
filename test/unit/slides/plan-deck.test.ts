import { describe, expect, it } from 'vitest';
import { compareFileNames, displayName, planDeck } from '../../../src/slides/plan-deck';

describe('planDeck', () => {
  it('orders files by name, numerically, whatever order the glob gives', () => {
    const plan = planDeck({ '../../slides/10-end.md': '# E', '../../slides/02-b.md': '# B', '../../slides/01-a.md': '# A' });
    expect(plan.map((f) => f.file)).toEqual(['slides/01-a.md', 'slides/02-b.md', 'slides/10-end.md']);
  });

  it('orders numbers of any length by value, as the numeric collator it replaces does for slide file names', () => {
    const names = ['10-end.md', '9-x.md', '09-y.md', '1-a.md', '01-a.md', '100-z.md', '2-b.md', '2-a.md', 'intro.md', '2.md', '2-b-2.md', '2-b-10.md'];
    const sorted = [...names].sort(compareFileNames);
    expect(sorted.slice(0, 3)).toEqual(['1-a.md', '01-a.md', '2-a.md']);
    expect(sorted.indexOf('9-x.md')).toBeLessThan(sorted.indexOf('10-end.md'));
    expect(sorted.indexOf('2-b-2.md')).toBeLessThan(sorted.indexOf('2-b-10.md'));
    // Control: the collator the deck used before orders them the same way.
    expect(sorted).toEqual([...names].sort(new Intl.Collator('en', { numeric: true }).compare));
  });

  it('turns a broken file into an error entry with its source, and keeps the other files', () => {
    const plan = planDeck({ '../../slides/01-a.md': '# A', '../../slides/02-bad.md': '# B\n```ts\nx', '../../slides/03-c.md': '# C' });
    expect(plan.map((f) => f.ok)).toEqual([true, false, true]);
    const bad = plan[1];
    if (bad.ok) throw new Error('expected an error');
    expect(bad.error.line).toBe(2);
    expect(bad.source).toBe('# B\n```ts\nx');
  });

  it('names files as the author sees them in the repo', () => {
    expect(displayName('../../slides/01-a.md')).toBe('slides/01-a.md');
    expect(displayName('/test/fixtures/broken-deck/02-bad.md')).toBe('test/fixtures/broken-deck/02-bad.md');
  });
});
