/**
 * English mode: `?lang=en` opens the English slides, and the toggle switches language in
 * place without leaving the current slide; a reload keeps both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { goToSlide, startHarness, waitForDeck, type Harness } from './harness';

let harness: Harness;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  page = await harness.open('#/bouncer');
});
afterAll(async () => harness?.close());

const heading = () => page.evaluate(() => window.Reveal.getCurrentSlide()?.querySelector('h1, h2, h3')?.textContent ?? '');
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('language', () => {
  it('is Chinese by default', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(hasChinese(await heading())).toBe(true);
  });

  it('switches to English in place, on the same slide, and the URL remembers it', async () => {
    await page.click('.language-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.waitForFunction(
      () => !/[\u4e00-\u9fff]/.test(window.Reveal.getCurrentSlide()?.querySelector('h1, h2, h3')?.textContent ?? '中'),
    );
    expect(await page.evaluate(() => window.Reveal.getCurrentSlide()?.id)).toBe('bouncer');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    const notes = await page.evaluate(() => window.Reveal.getSlideNotes() ?? '');
    expect(notes.length).toBeGreaterThan(20);
    expect(hasChinese(notes)).toBe(false);
  });

  it('keeps English and the slide after a reload', async () => {
    await page.reload();
    await waitForDeck(page);
    expect(await page.evaluate(() => [document.documentElement.lang, window.Reveal.getCurrentSlide()?.id])).toEqual(['en', 'bouncer']);
  });

  it('runs the English live blocks', async () => {
    await goToSlide(page, 'bouncer-live');
    await page.waitForFunction(() => document.querySelector('.present [data-live]')?.getAttribute('data-status') === 'done', null, {
      timeout: 20_000,
    });
    expect(hasChinese(await page.$eval('.present [data-output]', (el) => el.textContent ?? ''))).toBe(false);
  });

  it('switches back to Chinese', async () => {
    await page.click('.language-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
    expect(await page.evaluate(() => window.Reveal.getCurrentSlide()?.id)).toBe('bouncer-live');
  });
});
