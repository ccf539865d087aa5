/**
 * Issue 10.4: a run going on in another window of the deck is its own state. The window that
 * only shows it marks the block `remote` with Stop disabled (its own sandbox cannot stop that
 * run, and stopping it could end an unrelated local one); the window that runs it can stop it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForDeck, type Harness } from './harness';

const BLOCK = '#bouncer-live [data-live]';
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe('a run in another window', () => {
  it('shows remote with Stop disabled there, while the running window can stop it', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const open = async (): Promise<Page> => {
      const page = await context.newPage();
      await page.goto(harness.url + '#/bouncer-live');
      await waitForDeck(page);
      await page.waitForSelector(`${BLOCK}[data-editor-ready]`);
      await page.waitForFunction(
        (sel) => !['running', 'remote'].includes(document.querySelector(sel)?.getAttribute('data-status') ?? ''),
        BLOCK,
      );
      return page;
    };
    const speaker = await open();
    const projector = await open();
    await speaker.click(`${BLOCK} .view-lines`);
    await speaker.keyboard.press('ControlOrMeta+A');
    await speaker.keyboard.insertText("import { sleep } from 'rectify';\nawait sleep(2000);\nconsole.log('slept');");
    await speaker.click(`${BLOCK} [data-action="run"]`);
    // Control: the window that runs it shows running, with Stop enabled.
    await speaker.waitForSelector(`${BLOCK}[data-status="running"]`);
    expect(await speaker.$eval(`${BLOCK} [data-action="stop"]`, (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    await projector.waitForSelector(`${BLOCK}[data-status="remote"]`);
    expect(await projector.$eval(`${BLOCK} [data-action="stop"]`, (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    // The run ends in the speaker's window and the projector shows its end.
    await projector.waitForSelector(`${BLOCK}[data-status="done"]`, { timeout: 15_000 });
    expect(await projector.textContent(`${BLOCK} [data-output]`)).toContain('slept');
    await context.close();
  }, 90_000);
});
