/**
 * The presenter tools take back all they add (issue 10.4): after the teardown that
 * `installPresenterTools` returns, R and W do nothing, a language switch no longer relabels
 * the menu, the live-code edit listener is gone, and so is the menu. Each probe is run once
 * before the teardown, where it must see the tools at work (its control). The production
 * module runs in a real deck served by Vite's dev server, on a stand-in for live code that
 * counts what the tools ask it; reveal's `destroy` tears down the deck's own tools.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDevDeck, type DevDeck } from './harness';

const DIR = 'test/fixtures/.tmp-presenter-teardown';

/** What the page keeps for the test: the tools under test, their stand-in live code, and its counts. */
interface Probe {
  /** Calls to the stand-in's `blocks()` (R asks it for the slide's blocks). */
  blockCalls: number;
  /** The stand-in's edit listeners (the tools subscribe one). */
  editListeners: Set<() => void>;
  /** The menu the tools under test added. */
  bar: HTMLElement;
  teardown: () => void;
}
type ProbeWindow = Window & { probe: Probe; installPresenterTools?: (...args: unknown[]) => () => void };

let deck: DevDeck;
let page: Page;

beforeAll(async () => {
  deck = await startDevDeck(DIR, { '01-a.md': '# One\n\nNote: n1\n---\n# Two\n' });
  page = deck.page;
  // A module script, not `import()` inside evaluate: the test runner rewrites `import()` in this file.
  await page.addScriptTag({
    type: 'module',
    content: "import { installPresenterTools } from '/src/tools/presenter-tools.ts'; window.installPresenterTools = installPresenterTools;",
  });
  await page.waitForFunction(() => typeof (window as unknown as ProbeWindow).installPresenterTools === 'function');
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    const before = new Set(document.querySelectorAll('.edit-tools'));
    const probe = { blockCalls: 0, editListeners: new Set<() => void>() } as Probe;
    const liveCode = {
      blocks: () => {
        probe.blockCalls++;
        return [];
      },
      onEdit: (listener: () => void) => {
        probe.editListeners.add(listener);
        return () => probe.editListeners.delete(listener);
      },
    };
    probe.teardown = w.installPresenterTools!(window.Reveal, liveCode);
    probe.bar = [...document.querySelectorAll<HTMLElement>('.edit-tools')].find((bar) => !before.has(bar))!;
    w.probe = probe;
  });
});

afterAll(async () => deck?.close());

/** Presses `key` on the deck and waits until the keydown has reached the document (reveal's handler, added first, has run). */
async function press(key: string): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { keydown?: Promise<void> };
    w.keydown = new Promise<void>((resolve) => document.addEventListener('keydown', () => resolve(), { once: true }));
  });
  await page.keyboard.press(key);
  await page.evaluate(() => (window as unknown as { keydown?: Promise<void> }).keydown);
}

/**
 * What the tools' probes see now: R's calls, W's mark, the menu's label while the page is in the
 * other language (switched there and back, each with the language event), listeners, the menu.
 */
async function probe(): Promise<{
  blockCallsAfterR: number;
  warmup?: string;
  label: string;
  editListeners: number;
  barInDocument: boolean;
}> {
  await page.evaluate(() => {
    delete document.documentElement.dataset.warmup;
    (window as unknown as ProbeWindow).probe.blockCalls = 0;
  });
  await press('r');
  const blockCallsAfterR = await page.evaluate(() => (window as unknown as ProbeWindow).probe.blockCalls);
  await press('w');
  return page.evaluate((calls) => {
    const { probe } = window as unknown as ProbeWindow;
    const warmup = document.documentElement.dataset.warmup;
    const menuButton = probe.bar.querySelector('[data-tool="menu"]')!;
    // A language switch: listeners on the event run while it is dispatched, so the label is final after it.
    const from = document.documentElement.lang;
    document.documentElement.lang = from === 'en' ? 'zh-CN' : 'en';
    document.dispatchEvent(new Event('rectify-language'));
    const label = menuButton.textContent ?? '';
    document.documentElement.lang = from;
    document.dispatchEvent(new Event('rectify-language'));
    return { blockCallsAfterR: calls, warmup, label, editListeners: probe.editListeners.size, barInDocument: probe.bar.isConnected };
  }, blockCallsAfterR);
}

describe('presenter tools teardown', () => {
  it('removes the key bindings, the listeners and the menu it added (control: each worked before)', async () => {
    const before = await probe();
    expect(before.blockCallsAfterR).toBeGreaterThan(0);
    expect(before.warmup).toBeDefined();
    expect(before.label).toMatch(/^✎ My edits \(0\)$/);
    expect(before.editListeners).toBe(1);
    expect(before.barInDocument).toBe(true);

    await page.evaluate(() => (window as unknown as ProbeWindow).probe.teardown());
    const after = await probe();
    expect(after).toEqual({ blockCallsAfterR: 0, warmup: undefined, label: '✎ 我的修改（0）', editListeners: 0, barInDocument: false });
  });

  it("reveal's destroy tears down the deck's own presenter tools (control: their menu is there before)", async () => {
    // The deck's own menu: not the one the test above added (this test may run alone).
    const decksMenus = () =>
      page.evaluate(
        () => [...document.querySelectorAll('.edit-tools')].filter((bar) => bar !== (window as unknown as ProbeWindow).probe.bar).length,
      );
    expect(await decksMenus()).toBe(1);
    await page.evaluate(() => window.Reveal.destroy());
    expect(await decksMenus()).toBe(0);
  });
});
