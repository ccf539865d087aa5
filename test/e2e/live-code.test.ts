/**
 * Live code in the built deck: edit in Monaco, run with Ctrl+Enter, see logs and plots;
 * runaway snippets are killed while the deck stays responsive; edits survive a reload;
 * Reset restores the original; the editor never drives the deck.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { goToSlide, indices, startHarness, waitForDeck, type Harness } from './harness';

const BLOCK = '#bouncer-live [data-live]';
let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.open('#/bouncer-live');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForDeck(page);
  await page.waitForSelector(`${BLOCK}[data-editor-ready] .monaco-editor .view-lines`, { timeout: 30_000 });
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'done', BLOCK); // autorun
});
afterAll(async () => harness?.close());

// Each test can run alone (`vitest -t NAME`): it starts on the block's slide, with the keyboard
// on the deck and no run going on, whatever the test before it left.
beforeEach(async () => {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  if ((await page.evaluate(() => window.Reveal.getCurrentSlide()?.id)) !== 'bouncer-live') await goToSlide(page, 'bouncer-live');
  // Checked and clicked in one step in the page: a run may end between two steps (Stop is then disabled).
  await page.$eval(BLOCK, (el) => {
    if (el.getAttribute('data-status') === 'running') el.querySelector<HTMLButtonElement>('[data-action="stop"]')!.click();
  });
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') !== 'running', BLOCK);
});

/** The editor's text as shown (Monaco renders spaces as no-break spaces). */
async function editorText(): Promise<string> {
  return page.$eval(`${BLOCK} .view-lines`, (el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' '));
}

/** Replaces the editor's whole text, as a user pasting would. */
async function setCode(code: string): Promise<void> {
  await page.click(`${BLOCK} .view-lines`);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
}

async function runAndWait(): Promise<string> {
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') !== 'running', BLOCK, { timeout: 10_000 });
  return page.$eval(BLOCK, (el) => el.getAttribute('data-status') ?? '');
}

const output = () => page.$eval(`${BLOCK} [data-output]`, (el) => el.textContent ?? '');

/** Waits until the block's edit holding `text` is saved in storage (edits are saved shortly after typing). */
async function editSaved(text: string): Promise<void> {
  await page.waitForFunction(
    (text) => Object.entries(localStorage).some(([key, value]) => key.startsWith('rectify:edit:') && value.includes(text)),
    text,
  );
}

describe('a live block', () => {
  it('ran its autorun snippet on arrival and drew the bar chart as a Plotly SVG', async () => {
    expect(await output()).toContain('客人 D：-50 元 → 放进去 0 元');
    await page.waitForSelector(`${BLOCK} .live-plot .main-svg`);
    expect(await page.$$eval(`${BLOCK} .live-plot .bars .point`, (bars) => bars.length)).toBe(4);
  });

  it("draws a re-run's plot into the plot's old element (Plotly diffs the figure instead of building it again)", async () => {
    await page.$eval(`${BLOCK} .live-plot`, (el) => Object.assign(el, { drawnBefore: true }));
    await setCode("import { plot } from 'rectify';\nplot([{ type: 'bar', x: ['a', 'b', 'c'], y: [1, 2, 3] }]);");
    expect(await runAndWait()).toBe('done');
    await page.waitForFunction((sel) => document.querySelectorAll(`${sel} .live-plot .bars .point`).length === 3, BLOCK);
    expect(await page.$eval(`${BLOCK} .live-plot`, (el) => 'drawnBefore' in el)).toBe(true);
    // Control: a run that draws no plot shows none (the kept element is not put back for nothing).
    await setCode("console.log('no plot')");
    expect(await runAndWait()).toBe('done');
    expect(await page.$$(`${BLOCK} .live-plot`)).toHaveLength(0);
  });

  it('runs what was typed on Ctrl+Enter and shows the log', async () => {
    await setCode("import { relu } from 'rectify';\nconsole.log('relu(-3) =', relu(-3), 'relu(6*7) =', relu(6 * 7));");
    expect(await runAndWait()).toBe('done');
    expect(await output()).toContain('relu(-3) = 0 relu(6*7) = 42');
  });

  it('keeps typed letters, space and arrows in the editor: the slide does not change', async () => {
    const before = await indices(page);
    await setCode('');
    await page.keyboard.type('n p f o s b g ');
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'PageDown', 'Home']) await page.keyboard.press(key);
    expect(await indices(page)).toEqual(before);
    expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(false);
    await expect.poll(editorText).toContain('n p f o s b g');
  });

  it('hands the keyboard back to the deck on Escape', async () => {
    await page.click(`${BLOCK} .view-lines`);
    await page.keyboard.press('Escape');
    const before = await indices(page);
    await page.keyboard.press('ArrowRight');
    expect((await indices(page)).h).toBe(before.h + 1);
    await goToSlide(page, 'bouncer-live');
  });

  it('shows a type error in the editor, and still runs the code', async () => {
    await setCode("const n: number = 'not a number';\nconsole.log('ran anyway', n);");
    await page.waitForSelector(`${BLOCK} .squiggly-error`, { timeout: 20_000 });
    expect(await runAndWait()).toBe('done');
    expect(await output()).toContain('ran anyway not a number');
  });

  it("shows the core's own doc comment when hovering a core function", async () => {
    await setCode("import { relu } from 'rectify';\nconst bouncer = relu;");
    const token = page.locator(`${BLOCK} .view-line`).nth(1).locator('span span', { hasText: 'relu' }).last();
    await token.waitFor();
    await page.waitForTimeout(500); // let the TypeScript worker see the new text
    const box = (await token.boundingBox())!;
    // Monaco merges same-coloured tokens with their spaces: aim at the middle of the span.
    await page.mouse.move(box.x + box.width / 2 - 3, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover-content').filter({ hasText: 'Rectified linear unit' });
    await hover.first().waitFor({ timeout: 20_000 });
    expect(await hover.first().textContent()).toContain('max(0, x)');
  });

  it('reports a runtime error with its line and marks that line', async () => {
    await setCode("console.log('first');\nconst o: any = undefined;\no.boom();");
    expect(await runAndWait()).toBe('error');
    expect(await output()).toMatch(/第 3 行(第 \d+ 列)?：TypeError/);
  });

  it('kills an infinite loop within 3.5 s while the deck still moves, and the next run works', async () => {
    await setCode('while (true) {}');
    const started = Date.now();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'running', BLOCK);
    // The deck answers keys while the snippet spins (it runs in a worker, not on this thread).
    await page.keyboard.press('Escape');
    const before = await indices(page);
    await page.keyboard.press('ArrowRight');
    expect((await indices(page)).h).toBe(before.h + 1);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'killed', BLOCK, { timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(3_500);
    expect(await output()).toContain('已到时间上限：3.0 秒后停止');
    await setCode("console.log('alive again')");
    expect(await runAndWait()).toBe('done');
    expect(await output()).toContain('alive again');
  });

  it('stops a run at once on Stop', async () => {
    await setCode('while (true) {}');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'running', BLOCK);
    const clicked = Date.now();
    await page.click(`${BLOCK} [data-action="stop"]`);
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'killed', BLOCK, { timeout: 2_000 });
    expect(Date.now() - clicked).toBeLessThan(1_000);
    expect(await page.$eval(`${BLOCK} .live-state`, (el) => el.textContent)).toContain('■');
  });

  it('keeps an edit across a reload, marked as modified', async () => {
    await setCode("console.log('my own edit')");
    await editSaved('my own edit');
    await page.reload();
    await waitForDeck(page);
    await page.waitForSelector(`${BLOCK}[data-editor-ready] .view-lines`);
    await expect.poll(editorText).toContain("console.log('my own edit')");
    expect(await page.$eval(`${BLOCK} .live-modified`, (el) => (el as HTMLElement).hidden)).toBe(false);
  });

  it('restores the original on Reset, and Ctrl+Z brings the edit back', async () => {
    await setCode("console.log('my own edit')");
    await editSaved('my own edit');
    expect(await page.$eval(`${BLOCK} .live-modified`, (el) => (el as HTMLElement).hidden)).toBe(false);
    await page.click(`${BLOCK} [data-action="reset"]`);
    await expect.poll(editorText).toContain('const guests = { A: 100, B: 5, C: 0, D: -50 };');
    expect(await page.$eval(`${BLOCK} .live-modified`, (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rectify:edit:')))).toEqual([]);
    await page.click(`${BLOCK} .view-lines`);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(editorText).toContain("console.log('my own edit')");
  });
});

describe('an edit of an example that has changed since', () => {
  it('is kept aside with a notice offering both versions', async () => {
    const key = await page.$eval(BLOCK, (el) => (el as HTMLElement).dataset.editKey!);
    await page.evaluate(
      (key) => localStorage.setItem(key, JSON.stringify({ code: "console.log('my old edit')", original: '00000000', savedAt: 1 })),
      key,
    );
    await page.reload();
    await waitForDeck(page);
    await page.waitForSelector(`${BLOCK} .live-notice:not([hidden])`);
    await page.waitForSelector(`${BLOCK}[data-editor-ready] .view-lines`);
    await expect.poll(editorText).toContain('const guests'); // the new original is shown
    await page.click(`${BLOCK} [data-choice="mine"]`);
    await expect.poll(editorText).toContain("console.log('my old edit')");
    expect(await page.$eval(`${BLOCK} .live-notice`, (el) => (el as HTMLElement).hidden)).toBe(true);
    await page.click(`${BLOCK} [data-action="reset"]`);
  });
});

describe('clicking into an editor on a small screen', () => {
  it('puts the cursor where the click lands, though reveal scales the slide', async () => {
    const small = await harness.context.newPage();
    await small.setViewportSize({ width: 800, height: 560 });
    await small.goto(harness.url + '#/bouncer-live');
    await waitForDeck(small);
    await small.waitForSelector(`${BLOCK}[data-editor-ready] .view-lines`);
    await small.click(`${BLOCK} [data-action="reset"]`);
    expect(await small.evaluate(() => window.Reveal.getScale())).toBeLessThan(0.75);
    // Click just inside the word `guests` on line 3 and type: the text must land right there.
    // Monaco renders ' guests ' as one span (spaces merge into same-coloured tokens).
    const word = small.locator(`${BLOCK} .view-line`).nth(2).locator('span span', { hasText: 'guests' });
    await word.waitFor();
    await small.waitForTimeout(800); // the slide transition and Monaco's tokenizer settle
    const box = (await word.boundingBox())!;
    const text = (await word.textContent()) ?? '';
    const charWidth = box.width / text.length;
    const sAt = text.indexOf('guests') + 3; // the first 's' of "guests"
    await small.mouse.click(box.x + charWidth * (sAt + 0.3), box.y + box.height / 2); // left part of that 's'
    await small.keyboard.insertText('_');
    const lines = () =>
      small.$$eval(`${BLOCK} .view-line`, (els) => els.map((e) => (e as HTMLElement).innerText.replace(/\u00a0/g, ' ')).join('\n'));
    await expect.poll(lines).toContain('const gue_sts = { A: 100, B: 5, C: 0, D: -50 };');
    await small.close();
  });
});

describe('a parameter slider', () => {
  it('re-runs the snippet with the new value, and the value survives a reload', async () => {
    const leaky = await harness.open('#/leaky-relu');
    const block = '#leaky-relu [data-live]';
    await leaky.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'done', block); // autorun
    const slider = `${block} input[data-param="alpha"]`;
    expect(await leaky.$eval(slider, (el) => (el as HTMLInputElement).value)).toBe('0.01');
    await leaky.$eval(slider, (el) => {
      (el as HTMLInputElement).value = '0.3';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => leaky.$eval(`${block} [data-output]`, (el) => el.textContent ?? '')).toContain('0.3');
    expect(await leaky.$eval(block, (el) => el.getAttribute('data-status'))).toBe('done');
    await leaky.reload();
    await waitForDeck(leaky);
    expect(await leaky.$eval(slider, (el) => (el as HTMLInputElement).value)).toBe('0.3');
    expect(await leaky.$eval(`${block} .live-modified`, (el) => (el as HTMLElement).hidden)).toBe(false);
    await leaky.click(`${block} [data-action="reset"]`);
    expect(await leaky.$eval(slider, (el) => (el as HTMLInputElement).value)).toBe('0.01');
    await leaky.close();
  });
});

describe('the print view', () => {
  it('shows static highlighted code and loads no editor (outputs for the handout: see pdf.test.ts)', async () => {
    // Control: in the normal view the same probes see the editor.
    expect(await page.$$eval(`${BLOCK}[data-editor-ready] .monaco-editor`, (els) => els.length)).toBe(1);
    const print = await harness.open('?print-pdf');
    // The print pipeline's own signal: every block has been run for the handout by then.
    await print.waitForFunction(() => document.documentElement.dataset.printReady === 'true', undefined, { timeout: 150_000 });
    expect(await print.$$eval('[data-live]', (els) => els.length)).toBeGreaterThan(0);
    expect(await print.$$eval('[data-live][data-editor-ready]', (els) => els.length)).toBe(0);
    expect(await print.$$eval('.monaco-editor', (els) => els.length)).toBe(0);
    await print.close();
  }, 180_000);
});
