import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A screen the deck is looked at on. */
export interface Viewport {
  width: number;
  height: number;
  /** A touch phone (reveal's scroll view). */
  phone: boolean;
}

/** The three screens, by name (`'1280x800'`, `'1920x1080'`, `'390x844'`). */
export declare const VIEWPORTS: Record<string, Viewport>;
/** `'zh'` and `'en'`. */
export declare const LANGUAGES: string[];

/** The deck open in one language at one viewport. */
export interface OpenDeck {
  context: BrowserContext;
  page: Page;
  lang: string;
  size: string;
  /** reveal's scroll view is on (the phone). */
  scrollView: boolean;
  /** Uncaught errors of the page so far. */
  errors: string[];
}

/** One slide: its id, position in `Reveal.getSlides()`, 1-based number, and screenshot name (`10-bouncer`). */
export interface SlideRef {
  id: string;
  index: number;
  number: number;
  name: string;
}

export declare function openDeck(browser: Browser, baseUrl: string, options: { lang: string; size: string }): Promise<OpenDeck>;
export declare function listSlides(page: Page): Promise<SlideRef[]>;
export declare function showSlide(deck: OpenDeck, slide: SlideRef): Promise<void>;
export declare function runBlocks(deck: OpenDeck, options?: { timeoutMs?: number }): Promise<string[]>;
export declare function setOverview(deck: OpenDeck, on: boolean): Promise<void>;
export declare function setHelp(deck: OpenDeck, on: boolean): Promise<void>;
export declare function openSearch(deck: OpenDeck): Promise<void>;
export declare function shoot(deck: OpenDeck, path: string, options?: { maxParts?: number }): Promise<string[]>;
export declare function settle(page: Page): Promise<void>;
