/**
 * Issue 10.4: a run going on in another window of the deck is its own state. The window that
 * only shows it marks the block `remote` with Stop disabled (its own sandbox cannot stop that
 * run, and stopping it could end an unrelated local one); the window that runs it can stop it.
 * Pressing Stop on the remote block anyway kills nothing.
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
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
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

  it('pressing Stop on the remote block kills nothing here: not this window’s own run, not the other window’s', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const speaker = await context.newPage();
    await speaker.goto(harness.url + '#/bouncer-live');
    await waitForDeck(speaker);
    await speaker.waitForSelector(`${BLOCK}[data-editor-ready]`);
    const projector = await context.newPage();
    await projector.goto(harness.url + '#/relu-line');
    await waitForDeck(projector);
    const LINE = '#relu-line [data-live]';
    await projector.waitForSelector(`${LINE}[data-editor-ready] .view-lines`);
    await projector.waitForFunction(
      (sel) => !['running', 'idle'].includes(document.querySelector(sel)?.getAttribute('data-status') ?? ''),
      LINE,
    );
    const sleepy = (text: string) => `import { sleep } from 'rectify';\nawait sleep(2500);\nconsole.log('${text}');`;
    // The projector runs a block of its own (a local run that a wrong Stop would kill)…
    await projector.click(`${LINE} .view-lines`);
    await projector.keyboard.press('ControlOrMeta+A');
    await projector.keyboard.insertText(sleepy('local run'));
    await projector.click(`${LINE} [data-action="run"]`);
    await projector.waitForSelector(`${LINE}[data-status="running"]`);
    // …while the speaker runs the bouncer, which the projector shows as remote.
    await speaker.click(`${BLOCK} .view-lines`);
    await speaker.keyboard.press('ControlOrMeta+A');
    await speaker.keyboard.insertText(sleepy('speaker run'));
    await speaker.click(`${BLOCK} [data-action="run"]`);
    await projector.waitForSelector(`${BLOCK}[data-status="remote"]`, { state: 'attached' });
    // Stop is disabled there; press it anyway, as a script or an old page could.
    await projector.$eval(`${BLOCK} [data-action="stop"]`, (button) => {
      (button as HTMLButtonElement).disabled = false;
      (button as HTMLButtonElement).click();
    });
    // Both runs end as they would have: done, with their output.
    await projector.waitForSelector(`${LINE}:is([data-status="done"], [data-status="killed"])`, { timeout: 20_000 });
    expect(await projector.getAttribute(LINE, 'data-status')).toBe('done');
    expect(await projector.textContent(`${LINE} [data-output]`)).toContain('local run');
    await speaker.waitForSelector(`${BLOCK}:is([data-status="done"], [data-status="killed"])`, { timeout: 20_000 });
    expect(await speaker.getAttribute(BLOCK, 'data-status')).toBe('done');
    // Control: the same probe sees a kill — the projector's own Stop on its own run.
    await projector.click(`${LINE} [data-action="run"]`);
    await projector.waitForSelector(`${LINE}[data-status="running"]`);
    await projector.click(`${LINE} [data-action="stop"]`);
    await projector.waitForSelector(`${LINE}:is([data-status="done"], [data-status="killed"])`, { timeout: 20_000 });
    expect(await projector.getAttribute(LINE, 'data-status')).toBe('killed');
    await context.close();
  }, 120_000);
});
