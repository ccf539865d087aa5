import { describe, expect, it } from 'vitest';
import { displayName, planDeck } from '../../../src/slides/plan-deck';

describe('planDeck', () => {
  it('orders files by name, numerically, whatever order the glob gives', () => {
    const plan = planDeck({ '../../slides/10-end.md': '# E', '../../slides/02-b.md': '# B', '../../slides/01-a.md': '# A' });
    expect(plan.map((f) => f.file)).toEqual(['slides/01-a.md', 'slides/02-b.md', 'slides/10-end.md']);
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
