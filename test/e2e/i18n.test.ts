/**
 * Every string the deck shows follows its language (issue 9, item 9): run endings (time
 * limit, Stop, run-time and type errors), reveal's help overlay and navigation arrows, the
 * search box, the editor's labels and plot summaries are Chinese in the Chinese deck and
 * English in the English one. The same probe runs in both languages, so each language is
 * the other's control (a probe that could not see English would fail in `en`); a switch in
 * place relabels what was built before it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, waitForDeck, type Harness } from './harness';

const BLOCK = '#bouncer-live [data-live]';
const HAN = /\p{Script=Han}/u;

/** What each language must show, as patterns matched against the page's text. */
const EXPECTED = {
  zh: {
    timeLimit: /^已到时间上限：3\.0 秒后停止。/,
    stopped: /^已停止。$/,
    runError: /^第 3 行第 \d+ 列：TypeError: /,
    typeError: /^类型错误（仍然运行）：第 1 行：Type 'string' is not assignable/,
    helpTitle: '键盘快捷键',
    helpHeaders: ['按键', '功能'],
    helpRows: ['运行这张幻灯片上的代码', '预热：把所有代码都运行一遍', '演讲者视图', '搜索', '幻灯片总览'],
    search: '搜索……',
    nextArrow: '下一张',
    editor: /^可运行的 TypeScript 代码。/,
    plot: /^图表：relu（3 个点）$/,
    logsCapped: /^…… 日志超过 300 条：/,
  },
  en: {
    timeLimit: /^Time limit reached: stopped after 3\.0 s\./,
    stopped: /^Stopped\.$/,
    runError: /^line 3:\d+: TypeError: /,
    typeError: /^Type error \(running anyway\): line 1: Type 'string' is not assignable/,
    helpTitle: 'Keyboard Shortcuts',
    helpHeaders: ['KEY', 'ACTION'],
    helpRows: ['Run the live code on this slide', 'Warm up: run every live block once', 'Speaker notes view', 'Search', 'Slide overview'],
    search: 'Search...',
    nextArrow: 'next slide',
    editor: /^Live TypeScript snippet\./,
    plot: /^Plot: relu \(3 points\)$/,
    logsCapped: /^… more than 300 log messages: /,
  },
} as const;

type Language = keyof typeof EXPECTED;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** Opens the deck in `language` on the bouncer's live block, with nothing saved, once its autorun has ended (however: a busy machine may kill it). */
async function openDeck(language: Language): Promise<Page> {
  const page = await harness.open(`${language === 'en' ? '?lang=en' : ''}#/bouncer-live`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForDeck(page);
  await page.waitForSelector(`${BLOCK}[data-editor-ready] .monaco-editor .view-lines`, { timeout: 30_000 });
  await page.waitForFunction(
    (sel) => ['done', 'error', 'killed'].includes(document.querySelector(sel)?.getAttribute('data-status') ?? ''),
    BLOCK,
  );
  return page;
}

/**
 * Replaces the editor's text and runs it with Ctrl+Enter. The block's status is set to a
 * marker first: the block overwrites it when the run starts, so a run too quick to be seen
 * `running` is still seen to have happened (see `ended`).
 */
async function run(page: Page, code: string): Promise<void> {
  await page.click(`${BLOCK} .view-lines`);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
  await page.$eval(BLOCK, (el) => el.setAttribute('data-status', 'before-run'));
  await page.keyboard.press('Control+Enter');
}

/** Waits until the run started by `run` has ended and returns the block's status. */
async function ended(page: Page): Promise<string> {
  await page.waitForFunction(
    (sel) => !['before-run', 'running'].includes(document.querySelector(sel)?.getAttribute('data-status') ?? ''),
    BLOCK,
    {
      timeout: 10_000,
    },
  );
  return page.$eval(BLOCK, (el) => el.getAttribute('data-status') ?? '');
}

/** Waits until the run started by `run` is going on. */
async function running(page: Page): Promise<void> {
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-status') === 'running', BLOCK);
}

const lines = (page: Page, selector: string) =>
  page.$$eval(`${BLOCK} [data-output] ${selector}`, (els) => els.map((el) => el.textContent ?? ''));

/** The help overlay's title, column headers and descriptions, opened with `?` and closed again. */
async function helpOverlay(page: Page): Promise<{ title: string; headers: string[]; descriptions: string[] }> {
  // Out of the editor, so keys go to the deck (Escape would also open the overview if focus were not in it).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Shift+Slash');
  await page.waitForSelector('.r-overlay-help .r-overlay-help-content .title');
  const help = await page.$eval('.r-overlay-help-content', (el) => ({
    title: el.querySelector('.title')?.textContent ?? '',
    headers: [...el.querySelectorAll('th')].map((th) => th.textContent ?? ''),
    descriptions: [...el.querySelectorAll('tr')].flatMap((tr) => (tr.cells[1] ? [tr.cells[1].textContent ?? ''] : [])),
  }));
  await page.click('.r-overlay-help .r-overlay-close');
  await page.waitForSelector('.r-overlay-help', { state: 'detached' });
  return help;
}

/** The help lists the speaker view and search rows only once their lazily loaded plugins are in. */
async function pluginsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => ['notes', 'search'].every((id) => window.Reveal.hasPlugin(id)), null, { timeout: 20_000 });
  await page.waitForSelector('.searchbox .searchinput', { state: 'attached' });
}

describe.each(['zh', 'en'] as const)('the %s deck', (language) => {
  const expected = EXPECTED[language];
  let page: Page;

  beforeAll(async () => {
    page = await openDeck(language);
  });
  afterAll(async () => page?.close());

  it("says an endless loop's time limit in its language", async () => {
    await run(page, 'while (true) {}');
    expect(await ended(page)).toBe('killed');
    expect(await lines(page, '.log-killed')).toEqual([expect.stringMatching(expected.timeLimit)]);
  });

  it('says Stop in its language', async () => {
    await run(page, 'while (true) {}');
    await running(page);
    await page.click(`${BLOCK} [data-action="stop"]`);
    expect(await ended(page)).toBe('killed');
    expect(await lines(page, '.log-killed')).toEqual([expect.stringMatching(expected.stopped)]);
  });

  it("frames a run-time error in its language around the engine's own text", async () => {
    await run(page, "console.log('first');\nconst o: any = undefined;\no.boom();");
    expect(await ended(page)).toBe('error');
    expect(await lines(page, '.run-error')).toEqual([expect.stringMatching(expected.runError)]);
  });

  it('says the log cap in its language, after the lines it shows', async () => {
    await run(page, 'for (let i = 1; i <= 400; i++) console.log(i);');
    expect(await ended(page)).toBe('done');
    const shown = await lines(page, '.log');
    expect(shown).toHaveLength(301);
    expect(shown[299]).toBe('300');
    expect(shown[300]).toMatch(expected.logsCapped);
  });

  it('lists type errors above the output in its language, and runs the code anyway', async () => {
    await run(page, "const n: number = 'not a number';\nconsole.log('ran anyway', n);");
    expect(await ended(page)).toBe('done');
    await page.waitForSelector(`${BLOCK} [data-output][data-type-checked]`);
    // Above the run's own output, which is there too.
    expect(await lines(page, '.log')).toEqual([expect.stringMatching(expected.typeError), 'ran anyway not a number']);
    expect(await lines(page, '.type-error')).toHaveLength(1);
  });

  it('lists no type error for code that type-checks (the same probe, once the check has answered)', async () => {
    await run(page, "const n: number = 42;\nconsole.log('typed', n);");
    expect(await ended(page)).toBe('done');
    await page.waitForSelector(`${BLOCK} [data-output][data-type-checked]`);
    expect(await lines(page, '.log')).toEqual(['typed 42']);
  });

  it('labels the editor and the plot summary in its language', async () => {
    const label = await page.$eval(`${BLOCK} .monaco-editor`, (el) =>
      [...el.querySelectorAll('[aria-label]')]
        .map((node) => node.getAttribute('aria-label') ?? '')
        .find((text) => text.includes('Ctrl+Enter')),
    );
    expect(label).toMatch(expected.editor);
    await run(page, "import { plot } from 'rectify';\nplot([{ y: [1, 2, 3], name: 'relu' }]);");
    expect(await ended(page)).toBe('done');
    await page.waitForSelector(`${BLOCK} .live-plot[aria-label]`);
    expect(await page.$eval(`${BLOCK} .live-plot`, (el) => el.getAttribute('aria-label'))).toMatch(expected.plot);
  });

  it("shows reveal's help overlay, search box and arrows in its language", async () => {
    await pluginsLoaded(page);
    const help = await helpOverlay(page);
    expect(help.title).toBe(expected.helpTitle);
    expect(help.headers).toEqual(expected.helpHeaders);
    for (const row of expected.helpRows) expect(help.descriptions).toContain(row);
    // Every description is in the deck's language: Chinese has Han characters, English none.
    expect(help.descriptions.length).toBeGreaterThan(10);
    for (const text of help.descriptions) expect(HAN.test(text), text).toBe(language === 'zh');
    expect(await page.$eval('.searchbox .searchinput', (el) => (el as HTMLInputElement).placeholder)).toBe(expected.search);
    expect(await page.$eval('.reveal .controls .navigate-right', (el) => el.getAttribute('aria-label'))).toBe(expected.nextArrow);
  });
});

describe('a language switch in place', () => {
  it("relabels reveal's interface built before it: zh → en", async () => {
    const page = await openDeck('zh');
    await pluginsLoaded(page);
    // Control: before the switch, the same probes see Chinese.
    expect(await page.$eval('.searchbox .searchinput', (el) => (el as HTMLInputElement).placeholder)).toBe(EXPECTED.zh.search);
    expect((await helpOverlay(page)).title).toBe(EXPECTED.zh.helpTitle);
    await page.click('.language-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForFunction(() => document.querySelector('.searchbox .searchinput')?.getAttribute('placeholder') === 'Search...');
    expect(await page.$eval('.reveal .controls .navigate-right', (el) => el.getAttribute('aria-label'))).toBe(EXPECTED.en.nextArrow);
    const help = await helpOverlay(page);
    expect(help.title).toBe(EXPECTED.en.helpTitle);
    for (const row of EXPECTED.en.helpRows) expect(help.descriptions).toContain(row);
    for (const text of help.descriptions) expect(HAN.test(text), text).toBe(false);
    await page.close();
  });
});
