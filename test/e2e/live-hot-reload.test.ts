/**
 * Issue 10.2: live code is registered whether or not the deck has live blocks yet. A deck with
 * no live block (the README's "write your own deck" path) gains one by hot reload; navigating
 * to it mounts its editor and runs its `autorun` snippet, as on a deck that started with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { goToSlide, saveUntil, startDevDeck, type DevDeck } from './harness';

const DIR = 'test/fixtures/.tmp-live-hot-reload';
const FILE = `${DIR}/01-a.md`;
// The live slide is three steps from the first: not near view until the viewer goes there.
const OTHERS = '# One\n\nNote: n1\n---\n# Two\n\nNote: n2\n---\n# Three\n\nNote: n3\n---\n';
const WITHOUT_LIVE = `${OTHERS}# Four\n<!-- .slide: id="four" -->\n\nNote: n4\n`;
const WITH_LIVE = `${OTHERS}# Four\n<!-- .slide: id="four" -->\n\n\`\`\`ts live autorun\nconsole.log('autoran ' + 6 * 7);\n\`\`\`\n\nNote: n4\n`;

let deck: DevDeck;
let page: Page;

beforeAll(async () => {
  deck = await startDevDeck(DIR, { '01-a.md': WITHOUT_LIVE });
  page = deck.page;
});

afterAll(async () => deck?.close());

describe('a deck that gains its first live block by hot reload', () => {
  it('mounts the editor on navigation and runs the autorun block', async () => {
    expect(await page.$$('[data-live]')).toHaveLength(0);
    await saveUntil(FILE, WITH_LIVE, () => page.waitForSelector('#four [data-live]', { state: 'attached', timeout: 5_000 }));
    await goToSlide(page, 'four');
    await page.waitForSelector('#four [data-live][data-editor-ready] [data-editor]', { timeout: 60_000 });
    await page.waitForSelector('#four [data-live][data-status="done"]', { timeout: 60_000 });
    expect(await page.textContent('#four [data-output]')).toContain('autoran 42');
  }, 150_000);
});
